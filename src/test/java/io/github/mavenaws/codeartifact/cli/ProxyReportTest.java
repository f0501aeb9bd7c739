package io.github.mavenaws.codeartifact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyReportTest {

    private static ProxyReport report(Map<String, String> environment, Map<String, String> properties) {
        PrintStream none = new PrintStream(new ByteArrayOutputStream());
        return ProxyReport.of(new Context(none, none, environment, properties, Paths.get(".")));
    }

    @Test
    void noProxy() {
        ProxyReport report = report(Collections.emptyMap(), Collections.emptyMap());
        assertNull(report.proxy());
        assertTrue(report.description().startsWith("none"), report.description());
    }

    @Test
    void systemPropertiesWinOverTheVariable() {
        Map<String, String> properties = new HashMap<>();
        properties.put("https.proxyHost", "proxy.corp");
        properties.put("https.proxyPort", "3128");
        ProxyReport report = report(Collections.singletonMap("HTTPS_PROXY", "http://other:8080"), properties);
        assertEquals("proxy.corp:3128", report.proxy());
        assertTrue(report.description().contains("https.proxyHost"), report.description());
    }

    @Test
    void theVariablesPasswordIsNeverShown() {
        ProxyReport report = report(Collections.singletonMap("HTTPS_PROXY", "http://alice:s3cr3t@proxy.corp:3128"),
                Collections.emptyMap());
        assertEquals("proxy.corp:3128", report.proxy());
        assertFalse(report.description().contains("s3cr3t"), report.description());
        assertFalse(report.description().contains("alice"), report.description());
    }
}
