package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Only the repository can refuse a token: when S3, where CodeArtifact redirects downloads of package files, answers
 * 403 (a VPC endpoint or bucket policy that denies the assets bucket), the token the repository accepts is kept, its
 * disk cache entry stays as it was, and the build fails saying that the download's redirect target refused it,
 * naming S3's host, instead of "every token was refused".
 */
class S3RefusalIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String CACHE_DIR = ".m2/codeartifact-tokens";
    private static final Predicate<FakeCall> S3_OK = Calls.S3.and(Calls.OK);

    @BeforeAll
    static void redirectDownloadsToS3() {
        ACME.releases().redirectArtifactsToS3(true);
    }

    /**
     * Each Maven version with its default transport and the others a user may choose: wagon from 3.9 on, and the JDK
     * client where resolver ships it (Maven 4 before rc-6).
     */
    static Stream<Arguments> transports() {
        return MavenDistribution.versions().flatMap(maven -> {
            List<String> transports;
            if (maven.version().startsWith("3.8.")) {
                transports = Arrays.asList((String) null);
            } else if (maven.hasJdkTransport()) {
                transports = Arrays.asList(null, "jdk", "wagon");
            } else {
                transports = Arrays.asList(null, "wagon");
            }
            return transports.stream().map(t -> Arguments.of(maven, t == null ? "default" : t));
        });
    }

    @ParameterizedTest(name = "Maven {0}, transport {1}")
    @MethodSource("transports")
    void anS3RefusalKeepsTheDiskEntryAndNamesS3(MavenDistribution maven, String transport) {
        Path home = RunDirectory.sharedFolder("s3-refusal-home-" + transport, maven);
        FakePrincipal user = ACME.reader();

        ACME.releases().s3DeniesDownloads(false);
        MavenResult first = build(maven, "s3-refusal-1-fetch-" + transport, user, home, transport).run();
        first.assertSuccess();
        assertCalls(first).tokenRequests(1).atLeastOne("S3 download answered 200", S3_OK).noViolations();
        Map<Path, String> entries = entries(home);
        if (entries.isEmpty()) {
            throw first.failure("expected the token in the disk cache");
        }

        ACME.releases().s3DeniesDownloads(true);
        MavenResult second;
        try {
            second = build(maven, "s3-refusal-2-denied-" + transport, user, home, transport).run();
        } finally {
            ACME.releases().s3DeniesDownloads(false);
        }

        String s3 = ACME.domain().assetsHost();
        second.assertFailure()
                .assertOutputContains("redirects this download to " + s3 + " (S3)",
                        "the download's redirect target refused it (HTTP 403)", "The token is fine and is kept")
                .assertOutputDoesNotContain("every token", "was refused by the repository");
        assertCalls(second)
                .tokenRequests(0)
                .atLeastOne("S3 answered 403", Calls.S3.and(c -> c.status() == 403))
                .all("an S3 call without Authorization header", Calls.S3,
                        c -> c.authorization() == FakeCall.Authorization.NONE)
                .noViolations();
        if (!entries(home).equals(entries)) {
            throw second.failure("expected the disk cache entry left as it was, found " + entries(home).keySet()
                    + " instead of " + entries.keySet() + " (or other content)");
        }
        second.assertHidesSecrets(List.of(user.secretAccessKey()));
        second.assertHidesSecrets(ACME.aws().issuedTokens(user));

        // S3 allows again: the kept token serves the next build, no new one is asked for
        MavenResult third = build(maven, "s3-refusal-3-allowed-" + transport, user, home, transport).run();
        third.assertSuccess();
        assertCalls(third).tokenRequests(0).atLeastOne("S3 download answered 200", S3_OK).noViolations();
    }

    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user, Path home,
            String transport) {
        MavenRun run = ACME.parentPomBuild(maven, scenario).awsCredentials(user).home(home);
        if (!"default".equals(transport)) {
            run.args("-Dmaven.resolver.transport=" + transport);
        }
        return run.args("validate");
    }

    /** The cache folder's files and their content. */
    private static Map<Path, String> entries(Path home) {
        Path cache = home.resolve(CACHE_DIR);
        Map<Path, String> entries = new TreeMap<>();
        if (!Files.isDirectory(cache)) {
            return entries;
        }
        try (Stream<Path> files = Files.list(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.getFileName().toString().endsWith(".token")) {
                    entries.put(file.getFileName(), Files.readString(file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }
}
