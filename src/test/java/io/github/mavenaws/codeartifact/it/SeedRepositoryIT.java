package io.github.mavenaws.codeartifact.it;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness checks itself: every scenario trusts that the seed repository holds all a sample build needs besides
 * the fake CodeArtifact's artifacts, and that the extension really loads. An offline build against a copy of the
 * seed proves the first (a missing artifact fails it, naming the artifact); {@code -X} output proves the second.
 */
class SeedRepositoryIT {

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void offlineBuildNeedsNothingButTheSeed(MavenDistribution maven) {
        // install runs the five plugins of the jar lifecycle; deploy's help goal resolves the sixth with its deps
        MavenRun.of(maven, "seed-offline")
                .project(SampleProject.named("offline"))
                .args("-o", "-X", "install", "org.apache.maven.plugins:maven-deploy-plugin:3.1.3:help")
                .run()
                .assertSuccess()
                .assertExtensionLoaded()
                // Maven only warns when a POM it wants is absent; a complete seed has them all
                .assertOutputDoesNotContain("is missing");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void extensionRepositoryHoldsTheExtension(MavenDistribution maven) {
        // the mirrorOf-* scenario starts from this repository: the extension must load from it offline
        MavenRun.of(maven, "extension-repo-offline")
                .project(SampleProject.named("offline"))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .args("-o", "-X", "validate")
                .run()
                .assertSuccess()
                .assertExtensionLoaded();
    }
}
