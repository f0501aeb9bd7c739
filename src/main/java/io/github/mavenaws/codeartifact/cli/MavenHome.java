package io.github.mavenaws.codeartifact.cli;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven installation a user means: the folder given, else the project's wrapper ({@code ./mvnw}), else the
 * {@code mvn} on the PATH. A launcher is asked ({@code -v} prints "Maven home: ..."), as the README's manual install
 * does; a PATH launcher that cannot answer is followed through its symbolic links to its installation instead.
 */
final class MavenHome {
    private static final Pattern HOME_LINE = Pattern.compile("(?m)^Maven home: (.+?)\\s*$");
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");
    private static final long VERSION_TIMEOUT_SECONDS = 120;

    private final Path home;
    private final String how;

    private MavenHome(Path home, String how) {
        this.home = home;
        this.how = how;
    }

    /** The installation's folder. */
    Path home() {
        return home;
    }

    /** How it was found, for the report: "given with --maven-home", "of ./mvnw (./mvnw -v)", ... */
    String how() {
        return how;
    }

    /**
     * @param context the working folder and PATH, not null
     * @param given the folder of {@code --maven-home}, or null
     * @throws IOException with a message saying what was looked at and what to do
     */
    static MavenHome locate(Context context, String given) throws IOException {
        if (given != null) {
            return checked(context.workingDirectory().resolve(given).toAbsolutePath().normalize(),
                    "given with --maven-home");
        }
        Path wrapper = context.workingDirectory().resolve("mvnw");
        if (Files.isRegularFile(wrapper) && Files.isExecutable(wrapper)) {
            Path home = askLauncher(wrapper, context);
            if (home == null) {
                throw new IOException("./mvnw -v did not name its Maven home (the wrapper may need to download"
                        + " Maven first: run ./mvnw -v yourself). Or give the folder with --maven-home DIR.");
            }
            return checked(home, "the Maven of ./mvnw (./mvnw -v)");
        }
        Path mvn = onPath(context);
        if (mvn == null) {
            throw new IOException("No mvn on the PATH and no ./mvnw here: give the Maven installation with"
                    + " --maven-home DIR (the folder mvn -v names as \"Maven home\").");
        }
        Path home = askLauncher(mvn, context);
        if (home != null) {
            return checked(home, "the mvn on the PATH, " + mvn + " (mvn -v)");
        }
        // mvn -v failed (no JAVA_HOME?): an installation's launcher is <home>/bin/mvn, links followed
        Path real = mvn.toRealPath();
        Path candidate = real.getParent() == null ? null : real.getParent().getParent();
        if (candidate == null || !isMavenHome(candidate)) {
            throw new IOException(mvn + " -v failed and " + real + " is not in a Maven installation's bin/: give"
                    + " the installation with --maven-home DIR.");
        }
        return checked(candidate, "the mvn on the PATH, " + mvn + " (its real path " + real + ")");
    }

    private static MavenHome checked(Path home, String how) throws IOException {
        if (!isMavenHome(home)) {
            throw new IOException(home + " is not a Maven installation (it has no lib/ folder with Maven's jars"
                    + " and no bin/mvn): give the folder that mvn -v names as \"Maven home\".");
        }
        return new MavenHome(home, how);
    }

    static boolean isMavenHome(Path dir) {
        return Files.isDirectory(dir.resolve("lib"))
                && (Files.isRegularFile(dir.resolve("bin/mvn")) || Files.isDirectory(dir.resolve("boot")));
    }

    /** The first executable {@code mvn} of the PATH, or null. */
    private static Path onPath(Context context) {
        String path = context.environment().get("PATH");
        if (path == null) {
            return null;
        }
        List<String> names = File.separatorChar == '\\' ? Arrays.asList("mvn.cmd", "mvn.bat") : Arrays.asList("mvn");
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : names) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Paths.get(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    /** The "Maven home:" of {@code launcher -v}, or null when it does not say. */
    private static Path askLauncher(Path launcher, Context context) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "-v")
                .directory(context.workingDirectory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(context.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (InputStream in = process.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                output.write(buffer, 0, n);
            }
        }
        try {
            if (!process.waitFor(VERSION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return null;
        }
        String text = ANSI.matcher(new String(output.toByteArray(), Charset.defaultCharset())).replaceAll("");
        Matcher home = HOME_LINE.matcher(text);
        return process.exitValue() == 0 && home.find() ? Paths.get(home.group(1)) : null;
    }
}
