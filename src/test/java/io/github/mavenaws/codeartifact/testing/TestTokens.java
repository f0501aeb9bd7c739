package io.github.mavenaws.codeartifact.testing;

import io.github.mavenaws.codeartifact.cache.RefreshPolicy;
import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.token.TokenChains;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderChain;
import java.time.Clock;
import java.util.Arrays;

/** Token caches over hand-made sources, through the constructors the product uses. */
public final class TestTokens {
    private TestTokens() {}

    /** One chain of {@code providers} for every domain, under a memory cache judged by {@code clock}. */
    public static TokenCache cache(Clock clock, Runnable close, TokenProvider... providers) {
        TokenProviderChain chain = new TokenProviderChain(Arrays.asList(providers));
        return new TokenCache(new TokenChains(key -> chain, close), new RefreshPolicy(clock));
    }

    public static TokenCache cache(Clock clock, TokenProvider... providers) {
        return cache(clock, () -> {}, providers);
    }
}
