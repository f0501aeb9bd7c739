package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The token chain as a user meets it: a token from the environment needs no AWS call at all; a role is assumed
 * when the identity may not fetch tokens itself; a stale token from the environment gives way to a fresh one.
 */
class TokenSourcesIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#core")
    void poetryTokenWithoutAwsCredentials(MavenDistribution maven) {
        environmentTokenWithoutAwsCredentials(maven, "POETRY_AWS_PLUGIN_AUTH_TOKEN");
    }

    /** The same path as the Poetry variable's on every Maven; only the variable's name differs, read before Maven. */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void codeArtifactTokenWithoutAwsCredentials(MavenDistribution maven) {
        environmentTokenWithoutAwsCredentials(maven, "CODEARTIFACT_AUTH_TOKEN");
    }

    private void environmentTokenWithoutAwsCredentials(MavenDistribution maven, String variable) {
        // issued out of band, as `aws codeartifact get-authorization-token` would have
        FakePrincipal owner = ACME.reader();
        String token = ACME.issueToken(owner);

        MavenResult result = ACME.pomRepositoryBuild(maven, "env-token-" + variable)
                .env(variable, token)
                .args("install")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(0)
                .assumeRoles(0)
                .all("a repository call whose token was valid", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(token));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void roleAssumedWhenTheUserMayNotFetchTokens(MavenDistribution maven) {
        FakeRole role = ACME.role("maven-reader-" + maven.version()).allowToken(ACME.domain());
        FakePrincipal user = ACME.user().allowAssume(role);

        MavenResult result = ACME.pomRepositoryBuild(maven, "role")
                .awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                .args("-X", "install")
                .run();

        List<String> secrets = new ArrayList<>(List.of(user.secretAccessKey()));
        role.sessions().forEach(s -> {
            secrets.add(s.secretAccessKey());
            secrets.add(s.sessionToken());
        });
        result.assertSuccess().assertExtensionLoaded();
        if (role.sessions().size() != 1) {
            throw result.failure("expected one role session, AssumeRole issued " + role.sessions().size());
        }
        String sessionKey = role.sessions().get(0).accessKeyId();
        assertCalls(result)
                .count("GetAuthorizationToken calls by the user, denied",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(user.accessKeyId())).and(c -> c.status() == 403), 1)
                .count("AssumeRole calls by the user, allowed",
                        Calls.ASSUME_ROLE.and(Calls.signedBy(user.accessKeyId())).and(Calls.OK), 1)
                .assumeRoles(1)
                .count("GetAuthorizationToken calls by the role session, allowed",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(sessionKey)).and(Calls.OK), 1)
                .tokenRequests(2)
                .all("signed with an ASIA session key", Calls.TOKEN_REQUEST.and(Calls.OK),
                        c -> c.accessKeyId() != null && c.accessKeyId().startsWith("ASIA"))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(secrets);
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void staleEnvironmentTokenGivesWayToAFreshOne(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        String stale = ACME.issueToken(user);
        ACME.aws().revokeAllTokens();

        MavenResult result = ACME.pomRepositoryBuild(maven, "stale-env-token")
                .env("POETRY_AWS_PLUGIN_AUTH_TOKEN", stale)
                .awsCredentials(user)
                .args("install")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .atLeastOne("repository call refused with the stale token",
                        Calls.REFUSED_TOKEN)
                .tokenRequests(1)
                .count("GetAuthorizationToken calls by the user, allowed",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(user.accessKeyId())).and(Calls.OK), 1)
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(stale, user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }
}
