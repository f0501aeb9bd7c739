package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A long-lived JVM, as an IDE or the Maven daemon is: several builds in one JVM through Maven's embedder entry point
 * ({@code MavenCli#doMain(String[], String, PrintStream, PrintStream)} on Maven 3, {@code MavenCling.main} on Maven 4),
 * Maven's jars in a class loader of their own as its launcher puts them in the {@code plexus.core} realm. Run by {@link LongLivedJvmIT} in a JVM of its own (with
 * the run's hosts file, trust store and {@code user.home}, as {@code MAVEN_OPTS} gives {@code bin/mvn}); writes what
 * the JVM looked like before the first build and after each (system properties, live thread names, open file
 * descriptors) to a report for the test to compare.
 *
 * <p>Arguments: Maven's home, the project folder, the report file, the number of builds, the seconds to wait between
 * builds, then Maven's own arguments.
 */
public final class EmbeddedMavenMain {

    private EmbeddedMavenMain() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path project = Path.of(args[1]);
        Path report = Path.of(args[2]);
        int builds = Integer.parseInt(args[3]);
        long pauseSeconds = Long.parseLong(args[4]);
        List<String> mavenArgs = new ArrayList<>(Arrays.asList(args).subList(5, args.length));

        // what bin/mvn passes as -D options and bin/m2.conf sets ("set ... default"), set once: part of the JVM as
        // the builds find it. Maven 4 finds conf/maven-user.properties, and so .mvn/extensions.xml, through them.
        System.setProperty("maven.home", home.toString());
        System.setProperty("maven.multiModuleProjectDirectory", project.toString());
        System.setProperty("maven.conf", home.resolve("conf").toString());
        System.setProperty("maven.installation.conf", home.resolve("conf").toString());

        // the plexus.core realm of bin/m2.conf: conf/logging, lib/ext, lib (boot for classworlds, which MavenCli uses)
        List<URL> jars = new ArrayList<>();
        jars.add(home.resolve("conf/logging").toUri().toURL());
        for (String folder : List.of("lib/ext", "lib", "boot")) {
            if (!Files.isDirectory(home.resolve(folder))) {
                continue;
            }
            try (Stream<Path> files = Files.list(home.resolve(folder))) {
                for (Path jar : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                    jars.add(jar.toRealPath().toUri().toURL());
                }
            }
        }
        ClassLoader maven = new URLClassLoader(jars.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Build build = maven4(maven) ? new Cling(maven) : new Cli(maven);

        Properties out = new Properties();
        // MavenCli sets each -D option as a system property, by design: the report names them for the test
        out.setProperty("cli.properties", mavenArgs.stream().filter(a -> a.startsWith("-D"))
                .map(a -> a.substring(2).split("=", 2)[0]).collect(Collectors.joining("\n")));
        snapshot(out, "before");
        int failures = 0;
        for (int n = 1; n <= builds; n++) {
            if (n > 1 && pauseSeconds > 0) {
                System.out.println("=== waiting " + pauseSeconds + " s: the token nears its expiry ===");
                Thread.sleep(pauseSeconds * 1000);
            }
            System.out.println("=== build " + n + " ===");
            // as an IDE does before each build: Maven leaves its disposed core realm as the context class loader
            Thread.currentThread().setContextClassLoader(maven);
            int exit = build.run(mavenArgs.toArray(new String[0]), project);
            System.out.println("=== build " + n + " exit " + exit + " ===");
            out.setProperty(n + ".exit", Integer.toString(exit));
            failures += exit == 0 ? 0 : 1;
            // let finished pools wind down as a JVM between two IDE builds would
            System.gc();
            Thread.sleep(2000);
            snapshot(out, Integer.toString(n));
        }
        try (var writer = Files.newBufferedWriter(report)) {
            out.store(writer, "EmbeddedMavenMain");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    /** One build through Maven's embedder entry point; the exit code Maven would exit with. */
    private interface Build {
        int run(String[] args, Path project) throws Exception;
    }

    /** Maven 3: {@code new MavenCli().doMain(args, workingDirectory, out, err)}, a fresh ClassWorld each build. */
    private static final class Cli implements Build {
        private final Class<?> cli;
        private final Method doMain;

        Cli(ClassLoader maven) throws ReflectiveOperationException {
            cli = maven.loadClass("org.apache.maven.cli.MavenCli");
            doMain = cli.getMethod("doMain", String[].class, String.class, PrintStream.class, PrintStream.class);
        }

        @Override
        public int run(String[] args, Path project) throws Exception {
            return (Integer) doMain.invoke(cli.getConstructor().newInstance(), args, project.toString(), System.out,
                    System.out);
        }
    }

    /**
     * Maven 4: {@code MavenCling.main(args, classWorld, in, out, err)}, what its launcher calls, with a ClassWorld
     * whose {@code plexus.core} realm is Maven's jars, as {@code MavenCli} builds one for an embedder. Maven 4's
     * {@code MavenCli#doMain} is still there but fails once a core extension loads ({@code this.lookup} is null).
     */
    private static final class Cling implements Build {
        private final ClassLoader maven;
        private final Class<?> classWorld;
        private final Method main;

        Cling(ClassLoader maven) throws ReflectiveOperationException {
            this.maven = maven;
            classWorld = maven.loadClass("org.codehaus.plexus.classworlds.ClassWorld");
            main = maven.loadClass("org.apache.maven.cling.MavenCling").getMethod("main", String[].class,
                    classWorld, java.io.InputStream.class, java.io.OutputStream.class, java.io.OutputStream.class);
        }

        @Override
        public int run(String[] args, Path project) throws Exception {
            Object world = classWorld.getConstructor(String.class, ClassLoader.class).newInstance("plexus.core", maven);
            return (Integer) main.invoke(null, args, world, java.io.InputStream.nullInputStream(), System.out,
                    System.out);
        }
    }

    private static boolean maven4(ClassLoader maven) {
        try {
            maven.loadClass("org.apache.maven.cling.MavenCling");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** {@code <when>.properties}, {@code <when>.threads} and {@code <when>.fds} of the JVM at this moment. */
    private static void snapshot(Properties out, String when) throws IOException {
        Map<String, String> properties = new TreeMap<>();
        System.getProperties().forEach((k, v) -> properties.put(String.valueOf(k), String.valueOf(v)));
        out.setProperty(when + ".properties", properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().replace("\n", "\\n"))
                .collect(Collectors.joining("\n")));
        out.setProperty(when + ".threads", Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : ""))
                .sorted()
                .collect(Collectors.joining("\n")));
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            out.setProperty(when + ".fds", Long.toString(fds.count()));
        }
    }
}
