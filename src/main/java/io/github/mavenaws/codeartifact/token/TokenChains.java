package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The token chain of each domain. Domains with per-domain settings (another role or profile, for builds that span
 * accounts) get a chain of their own, whose AWS calls and disk cache entries use those settings; domains with equal
 * settings share one. All chains share the build's SDK clients, which this object owns and closes.
 */
public final class TokenChains implements AutoCloseable {
    /** Picks the chain of a domain. */
    private interface Selector {
        TokenProviderChain select(DomainKey key) throws TokenUnavailableException;
    }

    private final Selector selector;
    private final AutoCloseable resources;

    private TokenChains(Selector selector, AutoCloseable resources) {
        this.selector = selector;
        this.resources = resources;
    }

    /**
     * One chain for every domain, closed with this object.
     *
     * @param chain not null
     */
    public static TokenChains of(TokenProviderChain chain) {
        Objects.requireNonNull(chain, "chain cannot be null");
        return new TokenChains(key -> chain, chain);
    }

    /**
     * The product's chains: each domain's AWS settings decide its chain.
     *
     * @param config the build's settings, not null
     */
    public static TokenChains create(ExtensionConfig config) {
        Objects.requireNonNull(config, "config cannot be null");
        AwsClients clients = new AwsClients();
        DiskTokenStore store =
                config.cache() ? new DiskTokenStore(config.cacheDir(), DiskTokenStore.DEFAULT_LOCK_TIMEOUT) : null;
        Map<AwsSettings, TokenProviderChain> chains = new HashMap<>();
        Selector selector = key -> {
            synchronized (chains) {
                return chains.computeIfAbsent(config.aws(key), aws -> TokenProviderChain.create(config, aws, clients,
                        store));
            }
        };
        return new TokenChains(selector, clients);
    }

    /**
     * The chain for the domain.
     *
     * @param key the domain, not null
     * @throws TokenUnavailableException when no token can work for the domain, whatever the chain
     */
    public TokenProviderChain forDomain(DomainKey key) throws TokenUnavailableException {
        return selector.select(Objects.requireNonNull(key, "key cannot be null"));
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
