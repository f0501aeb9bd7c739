package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import java.util.Objects;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationSelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Decides which repository gets which token: a repository whose effective URL is a CodeArtifact Maven endpoint
 * gets its domain's token, every other repository gets nothing from us. The repository's id and origin (POM,
 * settings, mirror, deploy) play no part; the URL alone names the domain.
 */
final class CodeArtifactAuthenticationSelector implements AuthenticationSelector {
    private final TokenCache tokens;

    CodeArtifactAuthenticationSelector(TokenCache tokens) {
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
    }

    /**
     * @param repository the repository after mirror selection, not null
     * @return a fresh {@link TokenAuthentication} for a CodeArtifact repository, else null
     */
    @Override
    public TokenAuthentication getAuthentication(RemoteRepository repository) {
        return CodeArtifactEndpoint.parse(repository.getUrl())
                .map(endpoint -> new TokenAuthentication(endpoint.key(), tokens))
                .orElse(null);
    }
}
