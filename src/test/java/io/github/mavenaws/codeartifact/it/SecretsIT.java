package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The secrets catalogue: real Maven, with {@code -X} (and {@code -e} where it fails), through every source of a
 * token and the ways each fails, after which no token, secret access key or session token (the user's or an
 * assumed role's) may appear in the output, in an exception message, or in any file but the owner-only token cache,
 * which may hold tokens but never an AWS secret. {@link MavenRun} checks that after every run of every IT, for every
 * token the fake issued and every secret of every principal it knows; the scenarios here make sure there is as much
 * as possible to leak: debug logging, stack traces, refused and refetched tokens, denied calls, temporary keys.
 *
 * <p>Five runs, each holding several paths. Only {@link #awsPathsWithDebugLogging} runs on all four Maven versions:
 * it is the one whose token travels through each version's own transports (wagon, the native client, resolver 2's
 * Apache client), download and upload, and whose -X output each version formats its own way. The others test the
 * token chain, the configuration check and the failure message, which are the extension's own code and the same on
 * every Maven; they run on the first version of {@code it.maven.versions} only, saving twelve Maven runs.
 */
class SecretsIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static FakeRepository globexReleases;
    private static RevokeTokensOnFirstRequest revokeAtDeploy;

    @BeforeAll
    static void world() {
        globexReleases = ACME.globexReleases("eu-central-1");
        // The deploy's first request, when every download is over: revoking there makes its uploads meet the revoked
        // token. (Revoking while downloads run fails the build on Maven 4.0.0-rc-4 when a checksum is the one
        // refused: resolver 2 reports "no checksums available", which the extension does not see as a refusal.)
        revokeAtDeploy = RevokeTokensOnFirstRequest.install(ACME.aws(), "/com/example/it/two-repositories/");
    }

    /** The first version the run was asked for: the one the transport-independent scenarios run on. */
    static Stream<MavenDistribution> oneVersion() {
        return MavenDistribution.versions().limit(1);
    }

    /**
     * Direct and role in one build, with temporary keys: the user's keys carry a session token (as after
     * {@code aws sso login} or in CI) and may fetch acme's tokens, not globex's, so globex's comes from the role in
     * POETRY_AWS_PLUGIN_ROLE_ARN after GetAuthorizationToken was denied. When the deploy starts every token is
     * revoked, so acme's is refused with 401 and fetched afresh. Downloads from both domains, uploads to acme, all at
     * debug level.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void awsPathsWithDebugLogging(MavenDistribution maven) {
        FakeRole developer = ACME.aws()
                .role("arn:aws:iam::" + FakeAws.USER_ACCOUNT + ":role/developer-" + maven.version())
                .allowToken(ACME.domain()).allowPublish(ACME.domain());
        FakeRole reader = ACME.aws().role("arn:aws:iam::444455556666:role/globex-reader-" + maven.version())
                .allowToken(globexReleases.domain());
        developer.allowAssume(reader);
        FakePrincipal user = ACME.aws().roleSession(developer, "alice", Duration.ofHours(1));
        FakeRepository deploy = ACME.domain().repository("deploy-" + maven.version());

        revokeAtDeploy.arm();
        MavenResult result = ACME.run(maven, "secrets-aws-paths")
                .project(SampleProject.named("two-repositories")
                        .with("repo.url", ACME.releases().url())
                        .with("repo2.url", globexReleases.url())
                        .with("deploy.url", deploy.url()))
                .awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", reader.arn())
                .args("-X", "deploy")
                .run();
        boolean revoked = revokeAtDeploy.disarm();

        result.assertSuccess().assertExtensionLoaded()
                .assertOutputContains(
                        "CodeArtifact token for acme-111122223333 (us-west-2) from codeartifact:GetAuthorizationToken",
                        "CodeArtifact token for globex-444455556666 (eu-central-1) from sts:AssumeRole on "
                                + reader.arn());
        if (!revoked || reader.sessions().size() != 1) {
            throw result.failure("expected the tokens revoked mid-build (" + revoked + ") and one session of "
                    + reader.arn() + " (" + reader.sessions().size() + ")");
        }
        String readerKey = reader.sessions().get(0).accessKeyId();
        assertCalls(result)
                .count("GetAuthorizationToken calls for acme by the user, allowed (first, and after the 401)",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("acme")).and(Calls.signedBy(user.accessKeyId()))
                                .and(Calls.OK), 2)
                .count("GetAuthorizationToken calls for globex by the user, denied",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("globex")).and(Calls.signedBy(user.accessKeyId()))
                                .and(c -> c.status() == 403), 1)
                .count("AssumeRole calls by the user, allowed",
                        Calls.ASSUME_ROLE.and(Calls.signedBy(user.accessKeyId())).and(Calls.OK), 1)
                .atLeastOne("GetAuthorizationToken call for globex by the role session, allowed",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("globex")).and(Calls.signedBy(readerKey))
                                .and(Calls.OK))
                .atLeastOne("repository call refused with a revoked token", Calls.REFUSED_TOKEN)
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .downloaded(PrivateArtifacts.path("private-lib-eu", "jar"))
                .atLeastOne("PUT of the jar answered 2xx", Calls.put(".jar").and(Calls.OK))
                .noViolations();
        assertOwnerOnlyCache(result, 2);
    }

    /**
     * Both token variables in one build, at debug level: POETRY_AWS_PLUGIN_AUTH_TOKEN holds only whitespace, which
     * counts as unset, so CODEARTIFACT_AUTH_TOKEN's token, with the newline a shell leaves, serves the build; no AWS
     * call, nothing written to disk.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("oneVersion")
    void environmentTokensWithDebugLogging(MavenDistribution maven) {
        FakePrincipal owner = ACME.reader();
        String token = ACME.issueToken(owner);

        MavenResult result = ACME.pomRepositoryBuild(maven, "secrets-env-tokens")
                .env("POETRY_AWS_PLUGIN_AUTH_TOKEN", " \t ")
                .env("CODEARTIFACT_AUTH_TOKEN", token + "\n")
                .args("-X", "compile")
                .run();

        result.assertSuccess().assertExtensionLoaded()
                .assertOutputContains("from environment variable CODEARTIFACT_AUTH_TOKEN");
        assertCalls(result)
                .tokenRequests(0)
                .assumeRoles(0)
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        assertOwnerOnlyCache(result, 0);
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    /**
     * Every source refused, with {@code -e -X} so that every exception and its causes print with their messages:
     * a revoked token in POETRY_AWS_PLUGIN_AUTH_TOKEN (401), an empty CODEARTIFACT_AUTH_TOKEN, temporary keys that
     * AWS denies GetAuthorizationToken, and a role STS will not let them assume. One message lists all four.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("oneVersion")
    void everySourceRefusedWithStackTraces(MavenDistribution maven) {
        FakeRole nothing = ACME.aws().role("arn:aws:iam::" + FakeAws.USER_ACCOUNT + ":role/no-grants");
        FakePrincipal user = ACME.aws().roleSession(nothing, "mallory", Duration.ofHours(1));
        FakeRole forbidden = ACME.role("not-for-mallory");
        FakePrincipal owner = ACME.reader();
        String stale = ACME.issueToken(owner);
        ACME.aws().revokeAllTokens();

        MavenResult result = ACME.pomRepositoryBuild(maven, "secrets-all-refused")
                .env("POETRY_AWS_PLUGIN_AUTH_TOKEN", stale)
                .env("CODEARTIFACT_AUTH_TOKEN", "")
                .awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", forbidden.arn())
                .args("-e", "-X", "compile")
                .run();

        result.assertFailure()
                .assertOutputContains("No AWS CodeArtifact token for " + ACME.releases().url(),
                        "POETRY_AWS_PLUGIN_AUTH_TOKEN: its token was refused by the repository (HTTP 401/403)",
                        "CODEARTIFACT_AUTH_TOKEN: set, but empty or only whitespace, so ignored",
                        "GetAuthorizationToken refused: HTTP 403",
                        "AssumeRole refused: HTTP 403",
                        // -e: the stack traces, with every cause's message, are in the output that was searched
                        "org.apache.maven.lifecycle.LifecycleExecutionException", "    at org.apache.maven.");
        assertCalls(result)
                .atLeastOne("repository call refused with the revoked token", Calls.REFUSED_TOKEN)
                .count("GetAuthorizationToken calls by the user, denied",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(user.accessKeyId())).and(c -> c.status() == 403), 1)
                .count("AssumeRole calls by the user, denied",
                        Calls.ASSUME_ROLE.and(Calls.signedBy(user.accessKeyId())).and(c -> c.status() == 403), 1)
                .count("repository calls answered 200", Calls.REPOSITORY.and(Calls.OK), 0)
                .noViolations();
        assertOwnerOnlyCache(result, 0);
    }

    /**
     * A token variable holding two tokens on two lines, or a whole file's worth: refused at session start with the
     * variable's name, the value's shape and the fix, without a stack trace and without the value. Both values are
     * made of tokens the fake issued, so the harness would find any of them echoed.
     */
    @Test
    void malformedTokenVariablesAreRefusedWithoutEchoingThem() {
        MavenDistribution maven = oneVersion().findFirst().orElseThrow();
        FakePrincipal owner = ACME.reader();
        String first = ACME.issueToken(owner);
        String second = ACME.issueToken(owner);

        MavenResult twoLines = ACME.pomRepositoryBuild(maven, "secrets-two-line-token")
                .env("POETRY_AWS_PLUGIN_AUTH_TOKEN", first + "\n" + second + "\n")
                .args("validate")
                .run();
        // Maven's own -e format indents frames with spaces, which the harness's check does not look for
        twoLines.assertFailure().assertNoStackTrace().assertOutputDoesNotContain("    at ")
                .assertOutputContains("POETRY_AWS_PLUGIN_AUTH_TOKEN contains whitespace or a line break inside the"
                        + " value", "Export only the token");

        MavenResult tooLong = ACME.pomRepositoryBuild(maven, "secrets-long-token")
                .env("CODEARTIFACT_AUTH_TOKEN", (first + second).repeat(400))
                .args("validate")
                .run();
        tooLong.assertFailure().assertNoStackTrace().assertOutputDoesNotContain("    at ")
                .assertOutputContains("CODEARTIFACT_AUTH_TOKEN holds " + (first + second).length() * 400
                        + " characters, far more than a CodeArtifact token", "Export only the token");

        for (MavenResult result : List.of(twoLines, tooLong)) {
            assertCalls(result).count("calls to the fake AWS", c -> true, 0);
        }
    }

    /**
     * The token cache holds {@code files} entries (0 for tokens from variables, which are never written), each
     * owner-only in an owner-only folder. That no entry holds an AWS secret is checked with every other file.
     */
    private static void assertOwnerOnlyCache(MavenResult result, int files) {
        Path cache = result.project().resolveSibling("home").resolve(".m2/codeartifact-tokens");
        try {
            if (files == 0) {
                if (Files.exists(cache)) {
                    try (Stream<Path> entries = Files.list(cache)) {
                        // lock files stay behind by design; a token file must not
                        if (entries.anyMatch(f -> f.getFileName().toString().endsWith(".token"))) {
                            throw result.failure("expected no token written to " + cache);
                        }
                    }
                }
                return;
            }
            if (!"rwx------".equals(PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)))) {
                throw result.failure(cache + " is not owner-only");
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(cache)) {
                entries = list.filter(f -> f.getFileName().toString().endsWith(".token")).toList();
            }
            if (entries.size() != files) {
                throw result.failure("expected " + files + " token files in " + cache + ", found " + entries);
            }
            for (Path entry : entries) {
                if (!"rw-------".equals(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))) {
                    throw result.failure(entry + " is not owner-only");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
