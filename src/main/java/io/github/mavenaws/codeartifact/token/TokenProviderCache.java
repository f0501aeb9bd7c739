package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsIdentity;

/**
 * Keeps an AWS source's tokens beyond the build, as the chain sees it: the disk cache's decorator, which the cache
 * package supplies when it assembles the build's chains. The chain only says which of its sources issue tokens worth
 * keeping, and as whom; a token from a variable is never handed over.
 */
public interface TokenProviderCache {
    /** No cache beyond the build ({@code codeartifact.cache=false}). */
    TokenProviderCache NONE = (provider, identity) -> provider;

    /**
     * @param provider an AWS source, not null
     * @param identity who its tokens are issued to, the key of its entries, not null
     * @return the provider, served from the cache where it can be, never null
     */
    TokenProvider cached(TokenProvider provider, AwsIdentity identity);
}
