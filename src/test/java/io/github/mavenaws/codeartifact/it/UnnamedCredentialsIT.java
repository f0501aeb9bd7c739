package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.ContainerCredentialsEndpoint;
import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Credentials whose settings do not name the principal, on a runner whose builds share one HOME (a CI cache volume):
 * two container task roles behind {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, and two {@code credential_process}
 * runs of one profile that return different keys. Each build's token is fetched with its own credentials, not
 * served from the other's disk entry; a later build of either is served from its own entry.
 */
class UnnamedCredentialsIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    private static final String PARENT_POM = PrivateArtifacts.path("private-parent", "pom");

    private static FakeAws aws;
    private static FakeDomain domain;
    private static FakeRepository releases;
    private static ContainerCredentialsEndpoint container;

    @BeforeAll
    static void world() throws IOException {
        aws = AWS.aws();
        domain = aws.domain("acme", "111122223333", "us-west-2");
        releases = domain.repository("releases");
        PrivateArtifacts.publishParent(releases);
        container = ContainerCredentialsEndpoint.start();
    }

    @AfterAll
    static void stop() {
        container.close();
    }

    /** A build in the shared home, with the shared AWS config file: only the credentials differ. */
    private static MavenRun build(MavenDistribution maven, String scenario, Path home) {
        return MavenRun.of(maven, scenario).against(aws)
                .project(SampleProject.named("parent-from-pom").with("repo.url", releases.url()))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .home(home)
                .env("AWS_CONFIG_FILE", home.resolve(".aws/config").toString())
                .env("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString())
                .args("-X", "validate");
    }

    /** The build fetched one token, signed with {@code principal}'s key, and used valid tokens only. */
    private static void assertOwnToken(MavenResult result, FakePrincipal principal, int tokenRequests) {
        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(tokenRequests)
                .count("GetAuthorizationToken calls signed by the build's own credentials",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(principal.accessKeyId())), tokenRequests)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(PARENT_POM)
                .noViolations();
        List<String> secrets = new ArrayList<>(aws.issuedTokens());
        secrets.add(principal.secretAccessKey());
        if (principal.sessionToken() != null) {
            secrets.add(principal.sessionToken());
        }
        result.assertHidesSecrets(secrets);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void twoContainerRolesWithOneHomeEachGetTheirOwnToken(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("container-roles-home", maven);
        FakePrincipal taskA = aws.roleSession(
                aws.role("arn:aws:iam::111122223333:role/task-a-" + maven.version()).allowToken(domain), "a",
                Duration.ofHours(6));
        FakePrincipal taskB = aws.roleSession(
                aws.role("arn:aws:iam::111122223333:role/task-b-" + maven.version()).allowToken(domain), "b",
                Duration.ofHours(6));
        String uriA = container.serve("/v2/credentials/a-" + maven.version(), taskA, null);
        // EKS Pod Identity: the same kind of URI plus an authorization token
        String uriB = container.serve("/v2/credentials/b-" + maven.version(), taskB, "pod-identity-" + maven.version());

        MavenResult a1 = build(maven, "container-role-a-1", home)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", uriA).run();
        assertOwnToken(a1, taskA, 1);
        a1.assertOutputContains("keyed by a hash of the access key id its credentials resolve to");

        MavenResult b1 = build(maven, "container-role-b-1", home)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", uriB)
                .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", "pod-identity-" + maven.version())
                .run();
        assertOwnToken(b1, taskB, 1);

        MavenResult a2 = build(maven, "container-role-a-2", home)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", uriA).run();
        assertOwnToken(a2, taskA, 0);
        MavenResult b2 = build(maven, "container-role-b-2", home)
                .env("AWS_CONTAINER_CREDENTIALS_FULL_URI", uriB)
                .env("AWS_CONTAINER_AUTHORIZATION_TOKEN", "pod-identity-" + maven.version())
                .run();
        assertOwnToken(b2, taskB, 0);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void twoCredentialProcessesOfOneProfileEachGetTheirOwnToken(MavenDistribution maven) throws IOException {
        Path home = RunDirectory.sharedFolder("credential-process-home", maven);
        FakePrincipal one = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);
        FakePrincipal two = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);
        // outside the home, which the secrets scan covers: the keys are the process's, not the extension's writing
        Path bin = Files.createDirectories(RunDirectory.sharedFolder("credential-process-bin", maven));
        Path script = bin.resolve("credentials");
        // what the process returns depends on its environment, as with a vault that hands out per-job keys
        Files.writeString(script, "#!/bin/sh\ncat \"$JOB_CREDENTIALS\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[default]\ncredential_process = " + script + "\n");

        MavenResult first = build(maven, "credential-process-1", home)
                .env("JOB_CREDENTIALS", keysFile(bin, "one", one).toString()).run();
        assertOwnToken(first, one, 1);
        MavenResult second = build(maven, "credential-process-2", home)
                .env("JOB_CREDENTIALS", keysFile(bin, "two", two).toString()).run();
        assertOwnToken(second, two, 1);
        MavenResult again = build(maven, "credential-process-3", home)
                .env("JOB_CREDENTIALS", keysFile(bin, "one", one).toString()).run();
        assertOwnToken(again, one, 0);
    }

    /**
     * The keying of unnamed credentials costs static keys nothing: a build served from disk with
     * {@code AWS_ACCESS_KEY_ID} makes no AWS call, resolves no credentials and builds no SDK client.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void aBuildServedFromDiskWithStaticKeysLoadsNoSdkClass(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("static-keys-home", maven);
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);

        MavenResult first = build(maven, "static-keys-1-fetch", home).awsCredentials(user).run();
        assertOwnToken(first, user, 1);

        MavenResult second = build(maven, "static-keys-2-from-disk", home).awsCredentials(user)
                .logClassLoading().run();
        assertOwnToken(second, user, 0);
        // The extension's token classes refer to a few SDK types (AwsCredentialsProvider, SdkException, Region,
        // StsException), which the JVM loads when it links them, on main as here; nothing that resolves credentials,
        // reads a profile or builds a client may load.
        second.assertClassLoaded("io.github.mavenaws.codeartifact.cache.DiskTokenCache ")
                .assertNoClassLoaded("awssdk.auth.credentials.DefaultCredentialsProvider")
                .assertNoClassLoaded("awssdk.auth.credentials.ContainerCredentialsProvider")
                .assertNoClassLoaded("awssdk.profiles.")
                .assertNoClassLoaded("awssdk.services.codeartifact.")
                .assertNoClassLoaded("awssdk.http.");
    }

    private static Path keysFile(Path bin, String name, FakePrincipal principal) throws IOException {
        Path file = bin.resolve(name + ".json");
        Files.writeString(file, "{\"Version\": 1, \"AccessKeyId\": \"" + principal.accessKeyId()
                + "\", \"SecretAccessKey\": \"" + principal.secretAccessKey() + "\"}\n");
        return file;
    }
}
