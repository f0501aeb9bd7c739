package io.github.mavenaws.codeartifact.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Runs a FakeAws for the demo script until killed: domain {@code demo-111122223333} in us-west-2 with repository
 * {@code maven} holding {@code com.example:greeting:1.0}, and one user allowed to fetch tokens and publish.
 * Usage: {@code FakeAwsMain [workDir]}; prints what a Maven JVM needs and a ready 12-hour token of that user
 * (line {@code token: <value>}, for builds authorized by hand), then one line per request. With system property
 * {@code fake.aws.tokenQuota=N}, GetAuthorizationToken is throttled beyond N calls per second (429
 * ThrottlingException with Retry-After), as CodeArtifact throttles beyond 40 (bench/storm.sh). With
 * {@code fake.aws.latencyMs=N}, every answer is held back N ms, a round trip to a distant region (bench/run.sh); with
 * {@code fake.aws.upstream=DIR}, repository {@code maven} answers what it does not hold from the Maven repository
 * directory DIR, as a CodeArtifact repository with Maven Central as upstream does (mirror-everything builds).
 */
public final class FakeAwsMain {

    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private FakeAwsMain() {
    }

    public static void main(String[] args) throws Exception {
        Path workDir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("fake-aws");
        FakeAws aws = FakeAws.start(workDir);
        aws.tokenQuota(Integer.getInteger("fake.aws.tokenQuota", 0));
        aws.latency(Duration.ofMillis(Integer.getInteger("fake.aws.latencyMs", 0)));
        FakeDomain domain = aws.domain("demo", "111122223333", "us-west-2");
        FakeRepository repository = domain.repository("maven");
        String upstream = System.getProperty("fake.aws.upstream");
        if (upstream != null) {
            repository.upstream(Path.of(upstream));
        }
        String base = "com/example/greeting/1.0/greeting-1.0";
        repository.put(base + ".jar", greetingJar());
        repository.put(base + ".pom", """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>greeting</artifactId>
                  <version>1.0</version>
                </project>
                """);
        repository.put("com/example/greeting/maven-metadata.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <metadata>
                  <groupId>com.example</groupId>
                  <artifactId>greeting</artifactId>
                  <versioning>
                    <latest>1.0</latest>
                    <release>1.0</release>
                    <versions><version>1.0</version></versions>
                    <lastUpdated>20260101000000</lastUpdated>
                  </versioning>
                </metadata>
                """);
        FakePrincipal user = aws.user(ACCESS_KEY_ID, SECRET_ACCESS_KEY).allowPublish(domain);

        System.out.println("hosts file:          " + aws.hostsFile());
        System.out.println("trust store:         " + aws.trustStore());
        System.out.println("trust store password: " + aws.trustStorePassword());
        System.out.println("repository:          " + repository.url());
        System.out.println("access key id:       " + ACCESS_KEY_ID);
        System.out.println("token quota:         " + Integer.getInteger("fake.aws.tokenQuota", 0)
                + " GetAuthorizationToken calls/s per region (0: none)");
        System.out.println("latency:             " + aws.latency().toMillis() + " ms per request");
        System.out.println("upstream:            " + (upstream == null ? "none" : upstream));
        // what `aws codeartifact get-authorization-token` would give the user, for builds authorized the manual way
        System.out.println("token: " + aws.issueToken(domain, user));
        System.out.println("Maven JVM options:   -Djdk.net.hosts.file=" + aws.hostsFile()
                + " -Djavax.net.ssl.trustStore=" + aws.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + aws.trustStorePassword()
                + " -Djavax.net.ssl.trustStoreType=PKCS12");
        System.out.flush();
        aws.onCall(call -> System.out.println("fake-aws: " + call));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            aws.close();
            stopped.countDown();
        }));
        stopped.await();
    }

    /** A small valid jar: a manifest and one resource, no classes. */
    static byte[] greetingJar() throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            JarEntry entry = new JarEntry("com/example/greeting/greeting.txt");
            entry.setTime(0);
            jar.putNextEntry(entry);
            jar.write("Hello from the fake CodeArtifact\n".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return bytes.toByteArray();
    }
}
