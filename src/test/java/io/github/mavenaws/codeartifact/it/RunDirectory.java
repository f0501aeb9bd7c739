package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of one Maven run, {@code target/it/runs/<scenario>/<version>/}, emptied when the run starts and kept
 * afterwards for a look at what happened: the project, the settings, the user's home, {@code maven.log} and the
 * calls the fake AWS saw.
 */
final class RunDirectory {

    private final Path root;

    private RunDirectory(Path root) {
        this.root = root;
    }

    static RunDirectory create(String scenario, MavenDistribution maven) {
        Path root = ItEnvironment.workDir().resolve("runs").resolve(scenario).resolve(maven.version());
        FileTrees.delete(root);
        RunDirectory dir = new RunDirectory(root);
        try {
            Files.createDirectories(dir.project());
            Files.createDirectories(dir.localRepository());
            // the AWS files exist and are empty: the SDK reads these, never the real user's ~/.aws
            Files.createDirectories(dir.awsConfigFile().getParent());
            Files.writeString(dir.awsConfigFile(), "");
            Files.writeString(dir.awsCredentialsFile(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    Path root() {
        return root;
    }

    Path project() {
        return root.resolve("project");
    }

    /** The run's HOME: a fresh folder, so no ~/.m2, ~/.aws or ~/.mavenrc of the real user takes part. */
    Path home() {
        return root.resolve("home");
    }

    Path awsConfigFile() {
        return home().resolve(".aws/config");
    }

    Path awsCredentialsFile() {
        return home().resolve(".aws/credentials");
    }

    /** Deleted after the run unless {@code -Dit.keepLocalRepositories=true}. */
    Path localRepository() {
        return root.resolve("repository");
    }

    Path settingsFile() {
        return root.resolve("settings.xml");
    }

    Path log() {
        return root.resolve("maven.log");
    }

    /** What the fake AWS saw during the run, written for the reader of a failed test. */
    Path callsFile() {
        return root.resolve("fake-aws-calls.txt");
    }
}
