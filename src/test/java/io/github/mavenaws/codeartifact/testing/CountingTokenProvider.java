package io.github.mavenaws.codeartifact.testing;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token source that counts its calls and issues numbered tokens ({@code <name>-<domain>-<n>}) born at the clock's
 * now and valid for {@link #lifetime} (no expiry when null, like a variable's), or fails with {@link #failure}.
 */
public final class CountingTokenProvider implements TokenProvider {
    public final String name;
    public final AtomicInteger calls = new AtomicInteger();
    public final List<AuthorizationToken> refused = new CopyOnWriteArrayList<>();
    private final boolean refreshable;
    private final Clock clock;
    public volatile String failure;
    public volatile Duration lifetime = Duration.ofHours(12);
    public volatile long delayMillis;
    public volatile RuntimeException refusalFailure;
    /** What {@link #describe()} says and the tokens' source; the name by default. */
    public volatile String description;
    /** Whether the tokens say when they were issued, as AWS's do; without it their lifetime is unknown. */
    public volatile boolean issueTimeKnown = true;

    /**
     * @param name what {@link #describe()} says, and the tokens' prefix
     * @param refreshable whether asking again gives another token (AWS) or not (a variable)
     * @param clock the time tokens are issued at
     */
    public CountingTokenProvider(String name, boolean refreshable, Clock clock) {
        this.name = name;
        this.refreshable = refreshable;
        this.clock = clock;
        this.description = name;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        int n = calls.incrementAndGet();
        if (delayMillis > 0) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure != null) {
            throw new TokenProviderException(failure);
        }
        Duration life = lifetime;
        return new AuthorizationToken(name + "-" + key.domain() + "-" + n, issueTimeKnown ? clock.instant() : null,
                life == null ? null : clock.instant().plus(life), describe());
    }

    @Override
    public boolean canRefresh() {
        return refreshable;
    }

    @Override
    public void refused(DomainKey key, AuthorizationToken token) {
        refused.add(token);
        if (refusalFailure != null) {
            throw refusalFailure;
        }
    }
}
