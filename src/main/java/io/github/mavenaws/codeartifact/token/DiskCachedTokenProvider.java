package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves an AWS provider's tokens from the user's disk cache, so that every Maven process of the user, parallel or
 * successive, shares one token per domain and AWS identity: a hit costs no AWS call, and processes that miss
 * together wait for the one that fetches. Only the AWS providers are wrapped; a token from a variable is never
 * written anywhere.
 *
 * <p>It lives with the providers rather than in the cache package because the chain wraps providers in it, and the
 * cache package already depends on the chain.
 */
final class DiskCachedTokenProvider implements TokenProvider {
    private static final Logger LOGGER = LoggerFactory.getLogger(DiskCachedTokenProvider.class);

    /**
     * A token from disk with less time left is fetched afresh. Well above the build cache's own margin, so a build
     * that takes a token from disk can use it for a while before it asks again.
     */
    static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    private final TokenProvider delegate;
    private final AwsIdentity identity;
    private final DiskTokenStore store;
    private final Clock clock;
    private final Duration refreshWindow;

    /**
     * @param delegate the provider that obtains tokens as {@code identity}, not null
     * @param identity who the delegate's tokens are issued to, part of the entries' key, not null
     * @param store the cache directory, not null
     * @param clock the time source for expiry, not null
     * @param refreshWindow a stored token with less time left is not served, not null
     */
    DiskCachedTokenProvider(
            TokenProvider delegate, AwsIdentity identity, DiskTokenStore store, Clock clock, Duration refreshWindow) {
        this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
        this.identity = Objects.requireNonNull(identity, "identity cannot be null");
        this.store = Objects.requireNonNull(store, "store cannot be null");
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.refreshWindow = Objects.requireNonNull(refreshWindow, "refreshWindow cannot be null");
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    /** A stored token that is fresh enough, else the delegate's, stored for the next process. */
    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        // No lock for a hit: entries are replaced atomically, so a reader never sees part of one.
        AuthorizationToken stored = usable(key, store.read(key, identity));
        if (stored != null) {
            return stored;
        }
        try (DiskTokenStore.Lock lock = store.lock(key, identity)) {
            // Whoever held the lock before us may just have stored a token.
            stored = usable(key, store.read(key, identity));
            if (stored != null) {
                return stored;
            }
            AuthorizationToken fetched = delegate.fetch(key);
            if (fetched.expiration().isPresent() && !tooOld(fetched)) {
                store.write(key, identity, fetched);
            }
            return fetched;
        }
    }

    /** Forgets the refused token, so that no process is served it again, then tells the delegate. */
    @Override
    public void refused(DomainKey key, AuthorizationToken token) {
        try (DiskTokenStore.Lock lock = store.lock(key, identity)) {
            store.forget(key, identity, token);
        }
        delegate.refused(key, token);
    }

    @Override
    public boolean canRefresh() {
        return delegate.canRefresh();
    }

    private AuthorizationToken usable(DomainKey key, AuthorizationToken stored) {
        if (stored == null) {
            return null;
        }
        String expiration = stored.expiration().map(Object::toString).orElse("unknown");
        if (tooOld(stored)) {
            LOGGER.debug("The disk cache's token for {} ({}) expires {}, too soon to use it",
                    key, identity, expiration);
            return null;
        }
        LOGGER.debug("CodeArtifact token for {} from the disk cache ({}), expires {}",
                key, stored.source(), expiration);
        return stored;
    }

    /** Whether the token ends within the refresh window; tokens from disk always have an expiration. */
    private boolean tooOld(AuthorizationToken token) {
        return token.expiresBefore(clock.instant().plus(refreshWindow));
    }

    @Override
    public String toString() {
        return "DiskCachedTokenProvider[" + delegate + ", " + identity + ", " + store + "]";
    }
}
