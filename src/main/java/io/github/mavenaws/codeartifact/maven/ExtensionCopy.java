package io.github.mavenaws.codeartifact.maven;

/**
 * Which of the extension's two jars this copy came from. The plain jar, named in {@code .mvn/extensions.xml}, takes
 * the AWS SDK from its dependencies; the bootstrap jar, installed in Maven's {@code lib/ext}, carries the SDK
 * relocated inside. A project may name the extension on a Maven that has the bootstrap jar installed: then both
 * load, each in its own class realm with its own classes, and the bootstrap copy serves the build (it ranks first),
 * while the plain copy stays idle and never loads its SDK.
 */
final class ExtensionCopy {

    /**
     * maven-shade-plugin relocates string constants that name a relocated class along with the classes, so in the
     * bootstrap jar this reads {@code io.github.mavenaws.codeartifact.shaded.awssdk.core.SdkClient}. A constant,
     * not the class itself: builds that need no token load no SDK class.
     */
    private static final String SDK_CLASS = "software.amazon.awssdk.core.SdkClient";

    private ExtensionCopy() {
    }

    /** Whether this copy is the bootstrap jar, with the AWS SDK relocated inside. */
    static boolean isBootstrapJar() {
        return !SDK_CLASS.startsWith("software.amazon.");
    }

    /** For debug lines that say which copy did something. */
    static String describe() {
        return isBootstrapJar() ? "bootstrap jar, AWS SDK bundled" : "plain jar";
    }
}
