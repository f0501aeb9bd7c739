package io.github.mavenaws.codeartifact.maven;

import org.eclipse.aether.RepositorySystemSession;

/**
 * Whether this Maven ships resolver's JDK HTTP transport. Maven 4.0.0-rc-6 does not, and takes
 * {@code -Dmaven.resolver.transport=jdk} without complaint, serving every repository with the Apache transport; that
 * transport copies a request's explicit headers onto the request that follows a redirect, so the token must not go
 * as an {@code Authorization} header there, or it would reach S3 with the redirect. The transport's classes live in
 * Maven's core realm, outside the packages exported to extensions: looked up through the loader of resolver's API.
 */
final class JdkTransportShipped {

    static final String FACTORY = "org.eclipse.aether.transport.jdk.JdkTransporterFactory";

    private static final boolean SHIPPED = isLoadable(FACTORY, RepositorySystemSession.class.getClassLoader());

    private JdkTransportShipped() {
    }

    /** Whether Maven's core has the JDK transport (Maven 4 before rc-6). */
    static boolean inThisMaven() {
        return SHIPPED;
    }

    /**
     * @param className a class name, not null
     * @param loader the loader to ask, or null for the bootstrap loader
     */
    static boolean isLoadable(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
