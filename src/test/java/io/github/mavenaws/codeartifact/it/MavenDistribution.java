package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.List;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One unpacked Maven distribution. The versions come from system property {@code it.maven.versions} (the pom
 * property of that name, overridable with {@code -Dit.maven.versions=3.9.16}); each must be among those the pom
 * unpacks.
 *
 * @param version e.g. {@code 3.9.16}
 * @param home    its {@code apache-maven-<version>} folder
 */
record MavenDistribution(String version, Path home) {

    /** The distributions to run, in the order given; the argument source of every scenario. */
    static Stream<MavenDistribution> versions() {
        return Arrays.stream(ItEnvironment.property("it.maven.versions").split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(MavenDistribution::of);
    }

    /** The newest of the versions under test, the last one given: for scenarios that no Maven version changes. */
    static Stream<MavenDistribution> newest() {
        List<MavenDistribution> all = versions().toList();
        return all.stream().skip(Math.max(0, all.size() - 1));
    }

    /**
     * Maven {@code version} if it is among the versions under test; otherwise the calling test is skipped (a failed
     * assumption): for scenarios one version shows as well as all.
     */
    static MavenDistribution underTestOrSkip(String version) {
        MavenDistribution maven = versions().filter(m -> m.version().equals(version)).findFirst().orElse(null);
        Assumptions.assumeTrue(maven != null, "Maven " + version + " is not among it.maven.versions");
        return maven;
    }

    static MavenDistribution of(String version) {
        Path home = ItEnvironment.mavenDir().resolve("apache-maven-" + version);
        if (!Files.isRegularFile(home.resolve("bin/mvn"))) {
            throw new IllegalStateException("No Maven " + version + " at " + home + ": add it to the"
                    + " unpack-maven-distributions execution in pom.xml");
        }
        return new MavenDistribution(version, home);
    }

    /** {@code bin/mvn}, made executable first: archivers do not all keep the exec bit of a tar entry. */
    Path launcher() {
        Path mvn = home.resolve("bin/mvn");
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(mvn));
            if (permissions.add(PosixFilePermission.OWNER_EXECUTE)) {
                Files.setPosixFilePermissions(mvn, permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mvn;
    }

    /**
     * A copy of this distribution, {@code target/it/maven-with-ext/<name>/apache-maven-<version>}, made afresh, with
     * {@code jar} copied into its {@code lib/ext}: what the README's bootstrap install does to a user's Maven.
     */
    MavenDistribution withLibExt(String name, Path jar) {
        Path copy = ItEnvironment.workDir().resolve("maven-with-ext").resolve(name).resolve(home.getFileName());
        FileTrees.delete(copy);
        FileTrees.copy(home, copy);
        try {
            Files.copy(jar, copy.resolve("lib/ext").resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + jar + " into " + copy, e);
        }
        return new MavenDistribution(version, copy);
    }

    boolean isMaven4() {
        return version.startsWith("4.");
    }

    /** The version alone, so parameterized test names read {@code [2] 3.9.16}. */
    @Override
    public String toString() {
        return version;
    }
}
