package io.github.mavenaws.codeartifact.cli;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The proxy this JVM's HTTPS goes through, as the AWS SDK's URLConnection client and the repository probe pick it:
 * the {@code https.proxyHost} system property, else (the SDK only) the {@code HTTPS_PROXY} variable. A proxy's user
 * and password are never shown. Maven's own downloads use settings.xml's proxies instead.
 */
final class ProxyReport {
    private final String description;
    private final String proxy;

    private ProxyReport(String description, String proxy) {
        this.description = description;
        this.proxy = proxy;
    }

    static ProxyReport of(Context context) {
        String host = context.property("https.proxyHost");
        if (host != null && !host.trim().isEmpty()) {
            String port = context.property("https.proxyPort");
            String proxy = host.trim() + ":" + (port == null || port.trim().isEmpty() ? "443" : port.trim());
            String nonProxy = context.property("http.nonProxyHosts");
            return new ProxyReport(proxy + " (system properties https.proxyHost/https.proxyPort"
                    + (nonProxy == null ? "" : ", except http.nonProxyHosts " + nonProxy) + ")", proxy);
        }
        for (String variable : new String[] {"HTTPS_PROXY", "https_proxy"}) {
            String value = context.environment().get(variable);
            if (value != null && !value.trim().isEmpty()) {
                String proxy = withoutUserInfo(value.trim());
                return new ProxyReport(proxy + " (" + variable + ", for the AWS SDK's calls; the repository probe, like"
                        + " Maven, does not read it)", proxy);
            }
        }
        return new ProxyReport("none (neither https.proxyHost nor HTTPS_PROXY is set)", null);
    }

    /** What to print. */
    String description() {
        return description;
    }

    /** host:port of the proxy, or null when there is none. */
    String proxy() {
        return proxy;
    }

    private static String withoutUserInfo(String url) {
        try {
            URI uri = new URI(url.contains("://") ? url : "http://" + url);
            if (uri.getHost() == null) {
                return "a value that is not a proxy URL";
            }
            return uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException e) {
            return "a value that is not a proxy URL";
        }
    }
}
