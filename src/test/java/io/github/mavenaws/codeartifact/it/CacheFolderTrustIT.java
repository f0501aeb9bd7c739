package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The disk cache on a shared runner: a {@code codeartifact.cacheDir} that other users can write to holds no token
 * after the build, which still passes with its in-memory token and says once what to fix; and tokens asked for with
 * {@code durationSeconds=900} are shared between builds like 12-hour ones.
 */
class CacheFolderTrustIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String PARENT_POM = AcmeWorld.PARENT_POM;

    private static FakeAws aws;
    private static FakeDomain domain;
    private static FakeRepository releases;

    /** The fixture's world, under the names this class's scenarios use. */
    @BeforeAll
    static void world() {
        aws = ACME.aws();
        domain = ACME.domain();
        releases = ACME.releases();
    }

    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user, Path home) {
        return MavenRun.of(maven, scenario).against(aws)
                .project(SampleProject.named("parent-from-pom").with("repo.url", releases.url()))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .awsCredentials(user)
                .home(home);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void aWorldWritableCacheDirHoldsNoTokenAfterTheBuild(MavenDistribution maven) throws IOException {
        Path home = RunDirectory.sharedFolder("world-writable-home", maven);
        Path shared = Files.createDirectories(home.resolve("shared-cache"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);

        for (int run = 1; run <= 2; run++) {
            MavenResult result = build(maven, "world-writable-cache-" + run, user, home)
                    .args("-Dcodeartifact.cacheDir=" + shared, "validate")
                    .run();

            result.assertSuccess()
                    .assertOutputContains("[WARNING] Not using the CodeArtifact token cache folder " + shared
                            + ": other users can write to it (rwxrwxrwx)", "chmod go-w " + shared);
            // nothing shared through the folder: each build asks AWS for its own token
            assertCalls(result).tokenRequests(1).downloaded(PARENT_POM).noViolations();
            long warnings = result.output().lines().filter(l -> l.contains("Not using the CodeArtifact")).count();
            if (warnings != 1) {
                throw result.failure("expected one warning about the folder, got " + warnings);
            }
            if (!list(shared).isEmpty()) {
                throw result.failure("expected nothing written to " + shared + ", found " + list(shared));
            }
            List<String> issued = aws.issuedTokens(user);
            for (String token : issued) {
                if (!FileTrees.filesContaining(home, token).isEmpty()) {
                    throw result.failure("expected no token on disk, found one in "
                            + FileTrees.filesContaining(home, token));
                }
            }
            result.assertHidesSecrets(issued);
        }
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void fifteenMinuteTokensAreSharedBetweenBuilds(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("short-token-home", maven);
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);

        MavenResult first = build(maven, "short-token-1-fetch", user, home)
                .args("-Dcodeartifact.durationSeconds=900", "validate").run();
        first.assertSuccess();
        assertCalls(first).tokenRequests(1).downloaded(PARENT_POM).noViolations();

        MavenResult second = build(maven, "short-token-2-from-disk", user, home)
                .args("-Dcodeartifact.durationSeconds=900", "validate").run();
        second.assertSuccess();
        assertCalls(second)
                .tokenRequests(0)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(PARENT_POM)
                .noViolations();
        if (aws.issuedTokens(user).size() != 1) {
            throw second.failure("expected the first build's 900-second token to serve the second build, the fake"
                    + " issued " + aws.issuedTokens(user).size());
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
