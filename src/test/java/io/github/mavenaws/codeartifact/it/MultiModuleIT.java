package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Builds of several modules: one token serves them all, a token that stops working mid-build is replaced once,
 * and sixteen modules built on eight threads ({@code -T 8}), eight per domain of two domains in two regions, get one
 * token per domain, each from its own region.
 */
class MultiModuleIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static FakeRepository globexReleases;
    private static RevokeTokensOnFirstRequest revokeAtModuleB;

    @BeforeAll
    static void world() {
        PrivateArtifacts.publishLibrary(ACME.releases(), "private-lib-b");
        globexReleases = ACME.globexReleases("eu-west-1");
        // module b is the first to ask for private-lib-b; module a has then finished its downloads
        revokeAtModuleB = RevokeTokensOnFirstRequest.install(ACME.aws(), "/com/example/private-lib-b/");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void tokenRevokedMidBuildIsReplacedOnce(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();

        revokeAtModuleB.arm();
        MavenResult result;
        boolean revoked;
        try {
            result = ACME.run(maven, "token-revoked-mid-build")
                    .project(SampleProject.named("three-modules").with("repo.url", ACME.releases().url()))
                    .awsCredentials(user)
                    .args("install")
                    .run();
        } finally {
            revoked = revokeAtModuleB.disarm();
        }

        result.assertSuccess();
        if (!revoked) {
            throw result.failure("the fake never served private-lib-b, so no token was revoked");
        }
        assertCalls(result)
                .atLeastOne("repository call refused after the revocation",
                        Calls.REFUSED_TOKEN)
                .tokenRequests(2)
                .count("allowed GetAuthorizationToken calls", Calls.TOKEN_REQUEST.and(Calls.OK), 2)
                .downloaded(PrivateArtifacts.path("private-lib-b", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void sixteenModulesOnEightThreadsFetchOneTokenPerDomain(MavenDistribution maven) {
        FakePrincipal user = ACME.reader().allowToken(globexReleases.domain());

        MavenResult result = ACME.run(maven, "two-domains-parallel")
                .project(SampleProject.named("two-domains")
                        .with("repo.url", ACME.releases().url())
                        .with("repo2.url", globexReleases.url()))
                .awsCredentials(user)
                .args("-T", "8", "install")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(2)
                .count("GetAuthorizationToken calls for acme, allowed, in us-west-2",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("acme")).and(Calls.OK).and(Calls.inRegion("us-west-2"))
                                .and(c -> c.host().equals("codeartifact.us-west-2.amazonaws.com")), 1)
                .count("GetAuthorizationToken calls for globex, allowed, in eu-west-1",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("globex")).and(Calls.OK)
                                .and(Calls.inRegion("eu-west-1"))
                                .and(c -> c.host().equals("codeartifact.eu-west-1.amazonaws.com")), 1)
                .all("a repository call whose token was valid", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .downloaded(PrivateArtifacts.path("private-lib-eu", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }
}
