package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.FetchDeadline;
import io.github.mavenaws.codeartifact.token.TokenChains;
import io.github.mavenaws.codeartifact.token.TokenProviderCache;
import io.github.mavenaws.codeartifact.token.TokenProviderChain;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.time.Clock;
import java.util.Collections;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token per domain for the whole build, however many modules, repositories and threads ask: the first caller
 * asks the domain's chain while the others wait for its result (single flight), and every later caller shares it
 * until the {@link RefreshPolicy} says to replace it. Which source the token comes from, and what a refusal means,
 * is the chain's business; this class only keeps the answer.
 */
public final class TokenCache implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(TokenCache.class);

    private final TokenChains chains;
    private final RefreshPolicy policy;
    private final ConcurrentMap<DomainKey, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * @param chains the sources of each domain, closed with this cache, not null
     * @param policy when a kept token is replaced, not null
     */
    public TokenCache(TokenChains chains, RefreshPolicy policy) {
        this.chains = Objects.requireNonNull(chains, "chains cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
    }

    /**
     * The build's token path: each domain's chain, its AWS sources shared with the user's other Maven processes
     * through the disk cache unless that is off, under one token per domain in memory. Builds nothing that touches
     * the disk or AWS until a token is first needed.
     *
     * @param config the build's settings, not null
     */
    public static TokenCache create(ExtensionConfig config) {
        return create(config, AwsProxies.fromEnvironment(System.getenv(), System.getProperties()));
    }

    /**
     * As {@link #create(ExtensionConfig)}, the AWS calls through {@code proxies}.
     *
     * @param config the build's settings, not null
     * @param proxies the proxy of each AWS host (Maven's, else the environment's), not null
     */
    public static TokenCache create(ExtensionConfig config, AwsProxies proxies) {
        Objects.requireNonNull(config, "config cannot be null");
        Objects.requireNonNull(proxies, "proxies cannot be null");
        RefreshPolicy policy = new RefreshPolicy(Clock.systemUTC());
        TokenProviderCache disk = config.cache()
                ? DiskTokenCache.in(new DiskTokenStore(config.cacheDir(), DiskTokenStore.DEFAULT_LOCK_TIMEOUT), policy)
                : TokenProviderCache.NONE;
        return new TokenCache(TokenChains.create(config, disk, proxies), policy);
    }

    /**
     * The domain's current token, fetched if there is none yet or it is due for renewal.
     *
     * @param key the domain, not null
     * @return a token, never null
     * @throws TokenUnavailableException when no source is left that can give one
     */
    public AuthorizationToken get(DomainKey key) throws TokenUnavailableException {
        failIfClosed();
        return slot(key).get();
    }

    /**
     * Reports that a repository refused {@code token} (HTTP 401/403): it is no longer handed out, and the chain
     * decides where the next one comes from.
     *
     * @param key the domain, not null
     * @param token the token the refused request carried, not null
     */
    public void refused(DomainKey key, AuthorizationToken token) {
        Objects.requireNonNull(token, "token cannot be null");
        slot(key).refused(token);
    }

    /**
     * Reports that a repository accepted {@code token}: should it be refused later, it is spent (expired, revoked),
     * not denied, and the chain fetches its successor without counting a refusal.
     *
     * @param key the domain, not null
     * @param token the token a successful request carried, not null
     */
    public void served(DomainKey key, AuthorizationToken token) {
        Objects.requireNonNull(token, "token cannot be null");
        slot(key).chain().served(key, token);
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
    public void close() {
        if (closed.compareAndSet(false, true)) {
            chains.close();
        }
    }

    /** One domain's token. Its lock is the single-flight lock: one fetch at a time per domain. */
    private final class Slot {
        private final DomainKey key;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile AuthorizationToken current;

        Slot(DomainKey key) {
            this.key = key;
        }

        AuthorizationToken get() throws TokenUnavailableException {
            // the build needs the token now: waiting for another thread's fetch counts against the same deadline
            FetchDeadline deadline = FetchDeadline.start();
            AuthorizationToken kept = current;
            if (kept != null && !policy.isPrefetchDue(kept)) {
                return kept;
            }
            boolean usable = kept != null && !policy.isStale(kept);
            if (usable) {
                // prefetch: one caller renews, the others go on with the kept token meanwhile
                if (!lock.tryLock()) {
                    return kept;
                }
            } else if (!tryLock(deadline)) {
                throw new TokenUnavailableException(key, Collections.singletonList(
                        "another thread's fetch of this domain's token " + deadline.missed()));
            }
            try {
                kept = current;
                if (kept != null && !policy.isPrefetchDue(kept)) {
                    return kept; // renewed while this caller waited
                }
                try {
                    current = chain().resolve(key, deadline);
                    return current;
                } catch (TokenUnavailableException e) {
                    if (kept != null && !policy.isStale(kept)) {
                        LOGGER.debug("Renewing the CodeArtifact token for {} failed; the current one serves until {}",
                                key, policy.staleTime(kept));
                        return kept;
                    }
                    current = null;
                    throw e;
                }
            } finally {
                lock.unlock();
            }
        }

        private boolean tryLock(FetchDeadline deadline) {
            try {
                return lock.tryLock(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        void refused(AuthorizationToken token) {
            lock.lock();
            try {
                if (current == token) {
                    current = null;
                }
                chain().refused(key, token);
            } finally {
                lock.unlock();
            }
        }

        private TokenProviderChain chain() {
            return chains.forDomain(key);
        }
    }
}
