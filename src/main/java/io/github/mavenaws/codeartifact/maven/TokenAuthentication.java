package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.util.Map;
import java.util.Objects;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.AuthenticationDigest;

/**
 * HTTP Basic {@code aws:<token>} for one connector: the token is read from the cache when the transport first asks
 * and then kept, so the connector knows exactly which token a 401/403 refused.
 */
final class TokenAuthentication implements Authentication {
    /** CodeArtifact's documented user name for token authentication. */
    static final String USERNAME = "aws";

    private final DomainKey key;
    private final TokenCache tokens;
    private AuthorizationToken issued;

    TokenAuthentication(DomainKey key, TokenCache tokens) {
        this.key = Objects.requireNonNull(key, "key cannot be null");
        this.tokens = Objects.requireNonNull(tokens, "tokens cannot be null");
    }

    /** The token this authentication hands out, fetched on first use. */
    synchronized AuthorizationToken token() throws TokenUnavailableException {
        if (issued == null) {
            issued = tokens.get(key);
        }
        return issued;
    }

    /**
     * Reports the token {@link #token()} handed out as refused by the repository, so that the cache hands out
     * another to the next authentication of the domain.
     *
     * @throws IllegalStateException when no token was handed out yet
     */
    synchronized void refused() {
        if (issued == null) {
            throw new IllegalStateException("no token handed out yet");
        }
        tokens.refused(key, issued);
    }

    @Override
    public void fill(AuthenticationContext context, String key, Map<String, String> data) {
        AuthorizationToken token;
        try {
            token = token();
        } catch (TokenUnavailableException e) {
            // Cannot throw here; the request goes out without credentials and the connector reports why.
            return;
        }
        context.put(AuthenticationContext.USERNAME, USERNAME);
        // char[] so that the resolver wipes it when the transport closes.
        context.put(AuthenticationContext.PASSWORD, token.value().toCharArray());
    }

    /** Identifies the domain, never the token: resolver keys update checks on this digest. */
    @Override
    public void digest(AuthenticationDigest digest) {
        digest.update(getClass().getName(), key.domain(), key.owner(), key.region());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TokenAuthentication && ((TokenAuthentication) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return "CodeArtifact token for " + key + ", username=" + USERNAME + ", password=***";
    }
}
