package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code codeartifact.allowedOwners}: a project that reads from two accounts' repositories, with only the first
 * account allowed. The allowed repository gets its token; the other gets none and costs no AWS call (so its download
 * is refused and the build fails, as it would without the extension), with one {@code -X} line saying why. Without
 * the setting both repositories get their tokens.
 */
class AllowedOwnersIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    private static FakeAws aws;
    private static FakeDomain acme;
    private static FakeDomain globex;
    private static FakeRepository acmeReleases;
    private static FakeRepository globexReleases;

    @BeforeAll
    static void world() {
        aws = AWS.aws();
        acme = aws.domain("acme", "111122223333", "us-west-2");
        acmeReleases = acme.repository("releases");
        PrivateArtifacts.publishLibrary(acmeReleases, "private-lib");
        globex = aws.domain("globex", "444455556666", "eu-west-1");
        globexReleases = globex.repository("releases");
        PrivateArtifacts.publishLibrary(globexReleases, "private-lib-eu");
    }

    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user) {
        return MavenRun.of(maven, scenario).against(aws)
                .project(SampleProject.named("two-repositories")
                        .with("repo.url", acmeReleases.url())
                        .with("repo2.url", globexReleases.url())
                        .with("deploy.url", acmeReleases.url()))
                .awsCredentials(user);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void anotherOwnersRepositoryGetsNoTokenAndCostsNoAwsCall(MavenDistribution maven) {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey())
                .allowToken(acme).allowToken(globex);

        MavenResult result = build(maven, "allowed-owners-one", user)
                .args("-X", "-Dcodeartifact.allowedOwners=111122223333", "compile")
                .run();

        result.assertFailure();
        assertCalls(result)
                .tokenRequests(1)
                .count("GetAuthorizationToken calls for acme", Calls.TOKEN_REQUEST.and(Calls.forDomain("acme")), 1)
                .count("repository calls to globex with a token",
                        Calls.REPOSITORY.and(Calls.BASIC).and(c -> c.host().startsWith("globex-")), 0)
                .atLeastOne("repository calls to globex without a token",
                        Calls.REPOSITORY.and(Calls.BASIC.negate()).and(c -> c.host().startsWith("globex-")))
                // dependency collection stops at private-lib-eu's POM: private-lib's POM is what it got first
                .downloadedWithToken(PrivateArtifacts.path("private-lib", "pom"))
                .noViolations();
        String why = "gets no token: account 444455556666 is not in codeartifact.allowedOwners (111122223333)";
        long lines = result.output().lines().filter(l -> l.contains(why)).count();
        if (lines != 1) {
            throw result.failure("expected one -X line '" + why + "', got " + lines);
        }
        result.assertOutputDoesNotContain("globex-444455556666.d.codeartifact.eu-west-1.amazonaws.com (releases)"
                + " gets a token");
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        result.assertHidesSecrets(aws.issuedTokens(user));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void everyOwnerByDefault(MavenDistribution maven) {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey())
                .allowToken(acme).allowToken(globex);

        MavenResult result = build(maven, "allowed-owners-default", user).args("compile").run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(2)
                .downloadedWithToken(PrivateArtifacts.path("private-lib", "jar"))
                .downloadedWithToken(PrivateArtifacts.path("private-lib-eu", "jar"))
                .noViolations();
    }
}
