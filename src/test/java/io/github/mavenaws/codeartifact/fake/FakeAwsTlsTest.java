package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate, trust store and hosts file: what lets a Maven JVM reach the fake under real AWS names. */
class FakeAwsTlsTest {

    @TempDir
    Path dir;

    FakeAws aws;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void certificateValidatesForEveryFormOfAwsName() throws Exception {
        for (String host : List.of(
                "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com",
                "acme-111122223333.codeartifact.eu-central-1.on.aws",
                "vpce-0123-abcd.d.codeartifact.ap-southeast-2.vpce.amazonaws.com",
                "assets-111122223333-sa-east-1.s3.sa-east-1.amazonaws.com",
                "codeartifact.ca-central-1.amazonaws.com",
                "sts.eu-north-1.amazonaws.com",
                "sts.amazonaws.com",
                "localhost")) {
            // the handshake checks the certificate against `host`; any HTTP status proves it passed
            LoopbackHttps.Response response = LoopbackHttps.get(aws, host, "/", Map.of());
            assertTrue(response.status() >= 200, host);
        }
    }

    @Test
    void certificateDoesNotValidateForOtherNames() {
        assertThrows(SSLHandshakeException.class,
                () -> LoopbackHttps.get(aws, "repo.maven.apache.org", "/", Map.of()));
        assertThrows(SSLHandshakeException.class, // wildcards cover one label only
                () -> LoopbackHttps.get(aws, "a.b.d.codeartifact.us-west-2.amazonaws.com", "/", Map.of()));
    }

    @Test
    void trustStoreHoldsOnlyTheFakeCertificate() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(aws.trustStore())) {
            trust.load(in, aws.trustStorePassword().toCharArray());
        }
        List<String> aliases = Collections.list(trust.aliases());
        assertEquals(1, aliases.size());
        X509Certificate certificate = (X509Certificate) trust.getCertificate(aliases.get(0));
        assertTrue(certificate.getSubjectAlternativeNames().stream()
                .anyMatch(n -> n.get(1).equals("*.d.codeartifact.us-west-2.amazonaws.com")));
        assertEquals(2048, ((RSAPublicKey) certificate.getPublicKey()).getModulus().bitLength());
    }

    @Test
    void hostsFileMapsApiAndDomainHostsToLoopback() throws Exception {
        FakeDomain domain = aws.domain("acme", "111122223333", "eu-west-1");
        List<String> lines = Files.readAllLines(aws.hostsFile());
        for (String host : List.of("localhost", "codeartifact.us-east-1.amazonaws.com", "sts.sa-east-1.amazonaws.com",
                "sts.amazonaws.com", domain.host(), domain.dualStackHost(), domain.vpcEndpointHost(),
                domain.assetsHost())) {
            assertTrue(lines.contains("127.0.0.1 " + host), host);
        }
    }

    /**
     * What Maven will see: a separate JVM with only the two system properties resolves the repository host to the
     * fake, trusts it through {@code javax.net.ssl.trustStore}, downloads with the token, and cannot resolve
     * anything else.
     */
    @Test
    void childJvmWithHostsFileAndTrustStoreReachesTheFakeOnly() throws Exception {
        FakeDomain domain = aws.domain("acme", "111122223333", "us-west-2");
        FakeRepository repository = domain.repository("releases").put("a/b/1/b-1.pom", "<project/>");
        FakePrincipal user = aws.user("AKIACHILDJVM0000001", "secret").allowToken(domain);
        String token = aws.issueToken(domain, user);

        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, """
                import java.net.*;
                import java.util.Base64;
                public class Probe {
                    public static void main(String[] a) throws Exception {
                        HttpURLConnection c = (HttpURLConnection) java.net.URI.create(a[0]).toURL().openConnection();
                        c.setRequestProperty("Authorization",
                                "Basic " + Base64.getEncoder().encodeToString(("aws:" + a[1]).getBytes()));
                        System.out.println(c.getResponseCode() + " " + new String(c.getInputStream().readAllBytes()));
                        try {
                            InetAddress.getByName("repo.maven.apache.org");
                            System.out.println("resolved");
                        } catch (UnknownHostException e) {
                            System.out.println("unresolvable");
                        }
                    }
                }
                """);
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djdk.net.hosts.file=" + aws.hostsFile(),
                "-Djavax.net.ssl.trustStore=" + aws.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=" + aws.trustStorePassword(),
                probe.toString(), repository.url() + "a/b/1/b-1.pom", token)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("200 <project/>\nunresolvable\n", output);
    }

    @Test
    void bindFailureExplainsPort443() throws Exception {
        try (FakeAws other = FakeAws.start(dir.resolve("other"), 0)) {
            Exception e = assertThrows(BindException.class, () -> FakeAws.start(dir, other.port()));
            assertTrue(e.getMessage().contains("net.ipv4.ip_unprivileged_port_start=443"), e.getMessage());
        }
    }

    @Test
    void closeFreesThePortForTheNextFake() throws Exception {
        int port = aws.port();
        aws.close();
        aws = FakeAws.start(dir, port);
        assertEquals(port, aws.port());
        assertTrue(LoopbackHttps.get(aws, "localhost", "/", Map.of()).status() >= 200);
    }
}
