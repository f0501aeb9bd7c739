package io.github.mavenaws.codeartifact.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/** The jar the command runs from: its version, from the manifest, and its file, which {@code install} copies. */
final class ThisJar {
    /** The jar's base name: {@code maven-aws-extension-<version>.jar}. */
    static final String ARTIFACT_ID = "maven-aws-extension";

    private ThisJar() {}

    /** The extension's version, or "unknown" when not run from the jar (no manifest). */
    static String version() {
        String version = ThisJar.class.getPackage().getImplementationVersion();
        return version == null ? "unknown" : version;
    }

    /** {@code maven-aws-extension-<version>.jar}. */
    static String fileName() {
        return ARTIFACT_ID + "-" + version() + ".jar";
    }

    /** The jar file, or null when the classes were not loaded from a jar (an IDE, the unit tests). */
    static Path file() {
        CodeSource source = ThisJar.class.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            File file = new File(location.toURI());
            return file.isFile() && file.getName().endsWith(".jar") ? file.toPath() : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }
}
