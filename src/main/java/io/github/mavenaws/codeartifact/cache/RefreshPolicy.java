package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a token is renewed, in the shape of the AWS SDK's {@code CachedSupplier} as {@code StsCredentialsProvider}
 * uses it: from the <em>prefetch time</em> on, one caller fetches a new token while the others go on with the
 * current one; from the <em>stale time</em> on, nobody uses it any more, since a download started with it could
 * outlive it. Both are derived from the token's lifetime, so a 15-minute token is renewed as sensibly as a 12-hour
 * one: the margins are a fraction of the lifetime, capped for long tokens. The disk cache serves a stored token only
 * before its prefetch time, so a build that takes one from disk can use it for a while before renewing it.
 *
 * <p>A token of unknown expiry (from a variable) is never renewed for time; one of unknown lifetime gets the caps.
 */
public final class RefreshPolicy {
    /** Stale margin of long tokens, CodeArtifact's 12-hour default among them. */
    static final Duration MAX_STALE_MARGIN = Duration.ofMinutes(5);

    /** Prefetch margin of long tokens: well above the stale margin, so a renewal has time to fail and be retried. */
    static final Duration MAX_PREFETCH_MARGIN = Duration.ofMinutes(15);

    /** Shorter tokens go stale in their last tenth and are prefetched in their last third. */
    private static final int STALE_FRACTION = 10;

    private static final int PREFETCH_FRACTION = 3;

    private final Clock clock;

    /** @param clock the time tokens are judged by, not null */
    public RefreshPolicy(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
    }

    /** @param token not null */
    public Instant staleTime(AuthorizationToken token) {
        return before(token, MAX_STALE_MARGIN, STALE_FRACTION);
    }

    /** @param token not null */
    public Instant prefetchTime(AuthorizationToken token) {
        return before(token, MAX_PREFETCH_MARGIN, PREFETCH_FRACTION);
    }

    /** Whether nobody may use the token any more. */
    public boolean isStale(AuthorizationToken token) {
        return !clock.instant().isBefore(staleTime(token));
    }

    /** Whether it is time to fetch the token's successor. */
    public boolean isPrefetchDue(AuthorizationToken token) {
        return !clock.instant().isBefore(prefetchTime(token));
    }

    private static Instant before(AuthorizationToken token, Duration cap, int fraction) {
        Objects.requireNonNull(token, "token cannot be null");
        if (!token.expiration().isPresent()) {
            return Instant.MAX;
        }
        Duration margin = token.lifetime()
                .map(lifetime -> lifetime.dividedBy(fraction))
                .filter(part -> part.compareTo(cap) < 0)
                .orElse(cap);
        return token.expiration().get().minus(margin);
    }

    @Override
    public String toString() {
        return "RefreshPolicy[stale " + MAX_STALE_MARGIN + " or 1/" + STALE_FRACTION + ", prefetch "
                + MAX_PREFETCH_MARGIN + " or 1/" + PREFETCH_FRACTION + " of the lifetime before expiry]";
    }
}
