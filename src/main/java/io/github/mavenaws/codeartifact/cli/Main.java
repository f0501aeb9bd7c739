package io.github.mavenaws.codeartifact.cli;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * The jar's {@code Main-Class}. The extension's classes and the AWS SDK log through SLF4J, which Maven provides and
 * the jar does not carry under its own name: a copy in {@code lib/ext} would come before Maven's {@code lib/} and
 * take its logging over. Under a plain {@code java -jar} there is no SLF4J at all, so this class, which refers to no
 * SLF4J class, runs the command in a class loader of its own: the jar's classes, plus the SLF4J API and its
 * no-operation provider stored in the jar under {@value #HIDDEN_SLF4J}, where nothing else looks. The command
 * reports everything itself, so the extension's debug logging has nowhere to go and is dropped; SLF4J stays silent.
 *
 * <p>A class loader, rather than relocating SLF4J for the whole jar: inside Maven the extension must log through
 * Maven's SLF4J, to Maven's console and {@code -X}.
 */
public final class Main {
    /** Where the build puts slf4j-api and slf4j-nop inside the jar (see the hidden-slf4j execution in pom.xml). */
    static final String HIDDEN_SLF4J = "META-INF/cli/slf4j/";

    private static final String COMMAND_LINE = "io.github.mavenaws.codeartifact.cli.CommandLine";

    private Main() {}

    public static void main(String[] args) throws Exception {
        ClassLoader own = Main.class.getClassLoader();
        ClassLoader loader = own.getResource("org/slf4j/LoggerFactory.class") != null ? own : isolated();
        Thread.currentThread().setContextClassLoader(loader);
        Method main = Class.forName(COMMAND_LINE, true, loader).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
    }

    /**
     * The jar's classes with the hidden SLF4J, over the platform class loader (Java 8: the extension loader): the
     * JDK's classes, nothing of the application class path, which holds this jar without SLF4J.
     */
    private static ClassLoader isolated() throws MalformedURLException, URISyntaxException {
        URL jar = Main.class.getProtectionDomain().getCodeSource().getLocation();
        File file = new File(jar.toURI());
        if (!file.isFile()) {
            throw new IllegalStateException("Run the command from the extension's jar (java -jar"
                    + " maven-aws-extension-<version>.jar), or put slf4j-api on the class path: " + file
                    + " is not a jar");
        }
        // A URL ending in "/" is a folder to URLClassLoader, read through the jar: protocol.
        URL hidden = new URL("jar:" + file.toURI().toURL() + "!/" + HIDDEN_SLF4J);
        return new URLClassLoader(new URL[] {jar, hidden}, ClassLoader.getSystemClassLoader().getParent());
    }
}
