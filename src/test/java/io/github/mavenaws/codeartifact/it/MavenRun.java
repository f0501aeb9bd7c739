package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One run of a real Maven distribution on a sample project, sealed off from the machine: a fresh HOME, a fresh
 * local repository copied from a seed, a settings.xml whose mirror keeps every download on {@code file://} or the
 * fake AWS, a hosts file that resolves nothing but the fake's names to loopback, and an environment holding only
 * what the scenario gives. Built up fluently, then {@link #run()}. Runs that must see each other's traces, as one
 * user's successive builds do, share a HOME ({@link #home}) or a local repository ({@link #localRepository}).
 */
final class MavenRun {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    /** {@code -Dit.keepLocalRepositories=true} keeps each run's local repository for a look after the run. */
    static final String KEEP_LOCAL_REPOSITORIES = "it.keepLocalRepositories";

    private final MavenDistribution maven;
    private final String scenario;
    private SampleProject project;
    private FakeAws aws;
    private Path localRepositorySeed = ItEnvironment.seedRepository();
    private Path central;
    private String mirrorEverythingTo;
    private final List<Consumer<SettingsXml>> settings = new ArrayList<>();
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> args = new ArrayList<>();
    private String awsConfig;
    private Duration timeout = DEFAULT_TIMEOUT;
    private Path sharedHome;
    private Path sharedLocalRepository;
    private boolean logClassLoading;
    private boolean concurrent;
    private int embeddedBuilds;
    private Duration embeddedPause = Duration.ZERO;

    private MavenRun(MavenDistribution maven, String scenario) {
        this.maven = maven;
        this.scenario = scenario;
    }

    /** {@code scenario} names the run's folder, {@code target/it/runs/<scenario>/<version>}. */
    static MavenRun of(MavenDistribution maven, String scenario) {
        return new MavenRun(maven, scenario);
    }

    MavenRun project(SampleProject sample) {
        this.project = sample;
        return this;
    }

    /** The fake the run talks to: its names resolve to loopback and its certificate is the only one trusted. */
    MavenRun against(FakeAws fake) {
        this.aws = fake;
        return this;
    }

    /** Initial content of the local repository; the seed repository unless set. */
    MavenRun localRepositoryFrom(Path seed) {
        this.localRepositorySeed = seed;
        return this;
    }

    /**
     * The local repository is this folder, kept after the run so that the next run finds what this one
     * downloaded; when it does not exist yet it starts as a copy of the seed (or of {@link #localRepositoryFrom}).
     */
    MavenRun localRepository(Path dir) {
        this.sharedLocalRepository = dir.toAbsolutePath();
        return this;
    }

    /**
     * HOME and {@code user.home} are this folder, shared with other runs (successive or simultaneous builds of
     * one user, whose {@code ~/.m2} they share) instead of a fresh one. Created when missing, never emptied.
     */
    MavenRun home(Path dir) {
        this.sharedHome = dir.toAbsolutePath();
        return this;
    }

    /**
     * The JVM lists every class it loads ({@code -Xlog:class+load}) in a file of the run's folder rather than in
     * the build's output, for {@link MavenResult#assertNoClassLoaded} and {@link MavenResult#assertClassLoaded}.
     */
    MavenRun logClassLoading() {
        this.logClassLoading = true;
        return this;
    }

    /**
     * The run shares the fake with runs going on at the same time: it does not reset the fake's calls when it
     * starts, and its result holds every call recorded while it ran, the other runs' included. The test asserts on
     * the fake's calls of all the runs together.
     */
    MavenRun concurrentWithOtherRuns() {
        this.concurrent = true;
        return this;
    }

    /**
     * Maven Central, mirrored to a {@code file://} repository under the id {@code seed}, is this folder instead of
     * the local repository's initial content: with {@code localRepositoryFrom(extensionRepository())} and the seed
     * here, every plugin is downloaded from a plain repository.
     */
    MavenRun centralFrom(Path repository) {
        this.central = repository;
        return this;
    }

    /**
     * Not {@code bin/mvn} once, but {@code builds} builds one after another in one JVM through Maven's embedder entry
     * point ({@link EmbeddedMavenMain}), {@code pause} between them; the JVM's state before and after each build is
     * in {@link #embeddedReport}. The output holds every build's, one after the other.
     */
    MavenRun embedded(int builds, Duration pause) {
        this.embeddedBuilds = builds;
        this.embeddedPause = pause;
        return this;
    }

    /** Where an {@link #embedded} run's JVM writes its report: a {@link java.util.Properties} file. */
    static Path embeddedReport(MavenResult result) {
        return result.project().resolveSibling("embedded-report.properties");
    }

    /** {@code <mirrorOf>*</mirrorOf>} to this URL instead of the default mirror of central to the seed. */
    MavenRun mirrorEverythingTo(String url) {
        this.mirrorEverythingTo = url;
        return this;
    }

    MavenRun settings(Consumer<SettingsXml> customization) {
        settings.add(customization);
        return this;
    }

    MavenRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** The principal's keys as {@code AWS_ACCESS_KEY_ID} / {@code AWS_SECRET_ACCESS_KEY} (and session token). */
    MavenRun awsCredentials(FakePrincipal principal) {
        env("AWS_ACCESS_KEY_ID", principal.accessKeyId());
        env("AWS_SECRET_ACCESS_KEY", principal.secretAccessKey());
        if (principal.sessionToken() != null) {
            env("AWS_SESSION_TOKEN", principal.sessionToken());
        }
        return this;
    }

    /** Content of the run's private {@code AWS_CONFIG_FILE}; empty unless set. */
    MavenRun awsConfig(String content) {
        this.awsConfig = content;
        return this;
    }

    MavenRun args(String... arguments) {
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    MavenRun timeout(Duration limit) {
        this.timeout = limit;
        return this;
    }

    MavenResult run() {
        if (project == null) {
            throw new IllegalStateException("No sample project for " + scenario);
        }
        boolean seedLocalRepository = sharedLocalRepository == null || !Files.isDirectory(sharedLocalRepository);
        RunDirectory dir = RunDirectory.create(scenario, maven, sharedHome, sharedLocalRepository);
        project.copyTo(dir.project());
        if (seedLocalRepository) {
            FileTrees.copy(localRepositorySeed, dir.localRepository());
        }
        writeSettings(dir);
        try {
            if (awsConfig != null) {
                Files.writeString(dir.awsConfigFile(), awsConfig);
            }
            List<String> command = new ArrayList<>();
            if (embeddedBuilds > 0) {
                command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
                command.addAll(Arrays.asList(mavenOpts(dir).split(" ")));
                command.addAll(List.of("-cp", Path.of(EmbeddedMavenMain.class.getProtectionDomain().getCodeSource()
                        .getLocation().toURI()).toString(), EmbeddedMavenMain.class.getName(),
                        maven.home().toString(), dir.project().toString(),
                        dir.root().resolve("embedded-report.properties").toString(),
                        Integer.toString(embeddedBuilds), Long.toString(embeddedPause.toSeconds())));
            } else {
                command.add(maven.launcher().toString());
            }
            command.addAll(List.of("-B", "-s", dir.settingsFile().toString()));
            command.addAll(args);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.project().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.log().toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            environment.putAll(environment(dir));

            int callsBefore = 0;
            int violationsBefore = 0;
            if (aws != null) {
                if (concurrent) {
                    callsBefore = aws.calls().size();
                } else {
                    aws.resetCalls();
                }
                violationsBefore = aws.violations().size();
            }
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Duration duration = Duration.ofNanos(System.nanoTime() - start);
            SeenCalls calls = SeenCalls.NONE;
            if (aws != null) {
                List<FakeCall> all = aws.calls();
                List<String> violations = aws.violations();
                calls = new SeenCalls(all.subList(Math.min(callsBefore, all.size()), all.size()),
                        violations.subList(violationsBefore, violations.size()));
                Files.writeString(dir.callsFile(), calls.describe() + "\n");
            }
            String output = Files.readString(dir.log(), StandardCharsets.UTF_8);
            if (dir.ownsLocalRepository() && !Boolean.getBoolean(KEEP_LOCAL_REPOSITORIES)) {
                // a copy of the seed per run would fill the disk (2 GB for the whole suite); logs are what matter
                FileTrees.delete(dir.localRepository());
            }
            MavenResult result = new MavenResult("Maven " + maven.version() + ", " + scenario,
                    finished ? process.exitValue() : -1, output, duration, dir.log(), calls, dir.project(),
                    logClassLoading ? dir.classLoadLog() : null);
            if (!finished) {
                throw result.failure("killed after " + timeout.toSeconds() + " s");
            }
            if (aws != null) {
                // every run, whatever its scenario: no token the fake ever issued in the output or a written file
                result.assertHidesSecrets(aws.issuedTokens());
                result.assertNoLoggerWarnings();
                result.assertNoFileHolds(aws.issuedTokens(), dir.home().resolve(".m2/codeartifact-tokens"),
                        dir.project(), dir.home());
                // nor any secret access key or session token, of users or assumed roles: not even the token cache
                // may hold one, only the user's own ~/.aws files
                result.assertHidesSecrets(aws.secrets());
                result.assertNoFileHolds(aws.secrets(), dir.awsConfigFile().getParent(), dir.project(), dir.home());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run Maven " + maven.version() + " for " + scenario, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Maven ran " + scenario, e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + EmbeddedMavenMain.class, e);
        }
    }

    private void writeSettings(RunDirectory dir) {
        SettingsXml xml = new SettingsXml().localRepository(dir.localRepository());
        if (mirrorEverythingTo != null) {
            xml.mirror("codeartifact", "*", mirrorEverythingTo);
        } else {
            // central is the only repository Maven knows by itself; the seed stands in for it
            xml.mirror("seed", "central", (central != null ? central : localRepositorySeed).toUri().toString());
        }
        settings.forEach(s -> s.accept(xml));
        xml.write(dir.settingsFile());
    }

    private Map<String, String> environment(RunDirectory dir) throws IOException {
        Map<String, String> e = new LinkedHashMap<>();
        e.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        e.put("JAVA_HOME", System.getProperty("java.home"));
        e.put("HOME", dir.home().toString());
        // the SDK's last resort is the instance metadata service, a non-loopback address: never to be contacted
        e.put("AWS_EC2_METADATA_DISABLED", "true");
        e.put("AWS_CONFIG_FILE", dir.awsConfigFile().toString());
        e.put("AWS_SHARED_CREDENTIALS_FILE", dir.awsCredentialsFile().toString());
        // bin/mvn sources /etc/mavenrc and ~/.mavenrc, which could set options of the machine's own
        e.put("MAVEN_SKIP_RC", "true");
        e.put("MAVEN_OPTS", mavenOpts(dir));
        e.putAll(env);
        return e;
    }

    /**
     * The hosts file makes the real AWS names resolve to the fake and every other name fail, so a run that tried
     * Maven Central or real AWS would fail rather than reach them; the trust store trusts the fake alone. C1 only and
     * the serial collector take a third off each of these short runs on two cores, without changing what Maven does.
     */
    private String mavenOpts(RunDirectory dir) throws IOException {
        // user.home too: Java takes it from the passwd entry, not HOME, and Maven reads ~/.m2 through it
        String jvm = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home=" + dir.home();
        if (logClassLoading) {
            jvm += " -Xlog:class+load=info:file=" + dir.classLoadLog();
        }
        if (aws == null) {
            Path hosts = Files.writeString(dir.root().resolve("hosts"), "127.0.0.1 localhost\n");
            return jvm + " -Djdk.net.hosts.file=" + hosts;
        }
        return jvm + " -Djdk.net.hosts.file=" + aws.hostsFile()
                + " -Djavax.net.ssl.trustStore=" + aws.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + aws.trustStorePassword()
                + " -Djavax.net.ssl.trustStoreType=PKCS12";
    }
}
