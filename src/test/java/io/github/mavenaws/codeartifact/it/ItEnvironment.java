package io.github.mavenaws.codeartifact.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the outer build prepared for the integration tests, handed over by failsafe as system properties (see the
 * failsafe configuration in pom.xml). Run from an IDE, pass the same properties after one
 * {@code mvn pre-integration-test}.
 */
final class ItEnvironment {

    private ItEnvironment() {
    }

    /** {@code target/it}: distributions, seed repositories, fake AWS key material and the per-run folders. */
    static Path workDir() {
        return directory("it.workDir");
    }

    /** Where the distributions were unpacked, one {@code apache-maven-<version>} folder each. */
    static Path mavenDir() {
        return directory("it.mavenDir");
    }

    /** The extension, its dependencies and the plugins the samples pin: all a sample build needs but the fake's. */
    static Path seedRepository() {
        return directory("it.seedRepo");
    }

    /** The extension and its dependencies only: what a user who installed the extension has locally. */
    static Path extensionRepository() {
        return directory("it.extensionRepo");
    }

    /** The extension's jar the build made, the AWS SDK relocated inside: what a user copies into lib/ext. */
    static Path extensionJar() {
        Path jar = Path.of(property("it.extensionJar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("it.extensionJar=" + jar + " does not exist: the package phase makes it");
        }
        return jar;
    }

    /** {@code src/it/projects}: the sample project templates. */
    static Path projectsDir() {
        return directory("it.projectsDir");
    }

    /** The version of the extension under test, written into each sample's {@code .mvn/extensions.xml}. */
    static String extensionVersion() {
        return property("project.version");
    }

    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the integration tests"
                    + " through failsafe (mvn verify), which passes it from pom.xml");
        }
        return value;
    }

    private static Path directory(String name) {
        Path dir = Path.of(property(name)).toAbsolutePath();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(name + "=" + dir + " does not exist: the pre-integration-test phase"
                    + " prepares it (mvn verify, or mvn pre-integration-test before running a test from an IDE)");
        }
        return dir;
    }
}
