package io.github.mavenaws.codeartifact.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.execution.MavenSession;

/**
 * Maven older than the oldest one the extension is tested on (3.8.7, the Maven Debian and Ubuntu 24.04 package) is
 * refused at session start with one message, instead of working in part: Maven 3.6.3, still packaged by Ubuntu 22.04
 * and many Docker images, bundles resolver 1.4, older than the resolver API the extension is built against. The
 * version is read as Maven's own {@code RuntimeInformation} reads it, from maven-core's {@code pom.properties}.
 */
final class OldMavenRefusal {

    /** The oldest Maven the integration tests run on. */
    static final String OLDEST_SUPPORTED = "3.8.7";

    private static final String CORE_POM_PROPERTIES = "META-INF/maven/org.apache.maven/maven-core/pom.properties";

    private OldMavenRefusal() {
    }

    /**
     * The message refusing this Maven, or null when it is recent enough or its version cannot be read (an embedder
     * that repackaged maven-core: not refused on a guess).
     */
    static String refusal() {
        return refusal(runningVersion());
    }

    /** @param version Maven's version, or null when unknown */
    static String refusal(String version) {
        if (version == null || new ComparableVersion(version).compareTo(new ComparableVersion(OLDEST_SUPPORTED)) >= 0) {
            return null;
        }
        return "maven-aws-extension needs Maven " + OLDEST_SUPPORTED + " or later, but this is Maven " + version
                + ". Upgrade Maven (https://maven.apache.org/download.cgi, or the Maven wrapper: mvn wrapper:wrapper"
                + " -Dmaven=3.9.16), or remove the extension from .mvn/extensions.xml or Maven's lib/ext.";
    }

    /** Maven's version from maven-core's build properties, or null. */
    static String runningVersion() {
        ClassLoader core = MavenSession.class.getClassLoader();
        try (InputStream in = core == null ? null : core.getResourceAsStream(CORE_POM_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null || version.trim().isEmpty() ? null : version.trim();
        } catch (IOException e) {
            return null;
        }
    }
}
