package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A build that needs no token costs nothing: no AWS call, and not one class of the AWS SDK loaded, although the
 * extension is loaded and AWS credentials are at hand. Three such builds: one without any CodeArtifact repository
 * (which still downloads its plugins from a plain repository, past the extension's connector factory), one whose
 * artifacts are all in the local repository already from an earlier build, and the same offline. The JVM's class
 * loading log ({@code -Xlog:class+load}) must name no AWS SDK class and must name the
 * extension's own classes, so the test cannot pass on an empty log; {@code -X} shows the extension's realm.
 */
class NothingNeededIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    /** Any AWS SDK class: {@code software.amazon.awssdk.*}, or relocated inside the extension's jar. */
    private static final String SDK = "awssdk.";
    /** Created at the start of every session, by the extension's lifecycle participant. */
    private static final String EXTENSION_CLASS = "io.github.mavenaws.codeartifact.maven.ExtensionState ";

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void buildWithoutCodeArtifactRepository(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();

        // only the extension is local: the plugins come from the seed, the mirror of central, a file:// repository
        MavenResult result = ACME.run(maven, "nothing-without-codeartifact")
                .project(SampleProject.named("offline"))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .awsCredentials(user)
                .logClassLoading()
                // -c: the seed is an installed local repository, without checksum files, which Maven 4 refuses
                .args("-X", "-c", "compile")
                .run();

        result.assertSuccess()
                .assertExtensionLoaded()
                .assertOutputContains("Downloaded from seed: ")
                .assertClassLoaded(EXTENSION_CLASS)
                .assertNoClassLoaded(SDK)
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        assertNoAwsCall(result);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void buildsWithEverythingLocal(MavenDistribution maven) {
        Path localRepository = RunDirectory.sharedFolder("nothing-local-repository", maven);
        FakePrincipal user = ACME.reader();

        MavenResult first = build(maven, "nothing-1-downloads", user, localRepository).args("compile").run();

        first.assertSuccess();
        assertCalls(first)
                .tokenRequests(1)
                .downloaded(PrivateArtifacts.path("private-parent", "pom"))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();

        MavenResult second = build(maven, "nothing-2-all-local", user, localRepository)
                .logClassLoading()
                .args("-X", "compile")
                .run();

        second.assertSuccess()
                .assertExtensionLoaded()
                .assertClassLoaded(EXTENSION_CLASS)
                .assertNoClassLoaded(SDK)
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        assertNoAwsCall(second);

        MavenResult offline = build(maven, "nothing-3-offline", user, localRepository)
                .logClassLoading()
                .args("-o", "-X", "compile")
                .run();

        offline.assertSuccess()
                .assertExtensionLoaded()
                .assertClassLoaded(EXTENSION_CLASS)
                .assertNoClassLoaded(SDK)
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        assertNoAwsCall(offline);
    }

    /** A build of a project whose parent and dependency only CodeArtifact serves, on a local repository kept. */
    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user, Path localRepository) {
        return ACME.run(maven, scenario)
                .project(SampleProject.named("parent-from-pom").with("repo.url", ACME.releases().url()))
                .awsCredentials(user)
                .localRepository(localRepository);
    }

    private static void assertNoAwsCall(MavenResult result) {
        assertCalls(result).count("calls to the fake AWS", c -> true, 0).noViolations();
    }
}
