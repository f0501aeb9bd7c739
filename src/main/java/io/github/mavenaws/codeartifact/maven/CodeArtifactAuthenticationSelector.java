package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Decides which repository gets which token: a repository whose effective URL is a CodeArtifact Maven endpoint
 * gets its domain's token, every other repository gets nothing from us. The repository's id and origin (POM,
 * settings, mirror, deploy) play no part; the URL alone names the domain.
 *
 * <p>The decision comes in two steps so the connector factory parses each URL once: {@link #endpoint} tells a
 * CodeArtifact repository from the others, {@link #authentication} makes the authentications of its domain.
 */
final class CodeArtifactAuthenticationSelector implements AuthenticationSelector {
    private final TokenCache tokens;

    /** @param tokens the build's token cache, not null */
    CodeArtifactAuthenticationSelector(TokenCache tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
    }

    /**
     * The CodeArtifact endpoint the repository's URL names. Static: telling our repositories from the others needs
     * no token cache, so a build that never meets a CodeArtifact repository never builds one.
     *
     * @param repository the repository after mirror selection, not null
     * @return the endpoint, or empty for a repository that is not CodeArtifact's
     */
    static Optional<CodeArtifactEndpoint> endpoint(RemoteRepository repository) {
        return CodeArtifactEndpoint.parse(repository.getUrl());
    }

    /**
     * @param endpoint the endpoint {@link #endpoint} found, not null
     * @return a fresh {@link TokenAuthentication} for the endpoint's domain, which fetches its token on first use
     */
    TokenAuthentication authentication(CodeArtifactEndpoint endpoint) {
        return new TokenAuthentication(endpoint.key(), tokens);
    }

    /**
     * @param repository the repository after mirror selection, not null
     * @return a fresh {@link TokenAuthentication} for a CodeArtifact repository, else null
     */
    @Override
    public TokenAuthentication getAuthentication(RemoteRepository repository) {
        return endpoint(repository).map(this::authentication).orElse(null);
    }
}
