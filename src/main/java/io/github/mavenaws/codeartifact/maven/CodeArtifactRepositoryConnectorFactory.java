package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Provider;
import javax.inject.Singleton;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.RepositoryConnector;
import org.eclipse.aether.spi.connector.RepositoryConnectorFactory;
import org.eclipse.aether.transfer.NoRepositoryConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims CodeArtifact repositories and hands every other one back to Maven. This is where the token goes on: the
 * connector sees the effective repository (after mirrors) whatever its id or origin, on every supported Maven,
 * and unlike an {@code AuthenticationSelector} in the session it is not frozen at project-build time (Maven 3) or
 * made impossible by an immutable session (Maven 4).
 */
@Named(CodeArtifactRepositoryConnectorFactory.NAME)
@Singleton
public final class CodeArtifactRepositoryConnectorFactory implements RepositoryConnectorFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(CodeArtifactRepositoryConnectorFactory.class);

    static final String NAME = "codeartifact";

    /** Resolver's own connector, which does the transfers; its constructor differs between resolver 1 and 2. */
    static final String BASIC = "basic";

    /**
     * Above basic (0) so CodeArtifact repositories reach us first, as maveniverse/mimir does; a copy installed in
     * Maven one higher, so that when the project names the extension too the installed copy alone serves the build.
     */
    static final float PRIORITY = ExtensionCopy.isInstalledInMaven() ? 11 : 10;

    private final Map<String, Provider<RepositoryConnectorFactory>> factories;

    /** @param factories every connector factory Maven knows, by name, not null */
    @Inject
    public CodeArtifactRepositoryConnectorFactory(Map<String, Provider<RepositoryConnectorFactory>> factories) {
        this.factories = Objects.requireNonNull(factories, "factories cannot be null");
    }

    @Override
    public RepositoryConnector newInstance(RepositorySystemSession session, RemoteRepository repository)
            throws NoRepositoryConnectorException {
        Optional<CodeArtifactEndpoint> endpoint = CodeArtifactAuthenticationSelector.endpoint(repository);
        if (!endpoint.isPresent()) {
            throw new NoRepositoryConnectorException(repository, "not an AWS CodeArtifact repository");
        }
        if (repository.getAuthentication() != null) {
            // A <server> with credentials for this repository is the user's explicit choice: step aside.
            LOGGER.debug("{} ({}) has credentials from settings.xml; not adding a token", endpoint.get(),
                    repository.getId());
            throw new NoRepositoryConnectorException(repository, "credentials configured in settings.xml");
        }
        ExtensionState state;
        try {
            state = ExtensionState.of(session);
        } catch (ConfigurationException e) {
            throw new NoRepositoryConnectorException(repository, e.getMessage());
        }
        if (state.config().skip()) {
            throw new NoRepositoryConnectorException(repository, "codeartifact.skip is true");
        }
        RepositoryConnectorFactory basic = basic(repository);
        LOGGER.debug("{} ({}) gets a token for {} [{}]", endpoint.get(), repository.getId(), endpoint.get().key(),
                ExtensionCopy.describe());
        return new RetryingRepositoryConnector(
                repository,
                endpoint.get(),
                state.selector(),
                (authenticated, token) -> basic.newInstance(
                        new PreemptiveAuthSession(session, repository.getId(), token),
                        ExplicitHttpsPort.forTransport(authenticated)));
    }

    private RepositoryConnectorFactory basic(RemoteRepository repository) throws NoRepositoryConnectorException {
        Provider<RepositoryConnectorFactory> basic = factories.get(BASIC);
        if (basic == null) {
            throw new NoRepositoryConnectorException(repository, "Maven's '" + BASIC + "' connector is missing");
        }
        return basic.get();
    }

    @Override
    public float getPriority() {
        return PRIORITY;
    }
}
