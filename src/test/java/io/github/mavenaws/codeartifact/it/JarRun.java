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

/**
 * One run of the extension's jar as a command, {@code java [options] -jar maven-aws-extension-<version>.jar ...},
 * sealed off as {@link MavenRun} seals Maven off: a fresh HOME (or one shared with other runs), empty private AWS
 * files, no instance metadata, and a JVM pointed at the fake AWS by its hosts file and trust store alone. Or, with
 * {@link #shell}, a shell command line that runs the jar inside it, as a user types {@code $(java -jar ...)}.
 * Every run checks that no secret of the fake reached its output, a token only {@code token}'s stdout, and that
 * SLF4J said nothing.
 */
final class JarRun {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final String scenario;
    private FakeAws aws;
    private Path sharedHome;
    private Path workingDirectory;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();
    private String shell;
    private String pathPrefix;

    private JarRun(String scenario) {
        this.scenario = scenario;
    }

    /** {@code scenario} names the run's folder, {@code target/it/runs/<scenario>/java-jar}. */
    static JarRun of(String scenario) {
        return new JarRun(scenario);
    }

    JarRun against(FakeAws fake) {
        this.aws = fake;
        return this;
    }

    /** HOME and {@code user.home}, shared with other runs (the token cache under {@code ~/.m2}). */
    JarRun home(Path dir) {
        this.sharedHome = dir.toAbsolutePath();
        return this;
    }

    /** The folder the command starts in; the run's own empty {@code work/} unless set. */
    JarRun in(Path dir) {
        this.workingDirectory = dir.toAbsolutePath();
        return this;
    }

    JarRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    JarRun awsCredentials(FakePrincipal principal) {
        env("AWS_ACCESS_KEY_ID", principal.accessKeyId());
        env("AWS_SECRET_ACCESS_KEY", principal.secretAccessKey());
        if (principal.sessionToken() != null) {
            env("AWS_SESSION_TOKEN", principal.sessionToken());
        }
        return this;
    }

    /** A JVM option before {@code -jar}, e.g. {@code -Dcodeartifact.profile=ci}. */
    JarRun jvm(String option) {
        jvmOptions.add(option);
        return this;
    }

    /** A folder put first on the PATH, e.g. a Maven's {@code bin}. */
    JarRun pathFirst(Path dir) {
        this.pathPrefix = dir.toAbsolutePath().toString();
        return this;
    }

    JarRun args(String... arguments) {
        args.addAll(Arrays.asList(arguments));
        return this;
    }

    /**
     * Runs {@code sh -c script} instead of the jar, with {@code $JAVA_JAR} in the environment: the java command,
     * options and jar, to be followed by the command's arguments, e.g. {@code curl -u "aws:$($JAVA_JAR token URL)"};
     * and {@code $JAVA} and {@code $JVM_OPTIONS} for another Java program pointed at the fake alike.
     * The output checked is the shell's: there the token may appear nowhere.
     */
    JarRun shell(String script) {
        this.shell = script;
        return this;
    }

    JarResult run() {
        Path root = ItEnvironment.workDir().resolve("runs").resolve(scenario).resolve("java-jar");
        FileTrees.delete(root);
        Path home = sharedHome != null ? sharedHome : root.resolve("home");
        Path work = workingDirectory != null ? workingDirectory : root.resolve("work");
        try {
            Files.createDirectories(root);
            Files.createDirectories(work);
            Files.createDirectories(home.resolve(".aws"));
            for (String file : List.of("config", "credentials")) {
                if (!Files.exists(home.resolve(".aws").resolve(file))) {
                    Files.writeString(home.resolve(".aws").resolve(file), "");
                }
            }
            List<String> javaJar = new ArrayList<>();
            javaJar.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            javaJar.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Duser.home=" + home));
            if (aws != null) {
                javaJar.addAll(List.of("-Djdk.net.hosts.file=" + aws.hostsFile(),
                        "-Djavax.net.ssl.trustStore=" + aws.trustStore(),
                        "-Djavax.net.ssl.trustStorePassword=" + aws.trustStorePassword(),
                        "-Djavax.net.ssl.trustStoreType=PKCS12"));
            } else {
                Path hosts = Files.writeString(root.resolve("hosts"), "127.0.0.1 localhost\n");
                javaJar.add("-Djdk.net.hosts.file=" + hosts);
            }
            javaJar.addAll(jvmOptions);
            javaJar.addAll(List.of("-jar", ItEnvironment.extensionJar().toString()));

            List<String> command = new ArrayList<>();
            if (shell != null) {
                command.addAll(List.of("sh", "-c", shell));
            } else {
                command.addAll(javaJar);
                command.addAll(args);
            }
            Path stdoutFile = root.resolve("stdout.txt");
            Path stderrFile = root.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(stdoutFile.toFile())
                    .redirectError(stderrFile.toFile());
            Map<String, String> environment = builder.environment();
            environment.clear();
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            environment.put("PATH", pathPrefix == null ? path : pathPrefix + ":" + path);
            environment.put("JAVA_HOME", System.getProperty("java.home"));
            environment.put("HOME", home.toString());
            environment.put("AWS_EC2_METADATA_DISABLED", "true");
            environment.put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
            environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
            environment.put("MAVEN_SKIP_RC", "true");
            if (shell != null) {
                // word-split by the shell: no option or path here holds a space
                environment.put("JAVA_JAR", String.join(" ", javaJar));
                environment.put("JAVA", javaJar.get(0));
                environment.put("JVM_OPTIONS", String.join(" ", javaJar.subList(1, javaJar.size() - 2)));
            }
            environment.putAll(env);

            int callsBefore = aws == null ? 0 : aws.calls().size();
            int violationsBefore = aws == null ? 0 : aws.violations().size();
            long start = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            boolean finished = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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
                        violations.subList(Math.min(violationsBefore, violations.size()), violations.size()));
                Files.writeString(root.resolve("fake-aws-calls.txt"), calls.describe() + "\n");
            }
            String description = "java -jar " + (shell != null ? "in sh -c '" + shell + "'" : String.join(" ", args))
                    + ", " + scenario;
            JarResult result = new JarResult(description, finished ? process.exitValue() : -1,
                    Files.readString(stdoutFile, StandardCharsets.UTF_8),
                    Files.readString(stderrFile, StandardCharsets.UTF_8), duration, root, calls);
            if (!finished) {
                throw result.all().failure("killed after " + TIMEOUT.toSeconds() + " s");
            }
            if (aws != null) {
                result.assertHidesSecrets(aws, shell == null && !args.isEmpty() && args.get(0).equals("token"));
                result.all().assertNoFileHolds(aws.issuedTokens(), home.resolve(".m2/codeartifact-tokens"), home,
                        work);
                result.all().assertNoFileHolds(aws.secrets(), home.resolve(".aws"), home, work);
            }
            result.all().assertNoLoggerWarnings();
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run the jar for " + scenario, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the jar ran " + scenario, e);
        }
    }
}
