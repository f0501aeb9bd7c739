package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;

/**
 * One source of CodeArtifact tokens. Like the AWS SDK's credentials providers, a provider is cheap to build and
 * defers every failure to {@link #fetch}, so a misconfigured source never breaks a build that does not need it.
 */
public interface TokenProvider {

    /** What this provider is, in words a user recognises: "environment variable POETRY_AWS_PLUGIN_AUTH_TOKEN". */
    String describe();

    /**
     * Obtains a token for the domain.
     *
     * @param key the domain, owner and region the token is for, not null
     * @return a token, never null
     * @throws TokenProviderException with a short human reason when this source cannot give one
     */
    AuthorizationToken fetch(DomainKey key) throws TokenProviderException;

    /**
     * Obtains a token for the domain within {@code deadline}; sources that may block (AWS calls, credential helpers,
     * locks) honour it, the others ignore it.
     *
     * @param key the domain, owner and region the token is for, not null
     * @param deadline the fetch's time bound, not null
     * @return a token, never null
     * @throws TokenProviderException with a short human reason when this source cannot give one in time
     */
    default AuthorizationToken fetch(DomainKey key, FetchDeadline deadline) throws TokenProviderException {
        return fetch(key);
    }

    /**
     * Whether asking again can give a different token. A refused token from a variable would only be refused
     * again; AWS issues a fresh one.
     */
    boolean canRefresh();

    /**
     * Told when a repository refused a token this provider issued (HTTP 401/403), before the cache decides what to
     * ask next: a provider that remembers tokens beyond the build must forget this one. Never throws.
     *
     * @param key the domain the token was for, not null
     * @param token the refused token, not null
     */
    default void refused(DomainKey key, AuthorizationToken token) {}
}
