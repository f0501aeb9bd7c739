package io.github.mavenaws.codeartifact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.AwsProxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsXmlProxyTest {
    private static final String CODEARTIFACT = "codeartifact.us-west-2.amazonaws.com";

    @TempDir
    Path home;

    private Path settings(String proxies) throws IOException {
        Path file = Files.createDirectories(home.resolve(".m2")).resolve("settings.xml");
        Files.write(file, ("<settings><proxies>" + proxies + "</proxies></settings>").getBytes(StandardCharsets.UTF_8));
        return file;
    }

    @Test
    void theFirstActiveHttpsProxyWithItsNonProxyHosts() throws IOException {
        AwsProxies proxies = SettingsXmlProxy.read(settings(
                "<proxy><id>plain</id><protocol>http</protocol><host>other</host><port>1</port></proxy>"
                + "<proxy><id>off</id><active>false</active><protocol>https</protocol><host>off</host></proxy>"
                + "<proxy><id>corp</id><protocol>https</protocol><host>proxy.corp</host><port>3128</port>"
                + "<username>alice</username><password>s3cret</password>"
                + "<nonProxyHosts>*.internal|sts.*.amazonaws.com</nonProxyHosts></proxy>"));

        AwsProxy proxy = proxies.forHost(CODEARTIFACT);
        assertEquals("proxy.corp:3128 (settings.xml <proxy> 'corp', user alice)", proxy.describe());
        assertNull(proxies.forHost("sts.us-west-2.amazonaws.com"));
        assertNull(proxies.forHost("repo.internal"));
        assertFalse(proxies.describe(CODEARTIFACT).contains("s3cret"));
    }

    @Test
    void anEncryptedPasswordIsNotSentAndTheProxySaysSo() throws IOException {
        AwsProxy proxy = SettingsXmlProxy.read(settings("<proxy><protocol>https</protocol><host>p</host>"
                + "<username>bob</username><password>{COQLCE6DU6GtcS5P=}</password></proxy>")).forHost(CODEARTIFACT);

        assertEquals("p:8080 (settings.xml <proxy>, its encrypted password not decrypted outside Maven, user bob)",
                proxy.describe());
        assertFalse(proxy.toString().contains("password ***"), proxy.toString());
    }

    @Test
    void noSettingsOrNoProxyIsDirect() throws IOException {
        assertSame(AwsProxies.DIRECT, SettingsXmlProxy.read(home.resolve("missing.xml")));
        assertSame(AwsProxies.DIRECT, SettingsXmlProxy.read(settings("")));
    }

    @Test
    void theCommandsTakeSettingsXmlFirstThenTheEnvironment() throws Exception {
        settings("<proxy><protocol>https</protocol><host>maven.proxy</host><port>1</port>"
                + "<nonProxyHosts>sts.*</nonProxyHosts></proxy>");
        Map<String, String> properties = new HashMap<>();
        properties.put("user.home", home.toString());
        PrintStream none = new PrintStream(new ByteArrayOutputStream());
        AwsProxies proxies = new Context(none, none, Collections.singletonMap("HTTPS_PROXY", "http://env.proxy:2"),
                properties, home).proxies();

        assertTrue(proxies.describe(CODEARTIFACT).startsWith("through the proxy maven.proxy:1 (settings.xml"),
                proxies.describe(CODEARTIFACT));
        assertEquals("through the proxy env.proxy:2 (HTTPS_PROXY)", proxies.describe("sts.us-west-2.amazonaws.com"));
    }
}
