package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credential helpers and endpoints that fail or never finish, met by a real Maven through the real SDK: a
 * {@code credential_process} that fails shows its exit code and its advice on stderr, never its stdout, whether
 * {@code AWS_PROFILE}, {@code -Dcodeartifact.profile} or the default profile names it; one that never returns fails
 * the build within the fetch's deadline with a message naming that step, and is stopped; an STS that never answers
 * on one domain's role path leaves CodeArtifact, and the build's other domain, alone.
 */
class CredentialHelpersIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String PARENT_POM = AcmeWorld.PARENT_POM;
    private static final String STDOUT_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYHELPERSTDOUT";
    /** The fetch's deadline (60 s), Maven's start and end, and a loaded machine's slowness. */
    private static final Duration DEADLINE_LIMIT = Duration.ofSeconds(100);

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

    private static MavenRun build(MavenDistribution maven, String scenario) {
        return MavenRun.of(maven, "credential-helpers/" + scenario).against(aws)
                .project(SampleProject.named("parent-from-pom").with("repo.url", releases.url()))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .args("validate");
    }

    /** An executable script in a folder of the scenario's own. */
    private static Path helper(MavenDistribution maven, String scenario, String body) {
        Path dir = RunDirectory.sharedFolder("credential-helper-" + scenario, maven);
        Path script = dir.resolve("acme-credentials");
        try {
            Files.createDirectories(dir);
            Files.writeString(script, "#!/bin/sh\n" + body + "\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    static List<Object[]> failingHelperNamings() {
        return List.of(
                new Object[] {"aws-profile", (UnaryOperator<MavenRun>) r -> r.env("AWS_PROFILE", "dev"), "dev"},
                new Object[] {"codeartifact-profile",
                        (UnaryOperator<MavenRun>) r -> r.args("-Dcodeartifact.profile=dev"), "dev"},
                new Object[] {"default-profile", (UnaryOperator<MavenRun>) r -> r, "default"});
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void failingHelperShowsItsExitCodeAndAdviceNeverItsOutput(MavenDistribution maven) {
        for (Object[] naming : failingHelperNamings()) {
            String scenario = "failing-" + naming[0];
            @SuppressWarnings("unchecked")
            UnaryOperator<MavenRun> named = (UnaryOperator<MavenRun>) naming[1];
            String profile = (String) naming[2];
            Path script = helper(maven, scenario, "echo '{\"Version\": 1, \"AccessKeyId\": \"AKIAHELPER\","
                    + " \"SecretAccessKey\": \"" + STDOUT_SECRET + "\"'\n"
                    + "echo 'acme-credentials: your session has expired' >&2\n"
                    + "echo 'Run: acme-login --profile " + profile + "' >&2\n"
                    + "exit 3");
            String section = profile.equals("default") ? "[default]" : "[profile " + profile + "]";

            MavenResult result = named.apply(build(maven, scenario)
                    .awsConfig(section + "\ncredential_process = " + script + "\nregion = us-west-2\n"))
                    .run();

            result.assertFailure()
                    .assertFasterThan(Duration.ofSeconds(60))
                    .assertOutputContains("No AWS CodeArtifact token", releases.url(),
                            "credential_process exited with code 3",
                            "| acme-credentials: your session has expired", "| Run: acme-login --profile " + profile)
                    .assertNoStackTrace()
                    .assertOutputDoesNotContain("\n    at ", "IllegalStateException",
                            "Failed to refresh process-based credentials")
                    .assertHidesSecrets(List.of(STDOUT_SECRET));
            assertCalls(result).tokenRequests(0).noViolations();
        }
    }

    /**
     * On the newest Maven only: the wait is the extension's and the SDK's, the same code under every Maven, and each
     * run costs the whole 60 s deadline.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void helperThatNeverReturnsFailsTheBuildWithinTheDeadlineAndIsStopped(MavenDistribution maven) {
        // a helper that waits for a login that never comes; its sleep holds the SDK's pipe open too
        Path script = helper(maven, "hanging", "echo 'waiting for acme-login...' >&2\nsleep 600\n");

        MavenResult result = build(maven, "hanging")
                .awsConfig("[profile slow]\ncredential_process = " + script + "\nregion = us-west-2\n")
                .env("AWS_PROFILE", "slow")
                .timeout(Duration.ofSeconds(180))
                .run();

        result.assertFailure()
                .assertFasterThan(DEADLINE_LIMIT)
                .assertOutputContains("No AWS CodeArtifact token", releases.url(),
                        "Resolving the default AWS credentials", "did not finish within 60 s",
                        "its credential_process was stopped")
                .assertNoStackTrace();
        assertCalls(result).tokenRequests(0).noViolations();
        List<String> left = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(script.toString())).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .toList();
        if (!left.isEmpty()) {
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(script.toString())).orElse(false))
                    .forEach(p -> {
                        p.descendants().forEach(ProcessHandle::destroyForcibly);
                        p.destroyForcibly();
                    });
            throw result.failure("the hanging credential_process outlived the build: " + left);
        }
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void silentStsOnOneDomainsRoleLeavesCodeArtifactToTheOtherDomain(MavenDistribution maven) throws Exception {
        FakeDomain beta = aws.domain("beta", "444455556666", "us-west-2");
        FakeRepository betaReleases = beta.repository("releases");
        PrivateArtifacts.publishLibrary(betaReleases, "private-lib-eu");
        FakeDomain gamma = aws.domain("gamma", "111122223333", "us-west-2");
        FakeRepository gammaReleases = gamma.repository("releases");
        PrivateArtifacts.publishLibrary(gammaReleases, "private-lib");
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/reader-behind-silent-sts").allowToken(gamma);
        // gamma only through the role, whose STS never answers; beta directly
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey())
                .allowToken(beta).allowAssume(role);

        try (SilentEndpoint sts = new SilentEndpoint()) {
            MavenResult result = MavenRun.of(maven, "credential-helpers/silent-sts").against(aws)
                    .project(SampleProject.named("two-repositories")
                            .with("repo.url", gammaReleases.url())
                            .with("repo2.url", betaReleases.url())
                            .with("deploy.url", betaReleases.url()))
                    .awsCredentials(user)
                    .env("AWS_ENDPOINT_URL_STS", sts.url())
                    .args("-Dcodeartifact.gamma-111122223333.roleArn=" + role.arn(), "compile")
                    .timeout(Duration.ofSeconds(180))
                    .run();

            // gamma's library cannot be had; beta's can (its POM: Maven stops before the jars), though STS did not answer for gamma first
            result.assertFailure()
                    .assertOutputContains("No AWS CodeArtifact token", "domain gamma",
                            "AssumeRole failed: AWS did not answer in time")
                    .assertNoStackTrace()
                    .assertHidesSecrets(List.of(user.secretAccessKey()));
            assertCalls(result)
                    .count("GetAuthorizationToken calls for beta answered 200",
                            Calls.TOKEN_REQUEST.and(Calls.forDomain("beta")).and(Calls.OK), 1)
                    .downloaded(PrivateArtifacts.path("private-lib-eu", "pom"));
            if (sts.connections.isEmpty()) {
                throw result.failure("the build never called the silent STS");
            }
        }
    }

    /** A loopback HTTP endpoint that accepts connections and reads requests, and never answers. */
    private static final class SilentEndpoint implements AutoCloseable {
        private final ServerSocket server;
        final List<Socket> connections = new CopyOnWriteArrayList<>();

        SilentEndpoint() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        connections.add(server.accept());
                    }
                } catch (IOException closed) {
                    // closed with the test
                }
            }, "silent-sts");
            accept.setDaemon(true);
            accept.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket socket : connections) {
                socket.close();
            }
        }
    }
}
