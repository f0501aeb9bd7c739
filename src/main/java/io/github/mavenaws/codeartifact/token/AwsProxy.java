package io.github.mavenaws.codeartifact.token;

import java.util.Objects;

/**
 * An HTTP proxy the AWS calls go through (HTTPS by CONNECT), with its Basic credentials if it asks for them, and
 * where it was configured, for messages. The password never shows: not in {@link #toString()}, not in a message.
 */
public final class AwsProxy {
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final String source;

    /**
     * @param host the proxy's host, not null
     * @param port its port
     * @param username its user, or null when it asks for none
     * @param password that user's password, or null
     * @param source where it was configured ("settings.xml proxy 'corp'", "HTTPS_PROXY"), not null
     */
    public AwsProxy(String host, int port, String username, String password, String source) {
        this.host = Objects.requireNonNull(host, "host cannot be null");
        this.port = port;
        this.username = username;
        this.password = password;
        this.source = Objects.requireNonNull(source, "source cannot be null");
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user, or null. */
    public String username() {
        return username;
    }

    /** The password, or null; for the Proxy-Authorization header only. */
    String password() {
        return password;
    }

    /** "proxy.corp:3128 (settings.xml proxy 'corp', user alice)": what messages and -X say. */
    public String describe() {
        return host + ":" + port + " (" + source + (username == null ? "" : ", user " + username) + ")";
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AwsProxy)) {
            return false;
        }
        AwsProxy that = (AwsProxy) o;
        return host.equals(that.host) && port == that.port && Objects.equals(username, that.username)
                && Objects.equals(password, that.password) && source.equals(that.source);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, username, source);
    }

    @Override
    public String toString() {
        return "AwsProxy[" + describe() + (password == null ? "" : ", password ***") + "]";
    }
}
