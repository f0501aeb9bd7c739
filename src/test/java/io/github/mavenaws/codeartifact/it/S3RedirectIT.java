package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall.Authorization;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CodeArtifact answers artifact downloads with 307 to a presigned S3 URL. The token must not follow the redirect:
 * S3 refuses a request with two authorization mechanisms, and the token has no business leaving CodeArtifact.
 */
class S3RedirectIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    @BeforeAll
    static void redirectDownloadsToS3() {
        ACME.releases().redirectArtifactsToS3(true);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void tokenDoesNotFollowTheRedirect(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();

        MavenResult result = ACME.pomRepositoryBuild(maven, "s3-redirect")
                .awsCredentials(user)
                .args("install")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(1)
                .atLeastOne("redirect to S3", Calls.REPOSITORY.and(c -> c.status() == 307))
                .atLeastOne("S3 download answered 200", Calls.S3.and(Calls.OK))
                .all("an S3 call without Authorization header", Calls.S3, c -> c.authorization() == Authorization.NONE)
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }
}
