package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When no token can be had, or the configuration is wrong, the build fails fast with one message that says what
 * was tried and what to do, without a stack trace unless asked for.
 */
class FailureMessagesIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void noCredentialsAtAll(MavenDistribution maven) {
        MavenResult result = ACME.pomRepositoryBuild(maven, "no-credentials")
                .args("install")
                .run();

        result.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains(ACME.releases().url(), "acme", "POETRY_AWS_PLUGIN_AUTH_TOKEN")
                .assertNoStackTrace();
        assertCalls(result)
                .count("repository calls answered 200", Calls.REPOSITORY.and(Calls.OK), 0)
                .noViolations();

        // -X prints Maven's stack traces by design; what matters there is that the message is the same
        MavenResult debug = ACME.pomRepositoryBuild(maven, "no-credentials-debug")
                .args("-X", "install")
                .run();
        debug.assertFailure()
                .assertExtensionLoaded()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains(ACME.releases().url(), "acme", "POETRY_AWS_PLUGIN_AUTH_TOKEN");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void repositoryArnInsteadOfRoleArn(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();

        // what the Poetry AWS Plugin's README puts in the variable
        MavenResult result = ACME.pomRepositoryBuild(maven, "bad-role-arn")
                .awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN",
                        "arn:aws:codeartifact:us-west-2:111122223333:repository/acme/releases")
                .args("install")
                .run();

        result.assertFailure()
                .assertOutputContains("POETRY_AWS_PLUGIN_ROLE_ARN", "arn:aws:iam::<account-id>:role/<name>")
                .assertNoStackTrace()
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        // refused at session start, before any download or AWS call
        assertCalls(result)
                .count("calls to the fake AWS", c -> true, 0);
    }
}
