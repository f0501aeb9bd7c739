package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Builds started together with an empty token cache make one AWS call per cache entry between them: the first
 * process to lock an entry fetches, the others wait and read its token. Eight Maven processes share one HOME and
 * start at the same moment against one domain, half of them with one access key and half with another (two
 * identities sharing a machine account, as CI runners do): two entries, so exactly two GetAuthorizationToken calls,
 * one per identity. The fake takes {@link #SLOW_TOKEN} to answer GetAuthorizationToken, as a distant region might:
 * every process that comes for the token meanwhile finds the cache empty, so only the lock keeps it from a call of its
 * own. Afterwards the cache holds exactly the two entries, each complete, owner-only, and holding its identity's
 * token. One Maven version only, {@value #VERSION}: the point is the processes, not the Maven, and eight JVMs on a
 * small machine take a while.
 */
class SimultaneousBuildsIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    static final String VERSION = "3.9.16";
    private static final int PROCESSES = 8;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SLOW_TOKEN = Duration.ofSeconds(5);

    @BeforeAll
    static void slowTokenAnswers() {
        // the fake calls listeners before it answers: this holds the answer back
        ACME.aws().onCall(call -> {
            if (Calls.TOKEN_REQUEST.test(call)) {
                try {
                    Thread.sleep(SLOW_TOKEN.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
    }

    @Test
    void buildsStartedTogetherFetchOneTokenPerIdentity() throws Exception {
        MavenDistribution maven = MavenDistribution.underTestOrSkip(VERSION);
        Path home = RunDirectory.sharedFolder("simultaneous-builds-home", maven);
        List<FakePrincipal> users = List.of(ACME.reader(), ACME.reader());

        ACME.aws().resetCalls();
        int violationsBefore = ACME.aws().violations().size();
        long start = System.nanoTime();
        List<MavenResult> results = runTogether(maven, home, users);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);

        List<String> violations = ACME.aws().violations();
        SeenCalls calls = new SeenCalls(ACME.aws().calls(), violations.subList(violationsBefore, violations.size()));
        MavenResult together = summary(maven, results, calls, duration);
        for (MavenResult result : results) {
            result.assertSuccess();
        }
        CallAssertions expectCalls = assertCalls(together)
                .tokenRequests(users.size())
                .count("parent POM downloads, one per build", Calls.get(AcmeWorld.PARENT_POM).and(Calls.OK),
                        PROCESSES)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .noViolations();
        List<String> secrets = new ArrayList<>();
        for (FakePrincipal user : users) {
            expectCalls.count("GetAuthorizationToken calls of " + user.accessKeyId(),
                    Calls.TOKEN_REQUEST.and(Calls.signedBy(user.accessKeyId())), 1);
            secrets.addAll(ACME.aws().issuedTokens(user));
            secrets.add(user.secretAccessKey());
        }
        for (MavenResult result : results) {
            result.assertHidesSecrets(secrets);
        }
        assertCacheHoldsOneValidEntryPerIdentity(together, home, users);
        Duration shortest = results.stream().map(MavenResult::duration).min(Duration::compareTo).orElseThrow();
        System.out.println("Maven " + maven + ": " + PROCESSES + " simultaneous builds in " + duration.toMillis()
                + " ms (the shortest took " + shortest.toMillis() + " ms), " + calls.tokenRequests().size()
                + " GetAuthorizationToken");
        // last: a run failing only this shows that every other expectation held
        assertCalls(together).repositoryServedOnlyWithToken();
    }

    /**
     * The cache folder is owner-only, holds exactly one {@code .token} entry per identity (and the lock files), and
     * each entry is complete and owner-only, names the domain, has not expired and holds its identity's one token: no
     * process left a half-written, foreign or second entry behind.
     */
    private static void assertCacheHoldsOneValidEntryPerIdentity(MavenResult result, Path home,
            List<FakePrincipal> users) throws IOException {
        Path cache = home.resolve(".m2/codeartifact-tokens");
        if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(cache)).equals("rwx------")) {
            throw result.failure("expected the token cache " + cache + " rwx------");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(cache)) {
            files = list.sorted().toList();
        }
        List<String> expectedTokens = new ArrayList<>();
        users.forEach(u -> expectedTokens.addAll(ACME.aws().issuedTokens(u)));
        List<String> foundTokens = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!name.matches("[0-9a-f]{64}\\.(token|lock)")) {
                throw result.failure("unexpected file in the token cache: " + name);
            }
            if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------")) {
                throw result.failure("expected " + name + " rw-------");
            }
            if (name.endsWith(".token")) {
                foundTokens.add(entryToken(result, file));
            }
        }
        if (foundTokens.size() != users.size() || !foundTokens.containsAll(expectedTokens)
                || !expectedTokens.containsAll(foundTokens)) {
            throw result.failure("expected one cache entry per identity, each holding that identity's token; found "
                    + foundTokens.size() + " entries for " + expectedTokens.size() + " issued tokens");
        }
    }

    /** The token of a complete entry for the domain that has not expired; fails naming the field otherwise. */
    private static String entryToken(MavenResult result, Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw result.failure(file.getFileName() + " is truncated");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (!line.startsWith("#") && equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        Map<String, String> expected = Map.of("version", "2", "domain", AcmeWorld.DOMAIN, "owner", AcmeWorld.OWNER,
                "region", AcmeWorld.REGION);
        for (Map.Entry<String, String> field : expected.entrySet()) {
            if (!field.getValue().equals(fields.get(field.getKey()))) {
                throw result.failure(file.getFileName() + ": expected " + field.getKey() + "=" + field.getValue());
            }
        }
        String expiration = fields.getOrDefault("expiration", "");
        String issued = fields.getOrDefault("issued", "");
        if (!expiration.matches("[0-9]+") || Long.parseLong(expiration) <= System.currentTimeMillis()
                || !issued.matches("[0-9]+") || Long.parseLong(issued) >= Long.parseLong(expiration)
                || !fields.getOrDefault("identity", "").matches("[0-9a-f]{64}")
                || fields.getOrDefault("token", "").isEmpty()) {
            throw result.failure(file.getFileName() + ": expected an identity digest, a token, its issue time and an"
                    + " expiration ahead");
        }
        return fields.get("token");
    }

    /** Starts the builds in threads of their own, all released at once, and waits for every one of them. */
    private static List<MavenResult> runTogether(MavenDistribution maven, Path home, List<FakePrincipal> users)
            throws InterruptedException, ExecutionException, TimeoutException {
        CyclicBarrier startLine = new CyclicBarrier(PROCESSES);
        ExecutorService threads = Executors.newFixedThreadPool(PROCESSES);
        try {
            List<Future<MavenResult>> futures = new ArrayList<>();
            for (int i = 1; i <= PROCESSES; i++) {
                MavenRun run = ACME.parentPomBuild(maven, "simultaneous-builds/build-" + i)
                        .awsCredentials(users.get(i % users.size()))
                        .home(home)
                        .concurrentWithOtherRuns()
                        .timeout(TIMEOUT)
                        .args("validate");
                futures.add(threads.submit(() -> {
                    startLine.await();
                    return run.run();
                }));
            }
            List<MavenResult> results = new ArrayList<>();
            for (Future<MavenResult> future : futures) {
                results.add(future.get(TIMEOUT.toSeconds() + 60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    /** One result standing for all the builds, for assertions on the calls they made together. */
    private static MavenResult summary(MavenDistribution maven, List<MavenResult> results, SeenCalls calls,
            Duration duration) {
        String lines = results.stream().map(MavenResult::toString).collect(Collectors.joining("\n"));
        Path file = ItEnvironment.workDir().resolve("runs/simultaneous-builds/summary-" + maven.version() + ".txt");
        try {
            Files.writeString(file, lines + "\n\n" + calls.describe() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MavenResult("Maven " + maven.version() + ", " + PROCESSES + " simultaneous builds", 0, lines,
                duration, file, calls);
    }
}
