package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.BackendLogLevel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.SessionData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension's state for one build, kept in the resolver session's data rather than in static fields: a Maven
 * that runs many builds (mvnd, IDEs) gets a fresh chain, cache and set of SDK clients for each.
 */
final class ExtensionState implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(ExtensionState.class);
    /**
     * The class itself, not its name: with the extension installed in Maven and named by the project too, two
     * copies of this class share the session, and each must find its own state, never the other's.
     */
    private static final Object KEY = ExtensionState.class;

    private final ExtensionConfig config;
    /** Maven's proxy for the AWS calls, else the environment's. */
    private final AwsProxies proxies;
    private TokenCache tokens;
    private CodeArtifactAuthenticationSelector selector;
    private BackendLogLevel transportLogLevels;
    private final Set<String> turnedAway = ConcurrentHashMap.newKeySet();

    private ExtensionState(ExtensionConfig config, AwsProxies proxies) {
        this.config = config;
        this.proxies = proxies;
    }

    /**
     * The build's state, created on first use from the environment and the session's properties.
     *
     * <p>The session's config properties are where Maven hands every Maven property to extensions: from lowest to
     * highest precedence, the properties of settings.xml profiles activated by {@code <activeProfiles>} or {@code -P}
     * (Maven 3.8.7 to 4.0.0-rc-6 alike; 3.10.0 alone adds {@code <activeByDefault>} profiles, and
     * none adds profiles activated by other conditions), system properties ({@code MAVEN_OPTS}), then user
     * properties ({@code -D}, {@code .mvn/maven.config}). So no version needs the settings read here. Below them
     * all rank the settings of the extension's {@code <configuration>} in {@code .mvn/extensions.xml} (Maven 4).
     *
     * @param extensionsXml the extension's configuration in {@code .mvn/extensions.xml}, not null
     * @throws ConfigurationException when a setting is unusable
     */
    static ExtensionState of(RepositorySystemSession session, ExtensionsXmlSettings extensionsXml)
            throws ConfigurationException {
        SessionData data = session.getData();
        Object state = data.get(KEY);
        if (state == null) {
            AwsProxies environment;
            try {
                environment = AwsProxies.fromEnvironment(System.getenv(), System.getProperties());
            } catch (IllegalArgumentException e) {
                throw new ConfigurationException(e.getMessage());
            }
            ExtensionState created = new ExtensionState(ExtensionConfig.from(System.getenv(),
                    session.getConfigProperties(), extensionsXml.properties()),
                    new MavenProxies(session).orElse(environment));
            // Creation holds no resources yet (the chain is built on first use), so losing the race is free.
            state = data.set(KEY, null, created) ? created : data.get(KEY);
            LOGGER.debug("CodeArtifact extension configured: {}", created.config);
        }
        return (ExtensionState) state;
    }

    /** Closes the build's state, if it was ever created. */
    static void close(RepositorySystemSession session) {
        Object state = session.getData().get(KEY);
        if (state instanceof ExtensionState && session.getData().set(KEY, state, null)) {
            ((ExtensionState) state).close();
        }
    }

    /** Whether {@code url} is reported as turned away for the first time in this build: one -X line each. */
    boolean firstTurnedAway(String url) {
        return turnedAway.add(url);
    }

    ExtensionConfig config() {
        return config;
    }

    /**
     * The build's token cache, created when a CodeArtifact repository is first contacted: a build that never
     * needs a token (everything local, offline, no CodeArtifact repository) never loads the AWS SDK.
     */
    synchronized TokenCache tokens() {
        if (tokens == null) {
            // before the first request that carries a token
            transportLogLevels = TransportLogLevels.quiet();
            tokens = TokenCache.create(config, proxies);
            selector = new CodeArtifactAuthenticationSelector(tokens);
        }
        return tokens;
    }

    synchronized CodeArtifactAuthenticationSelector selector() {
        tokens();
        return selector;
    }

    @Override
    public synchronized void close() {
        if (tokens == null) {
            return;
        }
        tokens.close();
        transportLogLevels.close();
    }
}
