package io.github.mavenaws.codeartifact.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The commands of the jar: picks one from the first argument and returns its exit status. Every failure the user
 * can fix is a message; an unexpected one is a single line too, its stack trace only with {@code -e}, as in Maven.
 */
public final class CommandLine {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** An unexpected error: a bug, or something of the machine's. */
    static final int INTERNAL = 70;

    static final String HELP = "Usage: java -jar " + ThisJar.fileName() + " <command> [arguments]\n"
            + "\n"
            + "The Maven AWS extension's jar, run as a command: what a Maven build does not reach.\n"
            + "\n"
            + "Commands:\n"
            + "  token <repository-url>            print a CodeArtifact token for the repository (for curl, Gradle, npm)\n"
            + "  doctor [<url>...|<project-dir>]   explain the setup of each CodeArtifact repository, step by step\n"
            + "  install [--maven-home DIR]        put this jar into a Maven installation's lib/ext\n"
            + "  uninstall [--maven-home DIR]      remove it from there\n"
            + "\n"
            + "Options:\n"
            + "  --help, -h        this help; <command> --help for a command's\n"
            + "  --version, -v     the extension's version\n"
            + "  -e                stack traces of unexpected errors\n"
            + "  -Dname=value      a system property, as if given before -jar\n"
            + "\n"
            + "Settings are a build's: the environment variables (POETRY_AWS_PLUGIN_*, CODEARTIFACT_AUTH_TOKEN, AWS_*)\n"
            + "and, as system properties, the codeartifact.* Maven properties:\n"
            + "  java -Dcodeartifact.profile=ci -jar " + ThisJar.fileName() + " doctor\n"
            + "  java -jar " + ThisJar.fileName() + " doctor -Dcodeartifact.profile=ci";

    private final Context context;

    /** @param context the streams, environment and properties to run with, not null */
    CommandLine(Context context) {
        this.context = Objects.requireNonNull(context, "context cannot be null");
    }

    public static void main(String[] args) {
        // -Dname=value among the arguments, as Maven users type them: the same as before -jar
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("-D") && equals > 2) {
                System.setProperty(arg.substring(2, equals), arg.substring(equals + 1));
            } else {
                rest.add(arg);
            }
        }
        Context context = new Context(System.out, System.err, System.getenv(), System.getProperties(),
                Paths.get("").toAbsolutePath());
        int status = new CommandLine(context).run(rest.toArray(new String[0]));
        System.out.flush();
        System.exit(status);
    }

    /** Runs the command {@code args} name and returns its exit status. */
    int run(String... args) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean traces = rest.remove("-e") | rest.remove("--errors");
        if (rest.isEmpty()) {
            context.err().println(HELP);
            return USAGE;
        }
        String command = rest.remove(0);
        try {
            switch (command) {
                case "--help":
                case "-h":
                case "help":
                    context.out().println(HELP);
                    return OK;
                case "--version":
                case "-v":
                case "version":
                    context.out().println(ThisJar.ARTIFACT_ID + " " + ThisJar.version());
                    return OK;
                case "token":
                    return TokenCommand.run(context, rest);
                case "doctor":
                    return DoctorCommand.run(context, rest);
                case "install":
                    return InstallCommand.install(context, rest);
                case "uninstall":
                    return InstallCommand.uninstall(context, rest);
                default:
                    context.err().println("Unknown command " + quote(command) + ".\n\n" + HELP);
                    return USAGE;
            }
        } catch (RuntimeException | Error e) {
            context.err().println("The command failed unexpectedly: " + e
                    + (traces ? "" : " (run it again with -e for the stack trace)"));
            if (traces) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                context.err().print(trace);
            }
            return INTERNAL;
        }
    }

    /** A user's argument in a message, cut short: it may be anything, a pasted token too. */
    static String quote(String argument) {
        return argument.length() <= 24 ? "'" + argument + "'" : "'" + argument.substring(0, 12) + "...' ("
                + argument.length() + " characters)";
    }
}
