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
    private final Path home;
    private final Path localRepository;

    private RunDirectory(Path root, Path home, Path localRepository) {
        this.root = root;
        this.home = home;
        this.localRepository = localRepository;
    }

    /**
     * @param sharedHome      a HOME kept across runs, left as it is (its {@code .aws} files are created empty when
     *                        missing, never overwritten); null for the run's own fresh {@code home/}
     * @param sharedLocalRepo a local repository kept across runs, left as it is; null for the run's own fresh
     *                        {@code repository/}
     */
    static RunDirectory create(String scenario, MavenDistribution maven, Path sharedHome, Path sharedLocalRepo) {
        Path root = ItEnvironment.workDir().resolve("runs").resolve(scenario).resolve(maven.version());
        FileTrees.delete(root);
        RunDirectory dir = new RunDirectory(root,
                sharedHome != null ? sharedHome : root.resolve("home"),
                sharedLocalRepo != null ? sharedLocalRepo : root.resolve("repository"));
        try {
            Files.createDirectories(dir.project());
            Files.createDirectories(dir.localRepository());
            // the AWS files exist and are empty: the SDK reads these, never the real user's ~/.aws
            Files.createDirectories(dir.awsConfigFile().getParent());
            if (!Files.exists(dir.awsConfigFile())) {
                Files.writeString(dir.awsConfigFile(), "");
            }
            if (!Files.exists(dir.awsCredentialsFile())) {
                Files.writeString(dir.awsCredentialsFile(), "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /**
     * An empty place for a folder several runs of one test share, {@code target/it/shared/<name>/<version>}, such as
     * a HOME ({@link MavenRun#home}) or a local repository ({@link MavenRun#localRepository}): whatever a previous
     * test run left there is deleted, and the folder itself is left to the first run to create.
     */
    static Path sharedFolder(String name, MavenDistribution maven) {
        Path dir = ItEnvironment.workDir().resolve("shared").resolve(name).resolve(maven.version());
        FileTrees.delete(dir);
        return dir;
    }

    Path root() {
        return root;
    }

    Path project() {
        return root.resolve("project");
    }

    /**
     * The run's HOME: a fresh folder, so no ~/.m2, ~/.aws or ~/.mavenrc of the real user takes part; or a folder
     * several runs share, as successive builds of one user do.
     */
    Path home() {
        return home;
    }

    Path awsConfigFile() {
        return home().resolve(".aws/config");
    }

    Path awsCredentialsFile() {
        return home().resolve(".aws/credentials");
    }

    /**
     * The run's own local repository, deleted after the run unless {@code -Dit.keepLocalRepositories=true}; or one
     * several runs share, kept.
     */
    Path localRepository() {
        return localRepository;
    }

    /** Whether the local repository belongs to this run alone, to be deleted after it. */
    boolean ownsLocalRepository() {
        return localRepository.startsWith(root);
    }

    /** Where {@link MavenRun#logClassLoading()} has the JVM list every class it loads. */
    Path classLoadLog() {
        return root.resolve("class-load.log");
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
