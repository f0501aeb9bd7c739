package io.github.mavenaws.codeartifact.maven;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session the delegate connector of one CodeArtifact repository sees: Maven's own, plus the settings that make
 * each transport send the token with the first request instead of waiting for a 401 challenge, which would cost a
 * round trip per transporter. The settings are scoped to the repository's id and visible to its connector only.
 *
 * <p>Every transport keeps credentials scoped to the repository host, so a redirect to S3 still carries none. The
 * JDK transport of resolver 2 has no such setting and stays challenge-based: the only preemptive route there, a
 * fixed Authorization header, is forwarded to redirect targets by the JDK 17 HTTP client. Resolver 2.0.24's Apache
 * transport (Maven 3.10.0) reads the setting but files the scheme in its session-wide auth cache under the host
 * without port, where HttpClient, which looks up {@code host:443}, never finds it: the first request to each
 * repository is challenged, after which HttpClient caches the scheme under {@code host:443} for the rest of the
 * build. No setting reaches that cache.
 */
final class PreemptiveAuthSession extends AbstractForwardingRepositorySystemSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(PreemptiveAuthSession.class);

    /** Resolver 1.9's native HTTP transport (Maven 3.9). */
    static final String RESOLVER1_PREEMPTIVE = "aether.connector.http.preemptiveAuth.";

    /** Resolver 2's Apache transport (Maven 3.10, 4.0). */
    static final String RESOLVER2_PREEMPTIVE = "aether.transport.http.preemptiveAuth.";

    /**
     * Resolver 1's wagon transport (Maven 3.8, and 3.9 with {@code -Dmaven.resolver.transport=wagon}) reads the
     * {@code <server><configuration>} of the repository here.
     */
    static final String WAGON_CONFIG = "aether.connector.wagon.config.";

    /** Resolver 2's wagon transport (Maven 3.10 and 4.0 with {@code -Dmaven.resolver.transport=wagon}). */
    static final String RESOLVER2_WAGON_CONFIG = "aether.transport.wagon.config.";

    private final RepositorySystemSession session;
    private final Map<String, Object> configProperties;

    /**
     * @param session Maven's session, not null
     * @param repositoryId the id of the repository whose transport is configured, not null
     */
    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId) {
        this.session = Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(repositoryId, "repositoryId cannot be null");
        Map<String, Object> config = new HashMap<>(session.getConfigProperties());
        config.putIfAbsent(RESOLVER1_PREEMPTIVE + repositoryId, Boolean.TRUE);
        config.putIfAbsent(RESOLVER2_PREEMPTIVE + repositoryId, Boolean.TRUE);
        // A <server><configuration> of the user's (timeouts, headers) wins: wagon takes one configuration only.
        if (!config.containsKey(WAGON_CONFIG + repositoryId)
                && !config.containsKey(RESOLVER2_WAGON_CONFIG + repositoryId)) {
            Object wagonConfig = wagonPreemptiveConfiguration();
            if (wagonConfig != null) {
                config.put(WAGON_CONFIG + repositoryId, wagonConfig);
                config.put(RESOLVER2_WAGON_CONFIG + repositoryId, wagonConfig);
            }
        }
        this.configProperties = Collections.unmodifiableMap(config);
    }

    /**
     * {@code <httpConfiguration><all><usePreemptive>true</usePreemptive></all></httpConfiguration>}, or null where
     * this Maven does not let extensions see plexus-utils' Xpp3Dom.
     */
    private static Object wagonPreemptiveConfiguration() {
        try {
            Xpp3Dom usePreemptive = new Xpp3Dom("usePreemptive");
            usePreemptive.setValue("true");
            Xpp3Dom all = new Xpp3Dom("all");
            all.addChild(usePreemptive);
            Xpp3Dom httpConfiguration = new Xpp3Dom("httpConfiguration");
            httpConfiguration.addChild(all);
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            configuration.addChild(httpConfiguration);
            return configuration;
        } catch (LinkageError e) {
            LOGGER.debug("Wagon preemptive authentication unavailable: {}", e.toString());
            return null;
        }
    }

    @Override
    protected RepositorySystemSession getSession() {
        return session;
    }

    @Override
    public Map<String, Object> getConfigProperties() {
        return configProperties;
    }
}
