package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of one {@link JarRun}: exit code, stdout and stderr apart, and the calls the fake AWS saw. The
 * assertions of {@link MavenResult} (secrets, stack traces, SLF4J, failure messages with the output and the calls)
 * apply to each stream through {@link #stdout()}, {@link #stderr()} and {@link #all()}.
 */
final class JarResult {

    private final String description;
    private final int exitCode;
    private final String stdout;
    private final String stderr;
    private final MavenResult all;
    private final MavenResult out;
    private final MavenResult err;

    JarResult(String description, int exitCode, String stdout, String stderr, Duration duration, Path root,
            SeenCalls calls) {
        this.description = description;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
        String both = "--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
        this.all = new MavenResult(description, exitCode, both, duration, root, calls);
        this.out = new MavenResult(description + " (stdout)", exitCode, stdout, duration, root, calls);
        this.err = new MavenResult(description + " (stderr)", exitCode, stderr, duration, root, calls);
    }

    int exitCode() {
        return exitCode;
    }

    String stdoutText() {
        return stdout;
    }

    String stderrText() {
        return stderr;
    }

    SeenCalls calls() {
        return all.calls();
    }

    /** Both streams; its failure messages show both. */
    MavenResult all() {
        return all;
    }

    MavenResult stdout() {
        return out;
    }

    MavenResult stderr() {
        return err;
    }

    JarResult assertExitCode(int expected) {
        if (exitCode != expected) {
            throw all.failure("expected exit code " + expected + ", got " + exitCode);
        }
        return this;
    }

    JarResult assertFailed() {
        if (exitCode == 0) {
            throw all.failure("expected a non-zero exit code, got 0");
        }
        return this;
    }

    JarResult assertStdoutEmpty() {
        if (!stdout.isEmpty()) {
            throw all.failure("expected nothing on stdout, got " + stdout.length() + " characters");
        }
        return this;
    }

    JarResult assertStderrEmpty() {
        if (!stderr.isEmpty()) {
            throw all.failure("expected nothing on stderr");
        }
        return this;
    }

    /**
     * No secret of the fake in either stream, and no token either, but on stdout when {@code tokenOnStdout}: the
     * one place a token may appear.
     */
    JarResult assertHidesSecrets(FakeAws aws, boolean tokenOnStdout) {
        List<String> secrets = new ArrayList<>(aws.secrets());
        all.assertHidesSecrets(secrets);
        List<String> tokens = aws.issuedTokens();
        err.assertHidesSecrets(tokens);
        if (!tokenOnStdout) {
            out.assertHidesSecrets(tokens);
        }
        return this;
    }

    @Override
    public String toString() {
        return description + ": exit " + exitCode;
    }
}
