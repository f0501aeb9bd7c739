package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mirror-everything bootstrap, as the README installs it: the extension's jar copied into a Maven's
 * {@code lib/ext}, and a settings.xml whose {@code mirrorOf *} sends every download to a CodeArtifact repository
 * whose upstream (Maven Central's part, played by the seed repository) holds the plugins. From an empty local
 * repository the build authorizes itself before its first download: every plugin POM and jar is served with a
 * valid token, nothing comes from anywhere else, and the extension is never downloaded. The SDK that fetched the
 * token is the relocated one inside the jar, never a {@code software.amazon.awssdk} class. A second scenario names
 * the extension in {@code .mvn/extensions.xml} as well: both copies load, the installed one serves, the build works.
 */
class MirrorBootstrapIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String SDK = "software.amazon.awssdk.";
    private static final String RELOCATED_SDK = "io.github.mavenaws.codeartifact.shaded.awssdk.";
    private static final Pattern DOWNLOADED_FROM = Pattern.compile("Downloaded from ([^:\\s]+): (\\S+)");

    private static final Map<String, MavenDistribution> INSTALLED = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void installedJarAuthorizesEveryDownloadFromAnEmptyLocalRepository(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        FakeRepository mirror = mirror("mirror-" + maven.version());
        Path localRepository = RunDirectory.sharedFolder("bootstrap-local-repository", maven);

        MavenResult result = ACME.run(withExtensionInstalled(maven), "bootstrap-empty-repository")
                .project(SampleProject.named("no-repository").withoutExtensionsXml())
                .localRepositoryFrom(emptyFolder())
                .localRepository(localRepository)
                .mirrorEverythingTo(mirror.url())
                .awsCredentials(user)
                .logClassLoading()
                .args("compile")
                .run();

        result.assertSuccess()
                .assertClassLoaded(RELOCATED_SDK)
                .assertNoClassLoaded(SDK)
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        assertCalls(result)
                .tokenRequests(1)
                .downloadedWithToken(plugin("maven-resources-plugin", "3.3.1", "pom"))
                .downloadedWithToken(plugin("maven-resources-plugin", "3.3.1", "jar"))
                .downloadedWithToken(plugin("maven-compiler-plugin", "3.13.0", "pom"))
                .downloadedWithToken(plugin("maven-compiler-plugin", "3.13.0", "jar"))
                .downloadedWithToken(PrivateArtifacts.path("private-lib", "jar"))
                .count("requests for the extension itself", Calls.REPOSITORY
                        .and(c -> c.path().contains("/io/github/mavenaws/")), 0)
                .noViolations();
        assertEverythingCameFromTheMirror(result);
        if (Files.exists(localRepository.resolve("io/github/mavenaws"))) {
            throw result.failure("the extension was downloaded into the local repository, yet it is installed");
        }
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void installedJarServesWhenTheProjectNamesTheExtensionToo(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        FakeRepository mirror = mirror("both-" + maven.version());
        PrivateArtifacts.publishParent(mirror);

        // From an empty local repository: Maven downloads the extension .mvn/extensions.xml names through the
        // mirror, authorized by the installed copy, then loads it a second time; the parent POM, which Maven reads
        // before any plugin runs, comes only from CodeArtifact. The plugin repository only enables snapshots, for
        // the extension's -SNAPSHOT version; the mirror stands in for it. -X: debug is where a token would leak.
        MavenResult result = ACME.run(withExtensionInstalled(maven), "bootstrap-and-extensions-xml")
                .project(SampleProject.named("parent-from-pom").with("repo.url", mirror.url()))
                .localRepositoryFrom(emptyFolder())
                .mirrorEverythingTo(mirror.url())
                .settings(s -> s.pluginRepository("snapshots", mirror.url()))
                .awsCredentials(user)
                .logClassLoading()
                .args("-X", "validate")
                .run();

        result.assertSuccess()
                .assertExtensionLoaded()
                .assertOutputContains("gets a token for acme-111122223333 (us-west-2) [installed in Maven]")
                .assertOutputDoesNotContain("[named by the project]")
                .assertClassLoaded(RELOCATED_SDK)
                .assertNoClassLoaded(SDK)
                .assertHidesSecrets(List.of(user.secretAccessKey()));
        assertCalls(result)
                .tokenRequests(1)
                .downloadedWithToken(PrivateArtifacts.path("private-parent", "pom"))
                .downloadedWithToken("io/github/mavenaws/maven-aws-extension/" + ItEnvironment.extensionVersion()
                        + "/maven-aws-extension-" + ItEnvironment.extensionVersion() + ".jar")
                .noViolations();
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    /** A CodeArtifact repository with Maven Central (the seed) as upstream and the private library published. */
    private static FakeRepository mirror(String name) {
        FakeRepository mirror = ACME.domain().repository(name);
        mirror.upstream(ItEnvironment.seedRepository());
        PrivateArtifacts.publishLibrary(mirror, "private-lib");
        return mirror;
    }

    /**
     * The README's install: the extension's jar copied into {@code lib/ext} of (a copy of) the distribution, made
     * once per version for both scenarios.
     */
    private static MavenDistribution withExtensionInstalled(MavenDistribution maven) {
        return INSTALLED.computeIfAbsent(maven.version(),
                v -> maven.withLibExt("installed", ItEnvironment.extensionJar()));
    }

    private static Path emptyFolder() {
        try {
            return Files.createDirectories(ItEnvironment.workDir().resolve("empty-repository"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plugin(String artifactId, String version, String extension) {
        return "org/apache/maven/plugins/" + artifactId + "/" + version + "/" + artifactId + "-" + version + "."
                + extension;
    }

    /** Every "Downloaded from" line names the mirror, and there is at least one. */
    private static void assertEverythingCameFromTheMirror(MavenResult result) {
        Matcher m = DOWNLOADED_FROM.matcher(result.output());
        int downloads = 0;
        while (m.find()) {
            downloads++;
            if (!m.group(1).equals("codeartifact")) {
                throw result.failure("downloaded from " + m.group(1) + ", not the mirror: " + m.group(2));
            }
        }
        if (downloads == 0) {
            throw result.failure("expected downloads from the mirror, the output shows none");
        }
    }
}
