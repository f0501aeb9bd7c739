package io.github.mavenaws.codeartifact.it;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The outcome of one Maven run: exit code, full output, duration and the calls the fake AWS saw. Every failed
 * assertion shows the end of the log and the calls, which is most often all it takes to see why.
 */
final class MavenResult {

    private static final int TAIL_LINES = 150;
    /** maven-resources-plugin's debug listing of the environment, {@code [DEBUG] env.AWS_SECRET_ACCESS_KEY: ...}. */
    private static final Pattern MAVEN_ENV_ECHO = Pattern.compile("\\[DEBUG\\]\\s+env\\.[A-Za-z0-9_]+: ");

    private final String description;
    private final int exitCode;
    private final String output;
    private final Duration duration;
    private final Path log;
    private final SeenCalls calls;

    MavenResult(String description, int exitCode, String output, Duration duration, Path log, SeenCalls calls) {
        this.description = description;
        this.exitCode = exitCode;
        this.output = output;
        this.duration = duration;
        this.log = log;
        this.calls = calls;
    }

    int exitCode() {
        return exitCode;
    }

    String output() {
        return output;
    }

    Duration duration() {
        return duration;
    }

    SeenCalls calls() {
        return calls;
    }

    MavenResult assertSuccess() {
        if (exitCode != 0 || !output.contains("BUILD SUCCESS")) {
            throw failure("expected BUILD SUCCESS, got exit code " + exitCode);
        }
        return this;
    }

    MavenResult assertFailure() {
        if (exitCode == 0) {
            throw failure("expected the build to fail, got exit code 0");
        }
        return this;
    }

    MavenResult assertOutputContains(String... expected) {
        for (String text : expected) {
            if (!output.contains(text)) {
                throw failure("expected the output to contain \"" + text + "\"");
            }
        }
        return this;
    }

    MavenResult assertOutputDoesNotContain(String... unexpected) {
        for (String text : unexpected) {
            int at = output.indexOf(text);
            if (at >= 0) {
                throw failure("expected the output not to contain \"" + text + "\", found on line " + lineOf(at));
            }
        }
        return this;
    }

    /** No Java stack frame and no uncaught exception: what a user sees without -e or -X. */
    MavenResult assertNoStackTrace() {
        return assertOutputDoesNotContain("\tat ", "Exception in thread");
    }

    /**
     * Neither a secret nor the Basic credentials built from it appear; the message names the line, never the
     * secret. Tokens travel as {@code Basic base64("aws:" + token)}, so a logged header would hide the raw value.
     *
     * <p>One kind of line is not held against the extension: with {@code -X}, maven-resources-plugin lists every
     * environment variable as {@code [DEBUG] env.NAME: value}, so a secret the user put in the environment shows
     * there whatever the extension does. Every other occurrence counts.
     */
    MavenResult assertHidesSecrets(List<String> secrets) {
        List<String> lines = output.lines().toList();
        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            String basic = Base64.getEncoder().encodeToString(("aws:" + secret).getBytes(StandardCharsets.UTF_8));
            for (int n = 0; n < lines.size(); n++) {
                String line = lines.get(n);
                if (MAVEN_ENV_ECHO.matcher(line).lookingAt()) {
                    continue;
                }
                if (line.contains(secret) || line.contains(basic)) {
                    throw failure("secret #" + (i + 1) + (line.contains(basic) ? " (as Basic credentials)" : "")
                            + " appears in the output on line " + (n + 1));
                }
            }
        }
        return this;
    }

    /**
     * The extension's class realm was built (needs {@code -X}): Maven 3 prints nothing else about core extensions,
     * so without this a build that ignored {@code .mvn/extensions.xml} could pass for one that used it.
     */
    MavenResult assertExtensionLoaded() {
        return assertOutputContains("Populating class realm coreExtension>io.github.mavenaws:maven-aws-extension:");
    }

    MavenResult assertFasterThan(Duration limit) {
        if (duration.compareTo(limit) >= 0) {
            throw failure("expected the run to take less than " + limit.toSeconds() + " s, took "
                    + duration.toMillis() + " ms");
        }
        return this;
    }

    /** An assertion error about this run, with the end of its log and the calls the fake saw. */
    AssertionError failure(String message) {
        return new AssertionError(description + ": " + message + "\n--- last " + TAIL_LINES + " lines of " + log
                + " ---\n" + tail() + "\n--- fake AWS calls ---\n" + calls.describe());
    }

    private String tail() {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private int lineOf(int index) {
        return (int) output.substring(0, index).lines().count();
    }

    @Override
    public String toString() {
        return description + ": exit " + exitCode + " in " + duration.toMillis() + " ms";
    }
}
