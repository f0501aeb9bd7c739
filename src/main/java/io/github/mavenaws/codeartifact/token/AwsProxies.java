package io.github.mavenaws.codeartifact.token;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Which proxy, if any, the AWS calls to a host go through. Maven's {@code settings.xml} {@code <proxy>} comes first
 * (the caller in the maven package asks Maven's proxy selector, which applies {@code nonProxyHosts} and has the
 * password decrypted); where Maven names none, {@code HTTPS_PROXY} / {@code https_proxy} with {@code NO_PROXY} /
 * {@code no_proxy}, as the AWS CLI reads them, then the JVM's {@code https.proxyHost} / {@code https.proxyPort}
 * ({@code https.proxyUser} / {@code https.proxyPassword}, as the SDK reads them) with {@code http.nonProxyHosts}.
 */
public interface AwsProxies {
    /** No proxy for any host. */
    AwsProxies DIRECT = host -> null;

    /**
     * @param host an AWS host name, not null
     * @return the proxy for calls to it, or null to connect directly
     */
    AwsProxy forHost(String host);

    /**
     * How the AWS calls to {@code host} go, in the words {@code -X} and the command line's doctor use: "through the
     * proxy proxy.corp:3128 (settings.xml &lt;proxy&gt;, user alice)" or "directly, through no proxy". Never the
     * password.
     *
     * @param host an AWS host name, not null
     */
    default String describe(String host) {
        AwsProxy proxy = forHost(Objects.requireNonNull(host, "host cannot be null"));
        return proxy == null ? "directly, through no proxy" : "through the proxy " + proxy.describe();
    }

    /**
     * A connection to {@code uri} that goes as the AWS calls go: through the proxy {@link #forHost} names for its
     * host (for HTTPS a CONNECT tunnel, with Basic proxy authentication), else directly. For the command line's
     * repository probe, which must reach the repository the way a build does.
     *
     * @param uri where to connect, not null
     * @param connectTimeout the bound on connecting, not null
     * @param readTimeout the bound on each read, not null
     * @throws IOException when the connection cannot be made
     */
    default HttpURLConnection openConnection(URI uri, Duration connectTimeout, Duration readTimeout)
            throws IOException {
        Objects.requireNonNull(uri, "uri cannot be null");
        try {
            return new ProxiedConnections(this, connectTimeout, readTimeout).createConnection(uri);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** This, and {@code fallback} for the hosts this gives no proxy for. */
    default AwsProxies orElse(AwsProxies fallback) {
        Objects.requireNonNull(fallback, "fallback cannot be null");
        return host -> {
            AwsProxy proxy = forHost(host);
            return proxy != null ? proxy : fallback.forHost(host);
        };
    }

    /**
     * The proxies of the environment and the JVM, for when Maven names none.
     *
     * @param environment the process's environment, not null
     * @param system the JVM's system properties, not null
     * @throws IllegalArgumentException when {@code HTTPS_PROXY} or {@code https.proxyPort} is unusable, saying which
     */
    static AwsProxies fromEnvironment(Map<String, String> environment, Properties system) {
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(system, "system cannot be null");
        String variable = environment.get("HTTPS_PROXY") != null ? "HTTPS_PROXY" : "https_proxy";
        String url = environment.get(variable);
        String noProxy = environment.get("NO_PROXY") != null ? environment.get("NO_PROXY") : environment.get("no_proxy");
        if (url != null && !url.trim().isEmpty()) {
            AwsProxy proxy = parse(url.trim(), variable);
            return host -> excluded(host, noProxy, ",") ? null : proxy;
        }
        String host = system.getProperty("https.proxyHost");
        if (host != null && !host.trim().isEmpty()) {
            int port;
            try {
                port = Integer.parseInt(system.getProperty("https.proxyPort", "443").trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("https.proxyPort is not a port number (1 to 65535): set it to the"
                        + " proxy's port, or unset https.proxyHost");
            }
            AwsProxy proxy = new AwsProxy(host.trim(), port, system.getProperty("https.proxyUser"),
                    system.getProperty("https.proxyPassword"), "the JVM's https.proxyHost");
            String nonProxy = system.getProperty("http.nonProxyHosts");
            return h -> excluded(h, nonProxy, "\\|") ? null : proxy;
        }
        return DIRECT;
    }

    /**
     * "http://user:pass@host:port" or "host:port", as the AWS CLI accepts them.
     *
     * @throws IllegalArgumentException naming the variable, never quoting its value (it may hold a password)
     */
    static AwsProxy parse(String url, String variable) {
        URI uri;
        try {
            uri = new URI(url.contains("://") ? url : "http://" + url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null) {
            throw new IllegalArgumentException(variable + " is not a proxy URL: set it to http://host:port or"
                    + " http://user:password@host:port (characters such as @ or : in the password percent-encoded),"
                    + " or unset it (its value is not shown: it may hold a password)");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : null;
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new AwsProxy(uri.getHost(), port, user, password, variable);
    }

    /**
     * Whether {@code host} is in a no-proxy list: "*", a name, ".suffix" or "*.suffix" (a name also covers its
     * subdomains, as curl and the AWS CLI read NO_PROXY).
     */
    static boolean excluded(String host, String list, String separator) {
        if (list == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        for (String entry : list.split(separator)) {
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            if (e.equals("*")) {
                return true;
            }
            String suffix = e.startsWith("*.") ? e.substring(1) : e.startsWith(".") ? e : "." + e;
            if (name.equals(suffix.substring(1)) || name.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }
}
