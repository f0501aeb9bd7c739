package io.github.mavenaws.codeartifact.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CodeArtifact authorization token and where it came from. Instances are compared by identity: "this token"
 * means this issuance, which is what a 401/403 refuses.
 */
public final class AuthorizationToken {
    private final String value;
    private final Instant issued;
    private final Instant expiration;
    private final String source;

    /**
     * A token whose issue time is unknown: one handed over in a variable, or tests'.
     *
     * @param value the secret token, not null or empty
     * @param expiration when AWS stops accepting it, or null when unknown (a token handed over in a variable)
     * @param source the provider that produced it, for messages; not null
     */
    public AuthorizationToken(String value, Instant expiration, String source) {
        this(value, null, expiration, source);
    }

    /**
     * @param value the secret token, not null or empty
     * @param issued when this machine received it, or null when unknown; with {@code expiration} it gives the
     *     token's lifetime, from which the refresh times are derived
     * @param expiration when AWS stops accepting it, or null when unknown (a token handed over in a variable)
     * @param source the provider that produced it, for messages; not null
     */
    public AuthorizationToken(String value, Instant issued, Instant expiration, String source) {
        this.value = Objects.requireNonNull(value, "value cannot be null");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("value cannot be empty");
        }
        this.issued = issued;
        this.expiration = expiration;
        this.source = Objects.requireNonNull(source, "source cannot be null");
    }

    /** The secret: hand it to the transport only. */
    public String value() {
        return value;
    }

    /** When this machine received the token from AWS; empty when unknown. */
    public Optional<Instant> issued() {
        return Optional.ofNullable(issued);
    }

    public Optional<Instant> expiration() {
        return Optional.ofNullable(expiration);
    }

    /** From issue to expiration; empty when either is unknown or they are out of order. */
    public Optional<Duration> lifetime() {
        if (issued == null || expiration == null || !expiration.isAfter(issued)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(issued, expiration));
    }

    public String source() {
        return source;
    }

    /** Whether the token will have expired by {@code instant}; a token of unknown expiry never does. */
    public boolean expiresBefore(Instant instant) {
        return expiration != null && !expiration.isAfter(instant);
    }

    /** Never prints the value: tokens end up in logs through toString more often than any other way. */
    @Override
    public String toString() {
        return "AuthorizationToken[source=" + source + ", expiration=" + (expiration == null ? "unknown" : expiration)
                + ", value=***]";
    }
}
