package io.github.mavenaws.codeartifact.token;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed {@code credential_process} in words: its exit code and the first lines of its stderr, where helpers
 * print their advice ("run acme-login first"). The SDK (2.40.2) reads all of stderr into its exception but wraps it
 * in "Failed to refresh process-based credentials.", which is all its default chain and {@code AWS_PROFILE} show.
 * Never stdout: that is where a helper prints credentials, and the SDK's JSON parser may quote it.
 */
final class CredentialProcessFailure {
    /** ProcessCredentialsProvider's message for a non-zero exit. */
    private static final Pattern NON_ZERO_EXIT = Pattern.compile(
            "Command returned non-zero exit value \\((-?\\d+)\\) with error message: (.*)", Pattern.DOTALL);

    private static final String REFRESH_FAILED = "Failed to refresh process-based credentials.";
    private static final String INTERRUPTED = "Process-based credential refreshing has been interrupted.";

    /** Messages of the SDK's own about the output's shape; they quote nothing the process printed. */
    private static final Pattern SHAPE = Pattern.compile("Process did not return a JSON object\\."
            + "|Unsupported credential version: .{0,20}|(AccessKeyId|SecretAccessKey) cannot be empty\\.");

    static final int MAX_STDERR_LINES = 10;
    static final int MAX_LINE_LENGTH = 300;

    private CredentialProcessFailure() {}

    /** The failure in words when {@code e} is a {@code credential_process} failure, else null. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher exit = NON_ZERO_EXIT.matcher(message);
            if (t instanceof IllegalStateException && exit.matches()) {
                return "credential_process exited with code " + exit.group(1) + stderr(exit.group(2));
            }
            if (t instanceof IllegalStateException && message.equals(INTERRUPTED)) {
                return "credential_process was stopped before it finished";
            }
            if (t instanceof IllegalStateException && message.equals(REFRESH_FAILED)) {
                Throwable cause = t.getCause();
                String causeMessage = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
                if (cause != null && NON_ZERO_EXIT.matcher(causeMessage).matches()) {
                    continue;
                }
                if (cause instanceof IOException) {
                    return "credential_process could not be run: " + causeMessage;
                }
                if (SHAPE.matcher(causeMessage).matches()) {
                    return "credential_process printed no usable credentials (" + causeMessage + "); it must print"
                            + " the JSON the AWS CLI documents: {\"Version\": 1, \"AccessKeyId\": ..., "
                            + "\"SecretAccessKey\": ..., \"SessionToken\": ..., \"Expiration\": ...}";
                }
                // a parser's message may quote the output, which may hold a secret key: its type only
                return "credential_process printed no usable credentials ("
                        + (cause == null ? "no detail" : cause.getClass().getSimpleName()) + "); it must print the"
                        + " JSON the AWS CLI documents: {\"Version\": 1, \"AccessKeyId\": ..., \"SecretAccessKey\":"
                        + " ..., \"SessionToken\": ..., \"Expiration\": ...}";
            }
        }
        return null;
    }

    /** "; it said on stderr:" and up to {@link #MAX_STDERR_LINES} non-blank lines, or that it said nothing. */
    private static String stderr(String stderr) {
        List<String> lines = new ArrayList<>();
        int more = 0;
        for (String line : stderr.split("\\r?\\n")) {
            if (line.trim().isEmpty()) {
                continue;
            }
            if (lines.size() == MAX_STDERR_LINES) {
                more++;
                continue;
            }
            lines.add(line.length() > MAX_LINE_LENGTH ? line.substring(0, MAX_LINE_LENGTH) + "..." : line);
        }
        if (lines.isEmpty()) {
            return " and printed nothing on stderr";
        }
        StringBuilder s = new StringBuilder("; it said on stderr:");
        for (String line : lines) {
            s.append("\n         | ").append(line);
        }
        if (more > 0) {
            s.append("\n         | (").append(more).append(" more line").append(more == 1 ? "" : "s").append(")");
        }
        return s.toString();
    }
}
