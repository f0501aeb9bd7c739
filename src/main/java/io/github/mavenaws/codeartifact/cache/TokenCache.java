package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenChains;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderChain;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token per domain for the whole build, however many modules, repositories and threads ask: the first caller
 * runs the chain while the others wait for its result (single flight), and every later caller shares it.
 *
 * <p>It also decides what a refusal means: a refused token is dropped; a provider that can refresh (AWS) is asked
 * once more, since its token may have expired or lost rights; a second refusal, or any refusal of a token from a
 * variable, moves the domain on to the next provider. When no provider is left the failure is kept, so every later
 * request fails at once with the same message instead of asking AWS again.
 */
public final class TokenCache implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(TokenCache.class);

    /** A token this close to its expiry is not handed out: a download started with it could outlive it. */
    static final Duration EXPIRY_MARGIN = Duration.ofMinutes(5);

    /** Refusals of a refreshable provider's tokens before the chain moves past it. */
    static final int REFUSALS_PER_PROVIDER = 2;

    private final TokenChains chains;
    private final Clock clock;
    private final ConcurrentMap<DomainKey, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param chain the providers of every domain, closed with this cache, not null
     * @param clock the time source for expiry, not null
     */
    public TokenCache(TokenProviderChain chain, Clock clock) {
        this(TokenChains.of(Objects.requireNonNull(chain, "chain cannot be null")), clock);
    }

    /**
     * @param chains the providers of each domain, closed with this cache, not null
     * @param clock the time source for expiry, not null
     */
    public TokenCache(TokenChains chains, Clock clock) {
        this.chains = Objects.requireNonNull(chains, "chains cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /**
     * The domain's current token, fetched if there is none yet.
     *
     * @param key the domain, not null
     * @return a token, never null
     * @throws TokenUnavailableException when no provider is left that can give one
     */
    public AuthorizationToken get(DomainKey key) throws TokenUnavailableException {
        failIfClosed();
        return slot(key).get();
    }

    /**
     * Reports that a repository refused {@code token} (HTTP 401/403). Refusals of a token that was already replaced
     * are ignored, so transfers that failed together cause one refresh, not one each.
     *
     * @param key the domain, not null
     * @param token the token the refused request carried, not null
     */
    public void refused(DomainKey key, AuthorizationToken token) {
        Objects.requireNonNull(token, "token cannot be null");
        slot(key).refused(token);
    }

    private Slot slot(DomainKey key) {
        Objects.requireNonNull(key, "key cannot be null");
        return slots.computeIfAbsent(key, Slot::new);
    }

    private void failIfClosed() {
        if (closed.get()) {
            throw new IllegalStateException("token cache is closed");
        }
    }

    @Override
    public void close() throws Exception {
        if (closed.compareAndSet(false, true)) {
            chains.close();
        }
    }

    /** The state of one domain. Its monitor is the single-flight lock: one fetch at a time per domain. */
    private final class Slot {
        private final DomainKey key;
        /** The domain's providers, chosen on the first request; null until then. */
        private TokenProviderChain chain;
        private String[] outcomes;
        private int[] refusals;
        private AuthorizationToken current;
        private int currentProvider;
        private int nextProvider;
        private TokenUnavailableException failure;

        Slot(DomainKey key) {
            this.key = key;
        }

        synchronized AuthorizationToken get() throws TokenUnavailableException {
            if (current != null && !current.expiresBefore(clock.instant().plus(EXPIRY_MARGIN))) {
                return current;
            }
            // An expired token is no refusal: its provider is simply asked again.
            current = null;
            if (failure != null) {
                throw failure;
            }
            if (chain == null) {
                try {
                    chain = chains.forDomain(key);
                } catch (TokenUnavailableException e) {
                    failure = e;
                    throw e;
                }
                outcomes = new String[chain.size()];
                refusals = new int[chain.size()];
            }
            for (int i = nextProvider; i < chain.size(); i++) {
                TokenProvider provider = chain.provider(i);
                try {
                    current = provider.fetch(key);
                    currentProvider = i;
                    nextProvider = i;
                    LOGGER.debug("CodeArtifact token for {} from {}, expires {}", key, provider.describe(),
                            current.expiration().map(Object::toString).orElse("unknown"));
                    return current;
                } catch (TokenProviderException e) {
                    outcomes[i] = e.getMessage();
                    LOGGER.debug("No CodeArtifact token for {} from {}: {}", key, provider.describe(), e.getMessage());
                }
            }
            failure = new TokenUnavailableException(key, attempts());
            throw failure;
        }

        synchronized void refused(AuthorizationToken token) {
            if (token != current) {
                return;
            }
            current = null;
            TokenProvider provider = chain.provider(currentProvider);
            // Only the current token's issuer is known; a replaced token's issuer was told when it was replaced.
            try {
                provider.refused(key, token);
            } catch (RuntimeException e) {
                LOGGER.debug("{} could not forget the refused token for {}", provider.describe(), key, e);
            }
            refusals[currentProvider]++;
            if (!provider.canRefresh()) {
                outcomes[currentProvider] = "its token was refused by the repository (HTTP 401/403)";
                nextProvider = currentProvider + 1;
            } else if (refusals[currentProvider] >= REFUSALS_PER_PROVIDER) {
                outcomes[currentProvider] =
                        "its tokens were refused by the repository (HTTP 401/403), a freshly fetched one too";
                nextProvider = currentProvider + 1;
            }
        }

        private List<String> attempts() {
            List<String> attempts = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                attempts.add(chain.provider(i).describe() + ": " + (outcomes[i] == null ? "not tried" : outcomes[i]));
            }
            return attempts;
        }
    }
}
