package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spent is not denied: a build handed a disk token that the repository no longer honours (refused at its first use,
 * which counts), whose fresh token then serves module a and is revoked before module b (spent, which does not
 * count), fetches a third token and passes, instead of saying that every token was refused.
 */
class SpentTokensIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    private static FakeAws aws;
    private static FakeDomain acme;
    private static FakeRepository releases;
    private static RevokeTokensOnFirstRequest revokeAtModuleB;

    @BeforeAll
    static void world() {
        aws = AWS.aws();
        acme = aws.domain("acme", "111122223333", "us-west-2");
        releases = acme.repository("releases");
        PrivateArtifacts.publishLibrary(releases, "private-lib");
        PrivateArtifacts.publishLibrary(releases, "private-lib-b");
        // module b is the first to ask for private-lib-b; module a has then finished its downloads
        revokeAtModuleB = RevokeTokensOnFirstRequest.install(aws, "/com/example/private-lib-b/");
    }

    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user, Path home) {
        return MavenRun.of(maven, scenario).against(aws)
                .project(SampleProject.named("three-modules").with("repo.url", releases.url()))
                .awsCredentials(user)
                .home(home)
                .args("install");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void aStaleDiskTokenThenATokenRevokedMidBuildStillPasses(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("spent-tokens-home", maven);
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(acme);

        MavenResult first = build(maven, "spent-tokens-1-fill-cache", user, home).run();
        first.assertSuccess();
        assertCalls(first).tokenRequests(1).noViolations();
        // the disk entry's token stops working before the next build: a stale disk token
        aws.revokeAllTokens();

        revokeAtModuleB.arm();
        MavenResult second;
        boolean revoked;
        try {
            second = build(maven, "spent-tokens-2-stale-then-revoked", user, home).run();
        } finally {
            revoked = revokeAtModuleB.disarm();
        }

        second.assertSuccess();
        if (!revoked) {
            throw second.failure("the fake never served private-lib-b, so no token was revoked");
        }
        assertCalls(second)
                .atLeastOne("repository call refused with the stale disk token or the revoked one",
                        Calls.REFUSED_TOKEN)
                // the fresh token after the stale one, and its successor after the revocation
                .tokenRequests(2)
                .count("allowed GetAuthorizationToken calls", Calls.TOKEN_REQUEST.and(Calls.OK), 2)
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .downloaded(PrivateArtifacts.path("private-lib-b", "jar"))
                .noViolations();
        second.assertOutputDoesNotContain("No AWS CodeArtifact token");
        second.assertHidesSecrets(List.of(user.secretAccessKey()));
        second.assertHidesSecrets(aws.issuedTokens(user));
    }
}
