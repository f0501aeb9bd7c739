package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Builds started together by one user (CI matrix jobs, an IDE importing several projects) with an empty token
 * cache make one AWS call between them: the first process to lock the cache entry fetches, the others wait and
 * read its token. Eight Maven processes share one HOME and start at the same moment against one domain. The fake
 * takes {@link #SLOW_TOKEN} to answer GetAuthorizationToken, as a distant region might: every process that comes
 * for the token meanwhile finds the cache empty, so only the lock keeps it from a call of its own. One Maven version
 * only, {@value #VERSION}: the point is the processes, not the Maven, and eight JVMs on a small machine take a while.
 */
class SimultaneousBuildsIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    static final String VERSION = "3.9.16";
    private static final int PROCESSES = 8;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final String PARENT_POM = PrivateArtifacts.path("private-parent", "pom");
    private static final Duration SLOW_TOKEN = Duration.ofSeconds(5);

    private static FakeAws aws;
    private static FakeDomain domain;
    private static FakeRepository releases;

    @BeforeAll
    static void world() {
        aws = AWS.aws();
        domain = aws.domain("acme", "111122223333", "us-west-2");
        releases = domain.repository("releases");
        PrivateArtifacts.publishLibrary(releases, "private-lib");
        PrivateArtifacts.publishParent(releases);
        // the fake calls listeners before it answers: this holds the answer back
        aws.onCall(call -> {
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
    void buildsStartedTogetherFetchOneToken() throws Exception {
        MavenDistribution maven = MavenDistribution.versions().filter(m -> m.version().equals(VERSION))
                .findFirst().orElse(null);
        Assumptions.assumeTrue(maven != null, "Maven " + VERSION + " is not among it.maven.versions");
        Path home = RunDirectory.sharedFolder("simultaneous-builds-home", maven);
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);

        aws.resetCalls();
        int violationsBefore = aws.violations().size();
        long start = System.nanoTime();
        List<MavenResult> results = runTogether(maven, home, user);
        Duration duration = Duration.ofNanos(System.nanoTime() - start);

        List<String> violations = aws.violations();
        SeenCalls calls = new SeenCalls(aws.calls(), violations.subList(violationsBefore, violations.size()));
        MavenResult together = summary(maven, results, calls, duration);
        for (MavenResult result : results) {
            result.assertSuccess();
        }
        assertCalls(together)
                .tokenRequests(1)
                .count("parent POM downloads, one per build", Calls.get(PARENT_POM).and(Calls.OK), PROCESSES)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .noViolations();
        String token = aws.issuedTokens(user).get(0);
        for (MavenResult result : results) {
            result.assertHidesSecrets(List.of(token, user.secretAccessKey()));
        }
        Duration shortest = results.stream().map(MavenResult::duration).min(Duration::compareTo).orElseThrow();
        System.out.println("Maven " + maven + ": " + PROCESSES + " simultaneous builds in " + duration.toMillis()
                + " ms (the shortest took " + shortest.toMillis() + " ms), " + calls.tokenRequests().size()
                + " GetAuthorizationToken");
        // last: a run failing only this shows that every other expectation held
        assertCalls(together).repositoryServedOnlyWithToken();
    }

    /** Starts the builds in threads of their own, all released at once, and waits for every one of them. */
    private static List<MavenResult> runTogether(MavenDistribution maven, Path home, FakePrincipal user)
            throws InterruptedException, ExecutionException, TimeoutException {
        CyclicBarrier startLine = new CyclicBarrier(PROCESSES);
        ExecutorService threads = Executors.newFixedThreadPool(PROCESSES);
        try {
            List<Future<MavenResult>> futures = new ArrayList<>();
            for (int i = 1; i <= PROCESSES; i++) {
                MavenRun run = MavenRun.of(maven, "simultaneous-builds/build-" + i).against(aws)
                        .project(SampleProject.named("parent-from-pom").with("repo.url", releases.url()))
                // validate runs no plugin: the extension is all the local repository needs, and a third to copy
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                        .awsCredentials(user)
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
