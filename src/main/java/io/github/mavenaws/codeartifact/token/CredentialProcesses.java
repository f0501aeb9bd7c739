package io.github.mavenaws.codeartifact.token;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Stops a {@code credential_process} that did not finish in time. The SDK (2.40.2) starts it with no timeout and
 * offers none, and it reads the process's stdout before waiting for it, so interrupting the fetch leaves the thread
 * and the process behind. The only handle is the operating system's: this JVM's child processes started since the
 * fetch began whose command line is one of the profiles' {@code credential_process} commands, run as the SDK runs it
 * ({@code sh -c <command>}), or the command itself when the shell gave way to it. Each is stopped with its own
 * children (a script's {@code sleep} holds the pipe open too), which ends the SDK's read. Needs Java 9's
 * {@code ProcessHandle}, found by reflection since the extension targets Java 8; on Java 8 the process is left
 * running and the build goes on without it.
 */
final class CredentialProcesses {
    private static final Logger LOGGER = LoggerFactory.getLogger(CredentialProcesses.class);

    /** /proc's start times are rounded; a process started just before the fetch is not ours anyway. */
    private static final long START_SLACK_MILLIS = 1000;

    private CredentialProcesses() {}

    /**
     * Stops the matching processes started at or after {@code sinceMillis} (this JVM's clock).
     *
     * @return whether any process was stopped
     */
    static boolean stopStartedSince(long sinceMillis) {
        Set<String> commands = configuredCommands();
        if (commands.isEmpty()) {
            return false;
        }
        boolean stopped = false;
        try {
            Class<?> handle = Class.forName("java.lang.ProcessHandle");
            Class<?> info = Class.forName("java.lang.ProcessHandle$Info");
            Method children = handle.getMethod("children");
            Method descendants = handle.getMethod("descendants");
            Method destroy = handle.getMethod("destroyForcibly");
            Method infoOf = handle.getMethod("info");
            Method startInstant = info.getMethod("startInstant");
            Method command = info.getMethod("command");
            Method arguments = info.getMethod("arguments");
            Object current = handle.getMethod("current").invoke(null);
            for (Object child : list(children.invoke(current))) {
                Object childInfo = infoOf.invoke(child);
                Optional<?> start = (Optional<?>) startInstant.invoke(childInfo);
                if (start.isPresent() && ((Instant) start.get()).toEpochMilli() < sinceMillis - START_SLACK_MILLIS) {
                    continue;
                }
                Optional<?> executable = (Optional<?>) command.invoke(childInfo);
                Optional<?> args = (Optional<?>) arguments.invoke(childInfo);
                List<String> line = new ArrayList<>();
                line.add(executable.isPresent() ? (String) executable.get() : "");
                if (args.isPresent()) {
                    line.addAll(Arrays.asList((String[]) args.get()));
                }
                if (!matches(commands, line)) {
                    continue;
                }
                LOGGER.debug("Stopping credential_process {} (process {}), which did not finish in time", line, child);
                for (Object descendant : list(descendants.invoke(child))) {
                    destroy.invoke(descendant);
                }
                destroy.invoke(child);
                stopped = true;
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOGGER.debug("Could not stop a credential_process that did not finish in time: {}", e.toString());
        }
        return stopped;
    }

    /**
     * Whether the process's command line (executable, then arguments) runs one of {@code commands}: as
     * {@code sh -c <command>}, or as the command's own words, from the executable or from its first argument (a
     * script under its interpreter), the program compared by file name.
     */
    static boolean matches(Set<String> commands, List<String> line) {
        if (line.size() == 3 && "-c".equals(line.get(1)) && commands.contains(line.get(2))) {
            return true;
        }
        for (String command : commands) {
            List<String> words = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
            for (int from = 0; from <= 1 && from + words.size() <= line.size(); from++) {
                if (from + words.size() == line.size()
                        && fileName(line.get(from)).equals(fileName(words.get(0)))
                        && line.subList(from + 1, line.size()).equals(words.subList(1, words.size()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static List<?> list(Object stream) {
        return ((Stream<?>) stream).collect(Collectors.toList());
    }

    /** Every profile's {@code credential_process}, from the files the SDK reads. */
    private static Set<String> configuredCommands() {
        Set<String> commands = new HashSet<>();
        try {
            for (Profile profile : ProfileFile.defaultProfileFile().profiles().values()) {
                profile.property("credential_process").ifPresent(c -> commands.add(c.trim()));
            }
        } catch (RuntimeException e) {
            LOGGER.debug("Could not read the AWS profiles' credential_process commands: {}", e.toString());
        }
        return commands;
    }
}
