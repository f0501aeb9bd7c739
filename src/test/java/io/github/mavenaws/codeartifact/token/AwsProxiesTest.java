package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Where Maven names no proxy: HTTPS_PROXY and NO_PROXY as the AWS CLI reads them, then the JVM's properties. */
class AwsProxiesTest {
    private static final String CODEARTIFACT = "codeartifact.us-west-2.amazonaws.com";

    @Test
    void httpsProxyWithCredentialsAndNoProxy() {
        AwsProxies proxies = AwsProxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://bob:s3cret@proxy.corp:3128",
                "NO_PROXY", "localhost, .internal.corp,sts.us-west-2.amazonaws.com"), new Properties());
        AwsProxy proxy = proxies.forHost(CODEARTIFACT);
        assertEquals("proxy.corp:3128 (HTTPS_PROXY, user bob)", proxy.describe());
        assertEquals("s3cret", proxy.password());
        assertFalse(proxy.toString().contains("s3cret"), proxy.toString());
        assertNull(proxies.forHost("sts.us-west-2.amazonaws.com"));
        assertNull(proxies.forHost("repo.internal.corp"));
        assertNull(proxies.forHost("localhost"));
    }

    @Test
    void lowerCaseVariableAndHostPortOnly() {
        AwsProxy proxy = AwsProxies.fromEnvironment(Map.of("https_proxy", "proxy.corp:8080"), new Properties())
                .forHost(CODEARTIFACT);
        assertEquals("proxy.corp:8080 (https_proxy)", proxy.describe());
    }

    @Test
    void theJvmsPropertiesWhenNoVariable() {
        Properties system = new Properties();
        system.setProperty("https.proxyHost", "jvm-proxy");
        system.setProperty("https.proxyPort", "3129");
        system.setProperty("http.nonProxyHosts", "*.amazonaws.com.cn|localhost");
        AwsProxies proxies = AwsProxies.fromEnvironment(Map.of(), system);
        assertEquals("jvm-proxy:3129 (the JVM's https.proxyHost)", proxies.forHost(CODEARTIFACT).describe());
        assertNull(proxies.forHost("codeartifact.cn-north-1.amazonaws.com.cn"));
    }

    @Test
    void noneAtAll() {
        assertNull(AwsProxies.fromEnvironment(Map.of(), new Properties()).forHost(CODEARTIFACT));
    }

    @Test
    void noProxyStarAndSuffixes() {
        assertTrue(AwsProxies.excluded(CODEARTIFACT, "*", ","));
        assertTrue(AwsProxies.excluded(CODEARTIFACT, "amazonaws.com", ","));
        assertTrue(AwsProxies.excluded(CODEARTIFACT, "*.amazonaws.com", ","));
        assertFalse(AwsProxies.excluded(CODEARTIFACT, "notamazonaws.com", ","));
        assertFalse(AwsProxies.excluded(CODEARTIFACT, null, ","));
    }

    @Test
    void mavensProxyFirstTheEnvironmentsForTheRest() {
        AwsProxy maven = new AwsProxy("maven-proxy", 3128, null, null, "settings.xml <proxy>");
        AwsProxies proxies = ((AwsProxies) host -> host.startsWith("codeartifact") ? maven : null)
                .orElse(AwsProxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://env:1"), new Properties()));
        assertEquals(maven, proxies.forHost(CODEARTIFACT));
        assertEquals("env:1 (HTTPS_PROXY)", proxies.forHost("sts.us-west-2.amazonaws.com").describe());
    }

    @Test
    void anUnusableProxyVariableIsNamedItsValueNeverShown() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AwsProxies.fromEnvironment(Map.of("HTTPS_PROXY", "http://bob:pa ss@word@proxy:31x8"),
                        new Properties()));
        assertTrue(e.getMessage().startsWith("HTTPS_PROXY is not a proxy URL"), e.getMessage());
        assertFalse(e.getMessage().contains("pa ss"), e.getMessage());

        Properties system = new Properties();
        system.setProperty("https.proxyHost", "proxy.corp");
        system.setProperty("https.proxyPort", "eighty");
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AwsProxies.fromEnvironment(Map.of(), system));
        assertTrue(e.getMessage().startsWith("https.proxyPort is not a port number"), e.getMessage());
    }
}
