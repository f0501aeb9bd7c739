package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many builds in one JVM, as an IDE or the Maven daemon runs them: three {@code deploy} builds through Maven's
 * embedder entry point ({@link EmbeddedMavenMain}), a second apart, with the credentials of a role session and the
 * disk cache off ({@code CODEARTIFACT_CACHE=false}). Each build must fetch its own token and deploy with it: a token,
 * chain or cache kept in the JVM from an earlier build would serve the next one instead, since every token is good
 * for an hour. After each build the JVM's system properties are as they were before the first (the SDK's logger
 * settings included), no thread of the extension or the AWS SDK lives on, and the open file descriptors do not grow
 * from build to build. Renewal of a token nearing its expiry inside one build is {@code TokenCacheTest}'s.
 */
class LongLivedJvmIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final int BUILDS = 3;
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Duration SESSION = Duration.ofHours(1);
    /** Names of threads the extension or the SDK would start; Maven's own pools are named otherwise. */
    private static final Pattern OUR_THREADS = Pattern.compile("(?i).*(aws|sdk|codeartifact|token).*");
    /**
     * System properties that Maven 3's own code sets on its first build and leaves (its launcher code for Jansi and
     * Guice) or that the JVM sets on first use ({@code user.timezone}): not the extension's. Maven 4's launcher
     * restores the system properties after each build.
     */
    private static final Set<String> MAVENS_OWN = Set.of("guice.disable.misplaced.annotation.check",
            "guice_custom_class_loading", "jansi.mode", "user.timezone");
    /** File descriptors a build may leave open beyond the previous one's (the JVM's own jar and log files vary). */
    private static final int FD_TOLERANCE = 4;

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void buildsInOneJvmEachGetAFreshTokenAndLeaveTheJvmAsTheyFoundIt(MavenDistribution maven) throws IOException {
        FakeRole role = ACME.role("ide-" + maven.version().replace('.', '-'))
                .allowToken(ACME.domain()).allowPublish(ACME.domain());
        FakePrincipal session = ACME.aws().roleSession(role, "ide", SESSION);

        MavenResult result = ACME.run(maven, "long-lived-jvm")
                .project(SampleProject.named("deploy").with("repo.url", ACME.releases().url()))
                .awsCredentials(session)
                .env("CODEARTIFACT_CACHE", "false")
                .embedded(BUILDS, PAUSE)
                .timeout(Duration.ofMinutes(5))
                .args("deploy")
                .run();

        Properties report = report(result);
        for (int build = 1; build <= BUILDS; build++) {
            if (!"0".equals(report.getProperty(build + ".exit"))) {
                throw result.failure("build " + build + " of " + BUILDS + " in one JVM failed");
            }
        }
        result.assertSuccess().assertHidesSecrets(List.of(session.secretAccessKey(), session.sessionToken()));
        List<String> issued = ACME.aws().issuedTokens(session);
        assertCalls(result)
                .tokenRequests(BUILDS)
                .count("deploys of the jar answered 2xx",
                        Calls.REPOSITORY.and(Calls.put(".jar")).and(Calls.OK).and(c -> c.path().endsWith(".jar")),
                        BUILDS)
                .noViolations();
        if (new TreeSet<>(issued).size() != BUILDS) {
            throw result.failure("expected a fresh token for each of the " + BUILDS + " builds, the fake issued "
                    + issued.size() + " (" + new TreeSet<>(issued).size() + " distinct)");
        }
        assertJvmLeftAsFound(result, report);
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    /** System properties, threads and file descriptors after each build, against before the first and each other. */
    private static void assertJvmLeftAsFound(MavenResult result, Properties report) {
        Map<String, String> before = properties(report, "before");
        // MavenCli makes each -D option a system property by design: Maven's doing, not the extension's
        List<String> cliProperties = lines(report, "cli.properties");
        List<String> problems = new ArrayList<>();
        for (int build = 1; build <= BUILDS; build++) {
            Map<String, String> after = properties(report, Integer.toString(build));
            TreeSet<String> changed = new TreeSet<>();
            before.forEach((k, v) -> {
                if (!v.equals(after.get(k))) {
                    changed.add(k + (after.containsKey(k) ? " changed" : " removed"));
                }
            });
            after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> changed.add(k + " added"));
            changed.removeIf(c -> cliProperties.contains(c.substring(0, c.lastIndexOf(' ')))
                    || MAVENS_OWN.contains(c.substring(0, c.lastIndexOf(' '))));
            if (!changed.isEmpty()) {
                problems.add("after build " + build + " the JVM's system properties differ: " + changed);
            }
            List<String> ours = lines(report, build + ".threads").stream()
                    .filter(t -> OUR_THREADS.matcher(t).matches()).toList();
            if (!ours.isEmpty()) {
                problems.add("after build " + build + " threads of the extension or the SDK live on: " + ours);
            }
        }
        // Maven's own pools and the JVM's may settle in the first build; from the second on, nothing may grow
        // the JDK's HTTP keep-alive timer ends 5 s after its connection's last use, whoever made the connection
        List<String> second = withoutKeepAliveTimer(lines(report, "2.threads"));
        int secondFds = Integer.parseInt(report.getProperty("2.fds"));
        for (int build = 3; build <= BUILDS; build++) {
            List<String> threads = withoutKeepAliveTimer(lines(report, build + ".threads"));
            if (threads.size() > second.size()) {
                List<String> extra = new ArrayList<>(threads);
                second.forEach(extra::remove);
                problems.add("build " + build + " left " + (threads.size() - second.size())
                        + " more threads than build 2: " + extra);
            }
            int fds = Integer.parseInt(report.getProperty(build + ".fds"));
            if (fds > secondFds + FD_TOLERANCE) {
                problems.add("build " + build + " left " + fds + " file descriptors open, build 2 " + secondFds);
            }
        }
        if (!problems.isEmpty()) {
            throw result.failure(String.join("\n", problems));
        }
    }

    private static List<String> withoutKeepAliveTimer(List<String> threads) {
        return threads.stream().filter(t -> !t.startsWith("Keep-Alive-Timer")).toList();
    }

    private static Properties report(MavenResult result) {
        Path file = MavenRun.embeddedReport(result);
        if (!Files.isRegularFile(file)) {
            throw result.failure("the embedding JVM wrote no report " + file);
        }
        Properties report = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            report.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report;
    }

    private static Map<String, String> properties(Properties report, String when) {
        Map<String, String> properties = new HashMap<>();
        for (String line : lines(report, when + ".properties")) {
            int eq = line.indexOf('=');
            properties.put(line.substring(0, eq), line.substring(eq + 1));
        }
        return properties;
    }

    private static List<String> lines(Properties report, String key) {
        String value = report.getProperty(key, "");
        return value.isEmpty() ? List.of() : Arrays.asList(value.split("\n"));
    }
}
