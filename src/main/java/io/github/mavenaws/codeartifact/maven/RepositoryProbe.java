package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * One authorized GET of a CodeArtifact repository URL, as a build's download would send it: HTTP Basic
 * {@code aws:<token>}, and no redirect followed, so the token never leaves the repository's host and a redirect is
 * seen rather than taken. CodeArtifact answers 200 or 404 to a token it accepts (307 to S3 for a package file) and
 * 401/403 to one it refuses. The body is never read.
 */
public final class RepositoryProbe {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** What the repository answered: the status and, for a redirect, the {@code Location} header. */
    public static final class Answer {
        private final int status;
        private final String location;

        /**
         * @param status the HTTP status
         * @param location the {@code Location} header, or null when there is none
         */
        public Answer(int status, String location) {
            this.status = status;
            this.location = location;
        }

        public int status() {
            return status;
        }

        /** The {@code Location} header, or null; a presigned URL is a credential, so never print it whole. */
        public String location() {
            return location;
        }

        /** Whether the repository accepted the token and answered itself: a file, or no such file. */
        public boolean accepted() {
            return status >= 200 && status < 300 || status == 404;
        }

        /** Whether the repository sent the request elsewhere: CodeArtifact does so, to S3, for a token it accepts. */
        public boolean redirected() {
            return status >= 300 && status < 400;
        }

        /** Whether the repository refused the token. */
        public boolean refused() {
            return status == 401 || status == 403;
        }

        /** The status only: the location may be a presigned URL. */
        @Override
        public String toString() {
            return "HTTP " + status + (location == null ? "" : " with a Location header");
        }
    }

    private RepositoryProbe() {}

    /**
     * @param url the URL to GET, on the repository's https host, not null
     * @param token the token to send, not null
     * @param proxy the proxy to go through, or null for the JVM's own choice
     * @param userAgent the User-Agent header, not null
     * @return the repository's answer, never null
     * @throws IOException when the repository cannot be reached
     */
    public static Answer get(String url, AuthorizationToken token, Proxy proxy, String userAgent) throws IOException {
        URL target = https(url, token, userAgent);
        HttpURLConnection connection =
                (HttpURLConnection) (proxy == null ? target.openConnection() : target.openConnection(proxy));
        connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        connection.setReadTimeout(READ_TIMEOUT_MILLIS);
        return send(connection, token, userAgent);
    }

    /**
     * As {@link #get(String, AuthorizationToken, Proxy, String)}, through the proxy {@code proxies} gives the host,
     * tunnelled with its Basic credentials where it has them (the command line's probe, with no Maven to send them).
     *
     * @param proxies the proxies by host, not null
     */
    public static Answer get(String url, AuthorizationToken token, AwsProxies proxies, String userAgent)
            throws IOException {
        URL target = https(url, token, userAgent);
        Objects.requireNonNull(proxies, "proxies cannot be null");
        HttpURLConnection connection;
        try {
            connection = proxies.openConnection(target.toURI(), Duration.ofMillis(CONNECT_TIMEOUT_MILLIS),
                    Duration.ofMillis(READ_TIMEOUT_MILLIS));
        } catch (URISyntaxException e) {
            throw new IOException("not a URL: " + e.getReason(), e);
        }
        return send(connection, token, userAgent);
    }

    private static URL https(String url, AuthorizationToken token, String userAgent) throws IOException {
        Objects.requireNonNull(url, "url cannot be null");
        Objects.requireNonNull(token, "token cannot be null");
        Objects.requireNonNull(userAgent, "userAgent cannot be null");
        URL target = new URL(url);
        if (!"https".equals(target.getProtocol())) {
            throw new IOException("not an https URL: the token is sent over https only");
        }
        return target;
    }

    private static Answer send(HttpURLConnection connection, AuthorizationToken token, String userAgent)
            throws IOException {
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("aws:" + token.value()).getBytes(StandardCharsets.UTF_8)));
            connection.setRequestProperty("User-Agent", userAgent);
            int status = connection.getResponseCode();
            String location = connection.getHeaderField("Location");
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (body != null) {
                body.close();
            }
            return new Answer(status, location);
        } finally {
            connection.disconnect();
        }
    }
}
