package io.github.mavenaws.codeartifact.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code install} and {@code uninstall}: this jar in, or out of, a Maven installation's {@code lib/ext}, where Maven
 * loads it into its core before the first download, which a settings.xml that mirrors everything through
 * CodeArtifact needs (README, "Mirror-everything bootstrap"). Other versions of the extension there are removed:
 * two would both load.
 */
final class InstallCommand {
    static final String INSTALL_HELP = "Usage: java -jar " + ThisJar.fileName() + " install [--maven-home DIR]\n"
            + "\n"
            + "Copies this jar into lib/ext of a Maven installation and removes other versions of it there, so that\n"
            + "every build of that Maven is authorized from its first download, mirrorOf * through CodeArtifact\n"
            + "included. The installation is DIR; else, in a project with a Maven wrapper, the Maven of ./mvnw\n"
            + "(./mvnw -v); else the mvn on the PATH (mvn -v). Needs write access to lib/ext (sudo for a system Maven).\n"
            + "Maven 4 also loads ~/.m2/ext: copy the jar there to install it for yourself alone.";
    static final String UNINSTALL_HELP = "Usage: java -jar " + ThisJar.fileName() + " uninstall [--maven-home DIR]\n"
            + "\n"
            + "Removes every version of the extension from lib/ext of the Maven installation found as for install.";

    /** Any version's jar, {@code maven-aws-extension-<version>.jar}; versions start with a digit. */
    private static final Pattern ANY_VERSION =
            Pattern.compile(Pattern.quote(ThisJar.ARTIFACT_ID) + "-[0-9][^/\\\\]*\\.jar");

    private InstallCommand() {}

    static int install(Context context, List<String> args) {
        return run(context, args, true);
    }

    static int uninstall(Context context, List<String> args) {
        return run(context, args, false);
    }

    private static int run(Context context, List<String> args, boolean install) {
        String help = install ? INSTALL_HELP : UNINSTALL_HELP;
        if (args.contains("--help") || args.contains("-h")) {
            context.out().println(help);
            return CommandLine.OK;
        }
        String given = null;
        for (int i = 0; i < args.size(); i++) {
            if ("--maven-home".equals(args.get(i)) && i + 1 < args.size() && given == null) {
                given = args.get(++i);
            } else if (args.get(i).startsWith("--maven-home=") && given == null) {
                given = args.get(i).substring("--maven-home=".length());
            } else {
                context.err().println("Unexpected argument " + CommandLine.quote(args.get(i)) + ".\n\n" + help);
                return CommandLine.USAGE;
            }
        }
        Path jar = ThisJar.file();
        if (install && jar == null) {
            context.err().println("install copies the jar it runs from, and these classes were not loaded from a jar:"
                    + " run java -jar " + ThisJar.fileName() + " install");
            return CommandLine.FAILED;
        }
        MavenHome maven;
        try {
            maven = MavenHome.locate(context, given);
        } catch (IOException e) {
            context.err().println("Cannot " + (install ? "install" : "uninstall") + ": " + e.getMessage());
            return CommandLine.FAILED;
        }
        Path libExt = maven.home().resolve("lib").resolve("ext");
        context.out().println("Maven installation " + maven.home() + ", " + maven.how() + ".");
        try {
            return install ? install(context, jar, libExt) : uninstall(context, libExt);
        } catch (IOException e) {
            context.err().println(refusal(install, libExt, e));
            return CommandLine.FAILED;
        }
    }

    private static int install(Context context, Path jar, Path libExt) throws IOException {
        Path target = libExt.resolve(ThisJar.fileName());
        if (Files.isDirectory(libExt) && !Files.isWritable(libExt)) {
            throw new AccessDeniedException(libExt.toString());
        }
        Files.createDirectories(libExt);
        if (Files.exists(target) && Files.isSameFile(jar, target)) {
            context.out().println(ThisJar.fileName() + " runs from " + libExt + ": it is installed already.");
        } else {
            // a partial copy must never be loaded by a Maven starting meanwhile: copy beside, then rename
            Path partial = libExt.resolve("." + ThisJar.fileName() + ".partial");
            Files.copy(jar, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            context.out().println("Installed " + ThisJar.fileName() + " into " + libExt + ".");
        }
        for (Path other : versions(libExt)) {
            if (!other.getFileName().equals(target.getFileName())) {
                Files.delete(other);
                context.out().println("Removed " + other.getFileName() + ", another version (two would both load).");
            }
        }
        context.out().println("Every build of this Maven now gets its CodeArtifact tokens from the extension, from the"
                + " first download on (mirrorOf * included). Undo with: java -jar " + ThisJar.fileName()
                + " uninstall --maven-home " + libExt.getParent().getParent());
        return CommandLine.OK;
    }

    private static int uninstall(Context context, Path libExt) throws IOException {
        List<Path> installed = Files.isDirectory(libExt) ? versions(libExt) : new ArrayList<>();
        if (installed.isEmpty()) {
            context.out().println("Nothing to uninstall: no " + ThisJar.ARTIFACT_ID + " jar in " + libExt + ".");
            return CommandLine.OK;
        }
        if (!Files.isWritable(libExt)) {
            throw new AccessDeniedException(libExt.toString());
        }
        for (Path jar : installed) {
            Files.delete(jar);
            context.out().println("Removed " + jar.getFileName() + " from " + libExt + ".");
        }
        context.out().println("Builds of this Maven no longer load the extension, unless a project names it in"
                + " .mvn/extensions.xml.");
        return CommandLine.OK;
    }

    private static List<Path> versions(Path libExt) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(libExt)) {
            for (Path file : files) {
                if (ANY_VERSION.matcher(file.getFileName().toString()).matches() && Files.isRegularFile(file)) {
                    jars.add(file);
                }
            }
        }
        jars.sort(null);
        return jars;
    }

    private static String refusal(boolean install, Path libExt, IOException e) {
        String user = System.getProperty("user.name");
        String what = install ? "install into " : "uninstall from ";
        if (e instanceof AccessDeniedException || e instanceof FileSystemException
                && String.valueOf(((FileSystemException) e).getReason()).contains("Read-only")) {
            // root may write anywhere but on a read-only file system or into an immutable folder
            String remedy = "root".equals(user)
                    ? " It is read-only even for root: a read-only mount, or an immutable folder (lsattr -d " + libExt
                            + ")"
                    : " Run the command as a user who may write there (sudo java -jar " + ThisJar.fileName() + " "
                            + (install ? "install" : "uninstall") + " --maven-home " + libExt.getParent().getParent()
                            + ")";
            return "Cannot " + what + libExt + ": the folder is not writable by " + user + "." + remedy
                    + ", or choose another Maven with --maven-home DIR"
                    + (install ? "; on Maven 4, ~/.m2/ext installs it for you alone" : "") + ". Nothing was changed.";
        }
        return "Cannot " + what + libExt + ": " + e + ".";
    }
}
