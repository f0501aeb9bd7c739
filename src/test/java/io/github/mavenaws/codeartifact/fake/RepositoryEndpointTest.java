package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Maven repository hosts: token checks, reads, publishes, upstream fall-through and the S3 redirect. */
class RepositoryEndpointTest {

    static final String JAR = "com/example/greeting/1.0/greeting-1.0.jar";

    @TempDir
    Path dir;

    FakeAws aws;
    FakeDomain domain;
    FakeRepository repository;
    FakePrincipal reader;
    FakePrincipal publisher;
    byte[] jar;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
        domain = aws.domain("acme", "111122223333", "us-west-2");
        jar = FakeAwsMain.greetingJar();
        repository = domain.repository("releases").put(JAR, jar);
        reader = aws.user("AKIAFAKEREADER000001", "reader-secret").allowToken(domain);
        publisher = aws.user("AKIAFAKEPUBLISHER001", "publisher-secret").allowPublish(domain);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    static Map<String, String> basic(String token) {
        return Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8)));
    }

    LoopbackHttps.Response get(String path, Map<String, String> headers) throws Exception {
        return LoopbackHttps.get(aws, domain.host(), "/maven/releases/" + path, headers);
    }

    LoopbackHttps.Response put(String path, String token, byte[] body) throws Exception {
        return LoopbackHttps.send(aws, domain.host(), "PUT", "/maven/releases/" + path, basic(token), body);
    }

    @Test
    void withoutOrWithBadTokenAnswers401WithBasicChallenge() throws Exception {
        LoopbackHttps.Response none = get(JAR, Map.of());
        assertEquals(401, none.status());
        assertEquals("Basic realm=\"acme/releases\"", none.header("WWW-Authenticate"));

        assertEquals(401, get(JAR, basic("not-a-token")).status());
        assertEquals(401, get(JAR, Map.of("Authorization", "Basic !!!")).status());
        String token = aws.issueToken(domain, reader);
        assertEquals(401, get(JAR, Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("someone:" + token).getBytes(StandardCharsets.UTF_8)))).status());

        FakeCall first = aws.calls().get(0);
        assertEquals(FakeCall.Service.REPOSITORY, first.service());
        assertEquals("GET", first.operation());
        assertEquals(FakeCall.Authorization.NONE, first.authorization());
        assertFalse(first.tokenValid());
        assertEquals(FakeCall.Authorization.BASIC, aws.calls().get(1).authorization());
    }

    @Test
    void validTokenReadsFilesAndTheirChecksums() throws Exception {
        String token = aws.issueToken(domain, reader);
        LoopbackHttps.Response response = get(JAR, basic(token));
        assertEquals(200, response.status());
        assertArrayEquals(jar, response.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(jar)),
                get(JAR + ".sha1", basic(token)).text());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(jar)),
                get(JAR + ".md5", basic(token)).text());
        assertEquals(200, get(JAR, Map.of("Authorization", "Bearer " + token)).status());

        LoopbackHttps.Response head = LoopbackHttps.send(aws, domain.host(), "HEAD", "/maven/releases/" + JAR,
                basic(token), null);
        assertEquals(200, head.status());
        assertEquals(Integer.toString(jar.length), head.header("Content-Length"));

        assertEquals(404, get("com/example/missing/1.0/missing-1.0.jar", basic(token)).status());
        assertEquals(404, LoopbackHttps.get(aws, domain.host(), "/maven/nope/" + JAR, basic(token)).status());
        assertTrue(aws.calls().get(0).tokenValid());
        assertFalse(aws.calls().toString().contains(token), "calls must not print tokens");
        assertTrue(aws.violations().isEmpty(), aws.violations().toString());
    }

    @Test
    void everyHostFormServesTheDomain() throws Exception {
        String token = aws.issueToken(domain, reader);
        for (String url : new String[] {repository.url(), repository.dualStackUrl(), repository.vpcEndpointUrl()}) {
            URI uri = URI.create(url + JAR);
            assertEquals(200, LoopbackHttps.get(aws, uri.getHost(), uri.getRawPath(), basic(token)).status(), url);
        }
    }

    @Test
    void tokenOpensOnlyItsOwnDomain() throws Exception {
        FakeDomain other = aws.domain("other", "111122223333", "us-west-2");
        reader.allowToken(other);
        other.repository("releases").put(JAR, jar);
        String tokenForOther = aws.issueToken(other, reader);
        assertEquals(401, get(JAR, basic(tokenForOther)).status());
        assertEquals(200, LoopbackHttps.get(aws, other.host(), "/maven/releases/" + JAR, basic(tokenForOther))
                .status());
    }

    @Test
    void revokedExpiredAndDeniedTokensAreRefused() throws Exception {
        String token = aws.issueToken(domain, reader);
        aws.revokeAllTokens();
        assertEquals(401, get(JAR, basic(token)).status());
        assertEquals(200, get(JAR, basic(aws.issueToken(domain, reader))).status());

        String shortLived = aws.issueToken(domain, reader, Duration.ofMillis(1));
        Thread.sleep(5);
        assertEquals(401, get(JAR, basic(shortLived)).status());

        String fresh = aws.issueToken(domain, reader);
        reader.denyAll();
        assertEquals(403, get(JAR, basic(fresh)).status());
    }

    @Test
    void putNeedsPublishAndIsStoredVerbatim() throws Exception {
        byte[] pom = "<project>deployed</project>".getBytes(StandardCharsets.UTF_8);
        String path = "com/example/app/2.0/app-2.0.pom";

        assertEquals(403, put(path, aws.issueToken(domain, reader), pom).status());
        assertFalse(repository.contains(path));

        assertEquals(200, put(path, aws.issueToken(domain, publisher), pom).status());
        assertArrayEquals(pom, repository.content(path));
        assertFalse(repository.contains(path + ".sha1"), "uploads get no checksums the client did not send");
        assertEquals(2, aws.count("PUT"));
        assertEquals(403, aws.calls("PUT").get(0).status());
    }

    @Test
    void upstreamDirectoryAnswersMissingFiles() throws Exception {
        Path upstream = dir.resolve("m2");
        Path version = Files.createDirectories(upstream.resolve("org/lib/lib/3.1"));
        Files.writeString(version.resolve("lib-3.1.pom"), "<project>upstream</project>");
        Files.writeString(version.resolve("_remote.repositories"), "lib-3.1.pom>central=");
        Files.writeString(version.resolve("lib-3.1.jar.lastUpdated"), "x");
        Files.writeString(upstream.resolve("org/lib/lib/maven-metadata-central.xml"), "<metadata/>");
        repository.upstream(upstream);
        String token = aws.issueToken(domain, reader);

        assertEquals("<project>upstream</project>", get("org/lib/lib/3.1/lib-3.1.pom", basic(token)).text());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                        .digest("<project>upstream</project>".getBytes(StandardCharsets.UTF_8))),
                get("org/lib/lib/3.1/lib-3.1.pom.sha1", basic(token)).text());
        assertEquals(404, get("org/lib/lib/3.1/_remote.repositories", basic(token)).status());
        assertEquals(404, get("org/lib/lib/3.1/lib-3.1.jar.lastUpdated", basic(token)).status());
        assertEquals(404, get("org/lib/lib/maven-metadata.xml", basic(token)).status());
        assertEquals(400, get("org/../../etc/passwd", basic(token)).status());
        assertFalse(repository.contains("org/lib/lib/3.1/lib-3.1.pom"));
    }

    @Test
    void redirectsArtifactsToS3WhichRefusesAnAuthorizationHeader() throws Exception {
        repository.redirectArtifactsToS3(true).put("com/example/greeting/maven-metadata.xml", "<metadata/>");
        String token = aws.issueToken(domain, reader);

        LoopbackHttps.Response redirect = get(JAR, basic(token));
        assertEquals(307, redirect.status());
        URI location = URI.create(redirect.header("Location"));
        assertEquals(domain.assetsHost(), location.getHost());
        assertTrue(location.getRawQuery().contains("X-Amz-Algorithm=AWS4-HMAC-SHA256"));
        assertTrue(location.getRawQuery().matches(".*X-Amz-Signature=[0-9a-f]{64}.*"));
        String pathAndQuery = location.getRawPath() + "?" + location.getRawQuery();

        LoopbackHttps.Response download = LoopbackHttps.get(aws, location.getHost(), pathAndQuery, Map.of());
        assertEquals(200, download.status());
        assertArrayEquals(jar, download.body());
        assertTrue(aws.violations().isEmpty());

        LoopbackHttps.Response leaked = LoopbackHttps.get(aws, location.getHost(), pathAndQuery, basic(token));
        assertEquals(400, leaked.status());
        assertTrue(leaked.text().contains("<Code>InvalidArgument</Code><Message>Only one auth mechanism allowed;"));
        assertFalse(leaked.text().contains(token));
        assertEquals(1, aws.violations().size());
        FakeCall s3Call = aws.calls().get(aws.calls().size() - 1);
        assertEquals(FakeCall.Service.S3, s3Call.service());
        assertEquals(FakeCall.Authorization.BASIC, s3Call.authorization());

        String forged = pathAndQuery.replaceFirst("X-Amz-Signature=[0-9a-f]", "X-Amz-Signature=x");
        assertEquals(403, LoopbackHttps.get(aws, location.getHost(), forged, Map.of()).status());

        // metadata, checksums and HEAD are answered by the repository itself
        assertEquals(200, get("com/example/greeting/maven-metadata.xml", basic(token)).status());
        assertEquals(200, get(JAR + ".sha1", basic(token)).status());
        assertEquals(200, LoopbackHttps.send(aws, domain.host(), "HEAD", "/maven/releases/" + JAR, basic(token), null)
                .status());
        assertNull(get(JAR + ".md5", basic(token)).header("Location"));
    }

    @Test
    void servesParallelDownloads() throws Exception {
        String token = aws.issueToken(domain, reader);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                statuses.add(pool.submit(() -> get(JAR, basic(token)).status()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(48, aws.count("GET"));
    }

    @Test
    void unknownRequestsAreRecordedAsOther() throws Exception {
        assertEquals(404, LoopbackHttps.get(aws, "localhost", "/whatever", Map.of()).status());
        assertEquals(FakeCall.Service.OTHER, aws.calls().get(0).service());
    }

    @Test
    void latencyHoldsBackEveryAnswer() throws Exception {
        aws.latency(Duration.ofMillis(300));
        String token = aws.issueToken(domain, reader);
        for (Map<String, String> headers : List.of(Map.<String, String>of(), basic(token))) {
            long started = System.nanoTime();
            LoopbackHttps.Response response = get(JAR, headers);
            long tookMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(tookMs >= 300, "answered " + response.status() + " after " + tookMs + " ms, not 300 or more");
        }
        assertEquals(200, get(JAR, basic(token)).status());
    }
}
