package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One authorized GET of a repository's root, as a build's first download would send it: HTTP Basic {@code aws:<token>},
 * no redirect followed, through the settings.xml proxy a build's downloads use. CodeArtifact answers 404 to a token it accepts (the root is no artifact) and 401/403 to one
 * it refuses; the body is never read.
 */
final class RepositoryProbe {
    static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    static final int READ_TIMEOUT_MILLIS = 10_000;

    private RepositoryProbe() {}

    /** Whether a status means the repository accepted the token. */
    static boolean accepted(int status) {
        return status >= 200 && status < 300 || status == 404;
    }

    static boolean refused(int status) {
        return status == 401 || status == 403;
    }

    /**
     * @param url the repository URL, https, not null
     * @param token the token to send, not null
     * @param proxies the proxy of the repository's host, as a build's downloads use it, not null
     * @return the HTTP status
     * @throws IOException when the repository cannot be reached
     */
    static int get(String url, AuthorizationToken token, AwsProxies proxies) throws IOException {
        HttpURLConnection connection = proxies.openConnection(URI.create(url),
                Duration.ofMillis(CONNECT_TIMEOUT_MILLIS), Duration.ofMillis(READ_TIMEOUT_MILLIS));
        try {
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(("aws:" + token.value()).getBytes(StandardCharsets.UTF_8)));
            connection.setRequestProperty("User-Agent", ThisJar.ARTIFACT_ID + "/" + ThisJar.version() + " doctor");
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            if (body != null) {
                body.close();
            }
            return status;
        } finally {
            connection.disconnect();
        }
    }
}
