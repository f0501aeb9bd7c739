package io.github.mavenaws.codeartifact.bench;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * bench/storm.sh's fetches in one JVM ({@code STORM_MODE=threads}): N token caches, each over its own folder and
 * its own AWS clients, as N CI jobs with their own HOME have, released at once once a warm-up fetch has loaded the
 * SDK, so that the N first GetAuthorizationToken calls meet the quota together instead of being spread by N JVMs
 * starting on a small machine. Usage: {@code StormMain <n> <repository-url> <work-dir>}, settings and AWS
 * credentials from the environment as for a build; prints {@code <index> <0|1> <ms from release to token>} per
 * fetch, and a failure's first line on stderr.
 */
public final class StormMain {
    private StormMain() {
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        DomainKey key = CodeArtifactEndpoint.parse(args[1]).orElseThrow().key();
        Path work = Path.of(args[2]);
        fetch(key, work.resolve("warm-up"));
        Thread.sleep(1100); // the warm-up's call out of the quota's window

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        String[] lines = new String[n];
        for (int i = 0; i < n; i++) {
            int index = i + 1;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                long begin = System.nanoTime();
                String outcome;
                try {
                    fetch(key, work.resolve("cache-" + index));
                    outcome = "0";
                } catch (TokenUnavailableException | ConfigurationException | IOException | RuntimeException e) {
                    String message = String.valueOf(e.getMessage());
                    System.err.println(index + ": " + message.replace('\n', ' '));
                    outcome = "1";
                }
                lines[index - 1] = index + " " + outcome + " " + (System.nanoTime() - begin) / 1_000_000;
            }, "fetch-" + index);
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        for (String line : lines) {
            System.out.println(line);
        }
    }

    /** A first fetch through an empty token cache of its own. */
    private static AuthorizationToken fetch(DomainKey key, Path cacheDir)
            throws TokenUnavailableException, ConfigurationException, IOException {
        Files.createDirectories(cacheDir);
        ExtensionConfig config = ExtensionConfig.from(System.getenv(), Map.of("codeartifact.cacheDir",
                cacheDir.toString()));
        TokenCache cache = TokenCache.create(config);
        try {
            return cache.get(key);
        } finally {
            cache.close();
        }
    }
}
