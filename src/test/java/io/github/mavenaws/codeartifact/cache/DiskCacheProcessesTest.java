package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Separate JVMs, as separate Maven processes are: file locks, not in-JVM locks, must make them fetch once. */
class DiskCacheProcessesTest {
    private static final int PROCESSES = 4;

    @TempDir
    Path temp;

    @Test
    void processesStartingTogetherFetchOneTokenBetweenThem() throws Exception {
        Path directory = temp.resolve("tokens");
        Path counter = temp.resolve("fetches.txt");
        Path go = temp.resolve("go");
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < PROCESSES; i++) {
                Process process = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                        "-cp", System.getProperty("java.class.path"), DiskCacheContender.class.getName(),
                        directory.toString(), counter.toString(), go.toString())
                        .redirectError(temp.resolve("stderr-" + i + ".txt").toFile())
                        .start();
                processes.add(process);
                outputs.add(new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (int i = 0; i < PROCESSES; i++) {
                int process = i;
                assertEquals("ready", outputs.get(i).readLine(), () -> stderr(process));
            }
            Files.createFile(go);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < PROCESSES; i++) {
                tokens.add(outputs.get(i).readLine());
                assertTrue(processes.get(i).waitFor(30, TimeUnit.SECONDS));
                assertEquals(0, processes.get(i).exitValue(), stderr(i));
            }

            List<String> fetches = Files.readAllLines(counter, StandardCharsets.UTF_8);
            assertEquals(1, fetches.size(), "fetches: " + fetches);
            String[] expected = new String[PROCESSES];
            Arrays.fill(expected, tokens.get(0));
            assertEquals(Arrays.asList(expected), tokens);
            assertTrue(tokens.get(0).startsWith("token-of-"), tokens.get(0));
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private String stderr(int i) {
        try {
            return new String(Files.readAllBytes(temp.resolve("stderr-" + i + ".txt")), StandardCharsets.UTF_8);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
