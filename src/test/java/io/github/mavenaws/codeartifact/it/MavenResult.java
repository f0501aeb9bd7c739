package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    private final Path project;
    private final Path classLoadLog;

    MavenResult(String description, int exitCode, String output, Duration duration, Path log, SeenCalls calls) {
        this(description, exitCode, output, duration, log, calls, null, null);
    }

    /**
     * @param project      the run's copy of the sample project, or null
     * @param classLoadLog the JVM's {@code -Xlog:class+load} file, or null when classes were not logged
     */
    MavenResult(String description, int exitCode, String output, Duration duration, Path log, SeenCalls calls,
            Path project, Path classLoadLog) {
        this.description = description;
        this.exitCode = exitCode;
        this.output = output;
        this.duration = duration;
        this.log = log;
        this.calls = calls;
        this.project = project;
        this.classLoadLog = classLoadLog;
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

    /** The project folder the build ran in, with what the build left there ({@code target/}). */
    Path project() {
        if (project == null) {
            throw new IllegalStateException(description + ": no project folder recorded");
        }
        return project;
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

    /** A stack frame of the extension or of the AWS SDK (relocated or not), however the logger indents it. */
    private static final Pattern EXTENSION_FRAME =
            Pattern.compile("^\\s*(\\[\\w+\\]\\s+)?at (io\\.github\\.mavenaws|software\\.amazon)\\.");

    /** No Java stack frame and no uncaught exception: what a user sees without -e or -X. */
    MavenResult assertNoStackTrace() {
        assertOutputDoesNotContain("\tat ", "Exception in thread");
        // Maven's own logger indents frames with spaces; the extension's and the SDK's frames count there too (a
        // plugin's warning about some other repository may carry frames of its own, which are not ours to judge)
        List<String> frames = output.lines().filter(l -> EXTENSION_FRAME.matcher(l).find()).limit(3).toList();
        if (!frames.isEmpty()) {
            throw failure("expected no stack trace, got frames such as " + frames);
        }
        return this;
    }

    /**
     * No complaint of SLF4J in the output: the extension tunes the AWS SDK's log level through the logger's system
     * properties, and a wrong name there shows up as one warning per logger (Maven 4 deprecates the old names).
     */
    MavenResult assertNoLoggerWarnings() {
        List<String> complaints = output.lines().filter(l -> l.contains("SLF4J")).limit(3).toList();
        if (!complaints.isEmpty()) {
            throw failure("expected no SLF4J warnings, got e.g. " + complaints);
        }
        return this;
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
     * No file under {@code roots} (the project with its build output, the run's home) contains a secret, except in
     * {@code allowed}: for tokens the owner-only token cache, the one place a token may be written; for AWS secrets
     * the user's own {@code ~/.aws}. Files over 4 MB are jars of the build, skipped for time.
     */
    MavenResult assertNoFileHolds(List<String> secrets, Path allowed, Path... roots) {
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                        .filter(f -> !f.startsWith(allowed))::iterator) {
                    if (Files.size(file) > 4 * 1024 * 1024) {
                        continue;
                    }
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (int i = 0; i < secrets.size(); i++) {
                        if (!secrets.get(i).isEmpty() && content.contains(secrets.get(i))) {
                            throw failure("secret #" + (i + 1) + " was written to " + root.relativize(file));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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

    /**
     * No line of the class loading log contains {@code text}, e.g. {@code software.amazon.awssdk}: the JVM never
     * loaded such a class. Needs {@link MavenRun#logClassLoading()}.
     */
    MavenResult assertNoClassLoaded(String text) {
        List<String> lines = classLoadLines(text);
        if (!lines.isEmpty()) {
            throw failure("expected no loaded class to match \"" + text + "\", the JVM loaded " + lines.size()
                    + " (see " + classLoadLog + "), first:\n"
                    + String.join("\n", lines.subList(0, Math.min(10, lines.size()))));
        }
        return this;
    }

    /**
     * Some line of the class loading log contains {@code text}: what keeps {@link #assertNoClassLoaded} from
     * passing on a log that lists nothing. Needs {@link MavenRun#logClassLoading()}.
     */
    MavenResult assertClassLoaded(String text) {
        if (classLoadLines(text).isEmpty()) {
            throw failure("expected the JVM to load a class matching \"" + text + "\", " + classLoadLog
                    + " has none");
        }
        return this;
    }

    private List<String> classLoadLines(String text) {
        if (classLoadLog == null) {
            throw new IllegalStateException(description + ": classes were not logged; use MavenRun.logClassLoading()");
        }
        if (!Files.isRegularFile(classLoadLog)) {
            throw failure("the JVM wrote no class loading log " + classLoadLog);
        }
        try (Stream<String> lines = Files.lines(classLoadLog, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
