package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.junit.jupiter.api.Assumptions;

/**
 * One Maven distribution: unpacked by the pom, or the machine's own distro-packaged Maven. The versions come from
 * system property {@code it.maven.versions} (the pom property of that name, overridable with
 * {@code -Dit.maven.versions=3.9.16}, or through the {@code IT_MAVEN_VERSIONS} variable the pom reads); each must be
 * among those the pom unpacks, or {@code debian}: the Maven that Debian and Ubuntu package under
 * {@code /usr/share/maven} (jars symlinked from {@code /usr/share/java}, {@code conf} a link to {@code /etc/maven}, no
 * {@code lib/ext}).
 *
 * <p>Each line of Maven (3.8, 3.9, 4.0, ...) runs every scenario on its newest version under test
 * ({@link #versions()}); its older versions run the core set ({@link #core()}): the scenarios whose outcome hangs on
 * the transport, the resolver or the bootstrap, which is what differs between versions of one line.
 *
 * @param version e.g. {@code 3.9.16}
 * @param home    its {@code apache-maven-<version>} folder, or {@code /usr/share/maven}
 */
record MavenDistribution(String version, Path home) {

    /** The oldest Maven the extension supports; the {@code OLDEST_SUPPORTED} of {@code OldMavenRefusal}. */
    static final String OLDEST_SUPPORTED = "3.8.7";

    /** The machine's distro-packaged Maven, named {@code debian} in {@code it.maven.versions}. */
    static final String DEBIAN = "debian";
    private static final Path DEBIAN_HOME = Path.of("/usr/share/maven");

    /**
     * The distributions every scenario runs on: of each line, the newest version under test. The argument source of
     * every scenario but the core ones.
     */
    static Stream<MavenDistribution> versions() {
        List<MavenDistribution> all = core().toList();
        return all.stream().filter(m -> all.stream().noneMatch(newer -> newer.line().equals(m.line())
                && new ComparableVersion(newer.version).compareTo(new ComparableVersion(m.version)) > 0));
    }

    /**
     * Every distribution under test, in the order given: the argument source of the core scenarios (build, deploy,
     * a token from a variable, preemptive auth, S3 redirects, disk cache, settings routes, bootstrap, builds needing
     * nothing).
     */
    static Stream<MavenDistribution> core() {
        return all().filter(m -> !m.isRefused());
    }

    /**
     * The versions under test that the extension refuses (older than 3.8.7, see {@code OldMavenRefusal}): the
     * argument source of {@code OldMavenIT} alone. A single null when none is under test, for the test to skip: JUnit
     * fails a parameterized test that gets no arguments.
     */
    static Stream<MavenDistribution> refused() {
        List<MavenDistribution> refused = all().filter(MavenDistribution::isRefused).toList();
        return refused.isEmpty() ? Stream.of((MavenDistribution) null) : refused.stream();
    }

    private static Stream<MavenDistribution> all() {
        return Arrays.stream(ItEnvironment.property("it.maven.versions").split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .map(MavenDistribution::of);
    }

    /** Older than the oldest Maven the extension supports, which stops such a build at its start. */
    boolean isRefused() {
        return new ComparableVersion(version).compareTo(new ComparableVersion(OLDEST_SUPPORTED)) < 0;
    }

    /**
     * The newest of the versions under test, the last one given: for scenarios of the extension's own logic, which
     * no Maven version changes (credentials keying, the cache folder's trust, allowed owners, deadlines, identity
     * sources). CI's matrix gives each job one line of Maven, so there they run on the newest of every line.
     */
    static Stream<MavenDistribution> newest() {
        List<MavenDistribution> all = core().toList();
        if (all.isEmpty()) {
            throw new IllegalStateException("it.maven.versions names no supported Maven (" + OLDEST_SUPPORTED
                    + " or later)");
        }
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
        if (version.equals(DEBIAN)) {
            return debian();
        }
        Path home = ItEnvironment.mavenDir().resolve("apache-maven-" + version);
        if (!Files.isRegularFile(home.resolve("bin/mvn"))) {
            throw new IllegalStateException("No Maven " + version + " at " + home + ": add it to the"
                    + " unpack-maven-distributions execution in pom.xml");
        }
        return new MavenDistribution(version, home);
    }

    /** The packaged Maven, its version read from its maven-core jar; a missing package fails, never skips. */
    private static MavenDistribution debian() {
        Path lib = DEBIAN_HOME.resolve("lib");
        if (!Files.isRegularFile(DEBIAN_HOME.resolve("bin/mvn")) || !Files.isDirectory(lib)) {
            throw new IllegalStateException("it.maven.versions names " + DEBIAN + ", but there is no packaged Maven"
                    + " at " + DEBIAN_HOME + ": apt-get install maven, or leave " + DEBIAN + " out");
        }
        try (Stream<Path> jars = Files.list(lib)) {
            Path core = jars.filter(j -> j.getFileName().toString().startsWith("maven-core")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No maven-core jar in " + lib));
            try (JarFile jar = new JarFile(core.toFile())) {
                Properties properties = new Properties();
                properties.load(jar.getInputStream(
                        jar.getEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties")));
                return new MavenDistribution(properties.getProperty("version"), DEBIAN_HOME);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the version of the Maven at " + DEBIAN_HOME, e);
        }
    }

    /** {@code 3.9}, {@code 4.0}: major and minor version. */
    String line() {
        String[] parts = version.split("[.-]");
        return parts[0] + "." + parts[1];
    }

    /** Whether this is the distro-packaged Maven, whose jars are symlinks and whose {@code conf} is elsewhere. */
    boolean isPackaged() {
        return home.equals(DEBIAN_HOME);
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
            // the packaged Maven has no lib/ext, though its m2.conf loads it
            Files.createDirectories(copy.resolve("lib/ext"));
            Files.copy(jar, copy.resolve("lib/ext").resolve(jar.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install " + jar + " into " + copy, e);
        }
        return new MavenDistribution(version, copy);
    }

    /**
     * A copy of this Maven 3.9 distribution, {@code target/it/maven-with-logback/<name>/apache-maven-<version>}, made
     * afresh, that logs through logback as Maven's logging documentation describes: its SLF4J provider removed from
     * {@code lib}, logback's jars (prepared by the pom in {@code it.logbackDir}) in {@code lib/ext}, no logback
     * configuration, so Maven's {@code -X} alone sets the levels.
     */
    MavenDistribution withLogback(String name) {
        if (!version.startsWith("3.9.")) {
            throw new IllegalStateException("logback 1.2 fits the SLF4J 1.7 of Maven 3.9 only, not Maven " + version);
        }
        Path copy = ItEnvironment.workDir().resolve("maven-with-logback").resolve(name).resolve(home.getFileName());
        FileTrees.delete(copy);
        FileTrees.copy(home, copy);
        Path logback = Path.of(ItEnvironment.property("it.logbackDir"));
        try (Stream<Path> lib = Files.list(copy.resolve("lib")); Stream<Path> jars = Files.list(logback)) {
            for (Path provider : lib.filter(f -> f.getFileName().toString().startsWith("maven-slf4j-provider"))
                    .toList()) {
                Files.delete(provider);
            }
            for (Path jar : jars.filter(f -> f.getFileName().toString().endsWith(".jar")).toList()) {
                Files.copy(jar, copy.resolve("lib/ext").resolve(jar.getFileName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put logback into " + copy, e);
        }
        return new MavenDistribution(version, copy);
    }

    /** Whether resolver's JDK HTTP transport is in {@code lib}: Maven 4 until rc-5, not rc-6, not 3.10. */
    boolean hasJdkTransport() {
        try (Stream<Path> jars = Files.list(home.resolve("lib"))) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith("maven-resolver-transport-jdk"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isMaven4() {
        return version.startsWith("4.");
    }

    /** The version alone, so parameterized test names read {@code [2] 3.9.16}; the packaged one says so. */
    @Override
    public String toString() {
        return isPackaged() ? version + " (" + home + ")" : version;
    }
}
