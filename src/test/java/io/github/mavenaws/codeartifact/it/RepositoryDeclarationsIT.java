package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every place Maven lets a user declare a repository gets the token, with static keys in the environment and no
 * {@code <server>} anywhere: POM {@code <repositories>}, a {@code mirrorOf *} mirror, {@code
 * <distributionManagement>}, and a settings profile or the POM's repositories serving the parent POM.
 */
class RepositoryDeclarationsIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void pomRepository(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();

        // -X: debug output is where a token would leak, if anywhere
        MavenResult result = ACME.pomRepositoryBuild(maven, "pom-repository")
                .awsCredentials(user)
                .args("-X", "install")
                .run();

        result.assertSuccess().assertExtensionLoaded();
        assertCalls(result)
                .tokenRequests(1)
                .count("GetAuthorizationToken calls signed by the user in us-west-2",
                        Calls.TOKEN_REQUEST.and(Calls.OK).and(Calls.signedBy(user.accessKeyId()))
                                .and(Calls.inRegion("us-west-2")), 1)
                .downloaded(PrivateArtifacts.path("private-lib", "pom"))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void mirrorOfEverything(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        // CodeArtifact with Maven Central as upstream, played by the seed repository
        FakeRepository mirror = ACME.domain().repository("mirror-" + maven.version());
        mirror.upstream(ItEnvironment.seedRepository());
        PrivateArtifacts.publishLibrary(mirror, "private-lib");

        // The local repository holds only the extension: every plugin must come through the mirror. The extension
        // itself cannot: Maven resolves core extensions before any extension runs.
        MavenResult result = ACME.run(maven, "mirror-of-everything")
                .project(SampleProject.named("no-repository"))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .mirrorEverythingTo(mirror.url())
                .awsCredentials(user)
                .args("install")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(1)
                .downloaded("org/apache/maven/plugins/maven-compiler-plugin/3.13.0/maven-compiler-plugin-3.13.0.jar")
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void deployToDistributionManagement(MavenDistribution maven) {
        FakePrincipal publisher = ACME.user().allowPublish(ACME.domain());
        // a repository per version, so each run's upload is found alone
        FakeRepository target = ACME.domain().repository("deploy-" + maven.version());
        PrivateArtifacts.publishLibrary(target, "private-lib");

        MavenResult result = ACME.run(maven, "deploy")
                .project(SampleProject.named("deploy").with("repo.url", target.url()))
                .awsCredentials(publisher)
                .args("deploy")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(1)
                .atLeastOne("PUT of the jar answered 2xx", Calls.put("/com/example/it/deploy/").and(Calls.OK)
                        .and(c -> c.path().endsWith(".jar")))
                .noViolations();
        String dir = "com/example/it/deploy/1.0-SNAPSHOT/";
        List<String> uploaded = target.paths().stream().filter(p -> p.startsWith(dir)).toList();
        if (uploaded.stream().noneMatch(p -> p.matches(".*/deploy-1\\.0-\\d{8}\\.\\d{6}-1\\.jar"))
                || uploaded.stream().noneMatch(p -> p.matches(".*/deploy-1\\.0-\\d{8}\\.\\d{6}-1\\.pom"))) {
            throw result.failure("expected the jar and the POM in the repository, it holds " + uploaded);
        }
        result.assertHidesSecrets(List.of(publisher.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void parentFromSettingsProfile(MavenDistribution maven) {
        MavenRun run = MavenRun.of(maven, "parent-from-settings")
                .project(SampleProject.named("parent-from-settings"))
                .settings(s -> s.repository("codeartifact", ACME.releases().url()));
        assertParentResolved(run);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void parentFromPomRepository(MavenDistribution maven) {
        MavenRun run = MavenRun.of(maven, "parent-from-pom")
                .project(SampleProject.named("parent-from-pom").with("repo.url", ACME.releases().url()));
        assertParentResolved(run);
    }

    private static void assertParentResolved(MavenRun run) {
        FakePrincipal user = ACME.reader();

        MavenResult result = run.against(ACME.aws()).awsCredentials(user).args("install").run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(1)
                .downloaded(PrivateArtifacts.path("private-parent", "pom"))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }
}
