package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.FetchDeadline;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderCache;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an AWS source's tokens from the user's disk cache, so that every Maven process of the user, parallel or
 * successive, shares one token per domain and AWS identity: a hit costs no AWS call, and processes that miss
 * together wait for the one that fetches. It decorates one source of the chain, as {@link TokenCache} keeps the
 * chain's answer for the build, and judges stored tokens by the same {@link RefreshPolicy}: a stored token is served
 * only before its prefetch time, so the build that takes it can use it for a while before renewing it. Only the AWS
 * sources are decorated (see {@link io.github.mavenaws.codeartifact.token.TokenChains}); a token from a variable is
 * never written anywhere.
 */
final class DiskTokenCache implements TokenProvider {
    private static final Logger LOGGER = LoggerFactory.getLogger(DiskTokenCache.class);

    private final TokenProvider delegate;
    private final AwsIdentity identity;
    private final DiskTokenStore store;
    private final RefreshPolicy policy;
    private final AtomicBoolean reported = new AtomicBoolean();

    /**
     * @param delegate the source that obtains tokens as {@code identity}, not null
     * @param identity who the delegate's tokens are issued to, part of the entries' key, not null
     * @param store the cache directory, not null
     * @param policy which stored tokens are still worth serving, not null
     */
    DiskTokenCache(TokenProvider delegate, AwsIdentity identity, DiskTokenStore store, RefreshPolicy policy) {
        this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
        this.identity = Objects.requireNonNull(identity, "identity cannot be null");
        this.store = Objects.requireNonNull(store, "store cannot be null");
        this.policy = Objects.requireNonNull(policy, "policy cannot be null");
    }

    /** The chains' view of a store: each AWS source decorated with its identity's entries. */
    static TokenProviderCache in(DiskTokenStore store, RefreshPolicy policy) {
        Objects.requireNonNull(store, "store cannot be null");
        Objects.requireNonNull(policy, "policy cannot be null");
        return (provider, identity) -> new DiskTokenCache(provider, identity, store, policy);
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** A stored token that is fresh enough, else the delegate's, stored for the next process. */
    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        return fetch(key, FetchDeadline.start());
    }

    /**
     * As {@link #fetch(DomainKey)}; waits for another process's fetch at most half the time left, so that after a
     * hung or slow holder this process still has time to fetch on its own.
     */
    @Override
    public AuthorizationToken fetch(DomainKey key, FetchDeadline deadline) throws TokenProviderException {
        RuntimeException unkeyable = unkeyable(key);
        if (unkeyable != null) {
            if (unkeyable.getCause() instanceof TokenProviderException) {
                // resolving did not finish by the deadline: the delegate could only time out again, saying less
                throw (TokenProviderException) unkeyable.getCause();
            }
            return delegate.fetch(key, deadline);
        }
        // No lock for a hit: entries are replaced atomically, so a reader never sees part of one.
        AuthorizationToken stored = usable(key, store.read(key, identity));
        if (stored != null) {
            return stored;
        }
        try (DiskTokenStore.Lock lock = store.lock(key, identity, Duration.ofNanos(deadline.remainingNanos() / 2))) {
            // Whoever held the lock before us may just have stored a token.
            stored = usable(key, store.read(key, identity));
            if (stored != null) {
                return stored;
            }
            AuthorizationToken fetched = delegate.fetch(key, deadline);
            if (fetched.expiration().isPresent() && !policy.isPrefetchDue(fetched)) {
                store.write(key, identity, fetched);
            }
            return fetched;
        }
    }

    /** Forgets the refused token, so that no process is served it again, then tells the delegate. */
    @Override
    public void refused(DomainKey key, AuthorizationToken token) {
        if (unkeyable(key) != null) {
            delegate.refused(key, token);
            return;
        }
        try (DiskTokenStore.Lock lock = store.lock(key, identity)) {
            store.forget(key, identity, token);
        }
        delegate.refused(key, token);
    }

    @Override
    public boolean canRefresh() {
        return delegate.canRefresh();
    }

    /**
     * Null when the entries' key can be computed, else why not: for credentials the settings do not name, that
     * resolves them locally (once per build), and when they cannot be resolved the disk is left alone and the
     * delegate reports why. Says once at debug how the entries of such a source are keyed.
     */
    private RuntimeException unkeyable(DomainKey key) {
        try {
            identity.digest();
        } catch (RuntimeException e) {
            if (reported.compareAndSet(false, true)) {
                LOGGER.debug("Not using the disk cache for {} ({}): its credentials could not be resolved to key"
                        + " the entry: {}", key, identity, e.toString());
            }
            return e;
        }
        if (reported.compareAndSet(false, true) && identity.resolvesCredentials()) {
            LOGGER.debug("Disk cache entries for {} are keyed by a hash of the access key id its credentials resolve"
                    + " to (container, instance role or credential_process credentials name no principal in the"
                    + " settings)", identity);
        }
        return null;
    }

    private AuthorizationToken usable(DomainKey key, AuthorizationToken stored) {
        if (stored == null) {
            return null;
        }
        String expiration = stored.expiration().map(Object::toString).orElse("unknown");
        if (policy.isPrefetchDue(stored)) {
            LOGGER.debug("The disk cache's token for {} ({}) expires {}, too soon to use it",
                    key, identity, expiration);
            return null;
        }
        LOGGER.debug("CodeArtifact token for {} from the disk cache ({}), expires {}",
                key, stored.source(), expiration);
        return stored;
    }

    @Override
    public String toString() {
        return "DiskTokenCache[" + delegate + ", " + identity + ", " + store + "]";
    }
}
