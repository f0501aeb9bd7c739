package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When no token can be had, or the configuration is wrong, the build fails fast with one message that says what
 * was tried and what to do, without a stack trace unless asked for.
 */
class FailureMessagesIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    private static FakeAws aws;
    private static FakeDomain domain;
    private static FakeRepository releases;

    @BeforeAll
    static void world() {
        aws = AWS.aws();
        domain = aws.domain("acme", "111122223333", "us-west-2");
        releases = domain.repository("releases");
        PrivateArtifacts.publishLibrary(releases, "private-lib");
    }

    private static MavenRun pomRepositoryBuild(MavenDistribution maven, String scenario) {
        return MavenRun.of(maven, scenario).against(aws)
                .project(SampleProject.named("pom-repository").with("repo.url", releases.url()));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void noCredentialsAtAll(MavenDistribution maven) {
        MavenResult result = pomRepositoryBuild(maven, "no-credentials")
                .args("install")
                .run();

        result.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains(releases.url(), "acme", "POETRY_AWS_PLUGIN_AUTH_TOKEN")
                .assertNoStackTrace();
        assertCalls(result)
                .count("repository calls answered 200", Calls.REPOSITORY.and(Calls.OK), 0)
                .noViolations();

        // -X prints Maven's stack traces by design; what matters there is that the message is the same
        MavenResult debug = pomRepositoryBuild(maven, "no-credentials-debug")
                .args("-X", "install")
                .run();
        debug.assertFailure()
                .assertExtensionLoaded()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains(releases.url(), "acme", "POETRY_AWS_PLUGIN_AUTH_TOKEN");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void repositoryArnInsteadOfRoleArn(MavenDistribution maven) {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);

        // what the Poetry AWS Plugin's README puts in the variable
        MavenResult result = pomRepositoryBuild(maven, "bad-role-arn")
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
