package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token sources of the domains that share one set of AWS settings, walked as the AWS SDK's
 * {@code AwsCredentialsProviderChain} walks credentials providers: in order, the first that gives a token wins and
 * is remembered, so the domain's next request (a renewal before expiry) goes straight to it; when none gives one,
 * one error lists every source tried with its reason.
 *
 * <p>It owns the refusal policy too. When a repository refuses a token (HTTP 401/403), its issuer is told (the disk
 * cache forgets it). A token that had served requests ({@link #served}) and is then refused is spent, not denied:
 * it expired or was revoked, and its source is asked for a new one without counting a refusal. A token refused at
 * its first use counts: a token from a variable is not offered again; a source that can refresh (AWS) is asked once
 * more, since its token may have expired or lost rights, and a second such refusal moves the domain on to the next
 * source. The free refetch stays bounded, since each new token must serve a request before its refusal is free. When no source is left, the failure is kept: every later request fails at once with the same message
 * instead of asking AWS again. Each domain walks on its own.
 */
public final class TokenProviderChain {
    private static final Logger LOGGER = LoggerFactory.getLogger(TokenProviderChain.class);

    /** Refusals of a refreshable provider's tokens before the chain moves past it. */
    static final int REFUSALS_PER_PROVIDER = 2;

    private final List<TokenProvider> providers;
    private final ConcurrentMap<DomainKey, Walk> walks = new ConcurrentHashMap<>();

    /** @param providers in the order to ask them, not null or empty */
    public TokenProviderChain(List<TokenProvider> providers) {
        Objects.requireNonNull(providers, "providers cannot be null");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("providers cannot be empty");
        }
        this.providers = Collections.unmodifiableList(new ArrayList<>(providers));
    }

    /**
     * A token for the domain from the first source that gives one, starting at the domain's last winner.
     *
     * @param key the domain, not null
     * @return a token, never null
     * @throws TokenUnavailableException listing every source and its reason, when none is left that gives one
     */
    public AuthorizationToken resolve(DomainKey key) throws TokenUnavailableException {
        return resolve(key, FetchDeadline.start());
    }

    /**
     * As {@link #resolve(DomainKey)}, within a deadline that may have started before (when the build first needed
     * the token); sources not reached in time are reported as such.
     *
     * @param key the domain, not null
     * @param deadline the fetch's time bound, not null
     * @return a token, never null
     * @throws TokenUnavailableException listing every source and its reason, when none is left that gives one
     */
    public AuthorizationToken resolve(DomainKey key, FetchDeadline deadline) throws TokenUnavailableException {
        return walk(key).resolve(Objects.requireNonNull(deadline, "deadline cannot be null"));
    }

    /**
     * Applies the refusal policy to {@code token}, the domain's last token. A token that was already replaced is
     * ignored, so transfers that failed together count as one refusal.
     *
     * @param key the domain, not null
     * @param token the token the refused request carried, not null
     */
    public void refused(DomainKey key, AuthorizationToken token) {
        walk(key).refused(Objects.requireNonNull(token, "token cannot be null"));
    }

    /**
     * Records that a repository accepted {@code token}, the domain's last token: a later refusal of it means it is
     * spent, not denied. A token that was already replaced is ignored.
     *
     * @param key the domain, not null
     * @param token the token a successful request carried, not null
     */
    public void served(DomainKey key, AuthorizationToken token) {
        walk(key).served(Objects.requireNonNull(token, "token cannot be null"));
    }

    /** The sources in the order they are asked, for diagnostics; unmodifiable. */
    public List<TokenProvider> providers() {
        return providers;
    }

    private Walk walk(DomainKey key) {
        return walks.computeIfAbsent(Objects.requireNonNull(key, "key cannot be null"), Walk::new);
    }

    @Override
    public String toString() {
        return "TokenProviderChain" + providers;
    }

    /** One domain's way through the providers. Its monitor keeps a refusal and a resolution of the domain apart. */
    private final class Walk {
        private final DomainKey key;
        private final String[] outcomes = new String[providers.size()];
        private final int[] refusals = new int[providers.size()];
        /** The last token handed out, the only one a refusal is counted for; null once refused. */
        private AuthorizationToken issued;
        /** Whether {@link #issued} has served a request. */
        private boolean issuedServed;
        private int issuer;
        private int next;
        private TokenUnavailableException failure;

        Walk(DomainKey key) {
            this.key = key;
        }

        synchronized AuthorizationToken resolve(FetchDeadline deadline) throws TokenUnavailableException {
            if (failure != null) {
                throw failure;
            }
            for (int i = next; i < providers.size(); i++) {
                TokenProvider provider = providers.get(i);
                if (deadline.passed()) {
                    outcomes[i] = "not tried: the time for getting a token (" + deadline.timeoutSeconds()
                            + " s) had run out";
                    continue;
                }
                try {
                    AuthorizationToken token = provider.fetch(key, deadline);
                    issued = token;
                    issuedServed = false;
                    issuer = i;
                    next = i;
                    LOGGER.debug("CodeArtifact token for {} from {}, expires {}", key, provider.describe(),
                            token.expiration().map(Object::toString).orElse("unknown"));
                    return token;
                } catch (TokenProviderException e) {
                    outcomes[i] = e.getMessage();
                    LOGGER.debug("No CodeArtifact token for {} from {}: {}", key, provider.describe(), e.getMessage());
                } catch (RuntimeException e) {
                    // a source's own bug or an SDK failure it did not expect: that source's reason, never a raw
                    // exception out of a connector; the trace is for -X
                    outcomes[i] = "failed: " + AwsFailures.unexpected(e);
                    LOGGER.debug("No CodeArtifact token for {} from {}", key, provider.describe(), e);
                }
            }
            failure = new TokenUnavailableException(key, attempts());
            throw failure;
        }

        synchronized void served(AuthorizationToken token) {
            if (token == issued) {
                issuedServed = true;
            }
        }

        synchronized void refused(AuthorizationToken token) {
            if (token != issued) {
                return;
            }
            issued = null;
            TokenProvider provider = providers.get(issuer);
            try {
                provider.refused(key, token);
            } catch (RuntimeException e) {
                LOGGER.debug("{} could not forget the refused token for {}", provider.describe(), key, e);
            }
            if (issuedServed && provider.canRefresh()) {
                LOGGER.debug("The CodeArtifact token for {} from {} served requests before it was refused: it expired"
                        + " or was revoked; fetching a new one", key, provider.describe());
                return;
            }
            refusals[issuer]++;
            if (!provider.canRefresh()) {
                outcomes[issuer] = "its token was refused by the repository (HTTP 401/403)";
                next = issuer + 1;
            } else if (refusals[issuer] >= REFUSALS_PER_PROVIDER) {
                outcomes[issuer] =
                        "its tokens were refused by the repository (HTTP 401/403), a freshly fetched one too";
                next = issuer + 1;
            }
        }

        private List<String> attempts() {
            List<String> attempts = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                attempts.add(providers.get(i).describe() + ": " + (outcomes[i] == null ? "not tried" : outcomes[i]));
            }
            return attempts;
        }
    }
}
