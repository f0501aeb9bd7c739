package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthorizationTokenTest {
    @Test
    void toStringNeverShowsTheValue() {
        AuthorizationToken token = new AuthorizationToken("s3cr3t-token-value", Instant.EPOCH, "env");
        assertFalse(token.toString().contains("s3cr3t"), token.toString());
        assertTrue(token.toString().contains("env"));
    }

    @Test
    void expiry() {
        Instant expiry = Instant.parse("2026-11-25T12:00:00Z");
        AuthorizationToken token = new AuthorizationToken("t", expiry, "aws");
        assertFalse(token.expiresBefore(expiry.minusSeconds(1)));
        assertTrue(token.expiresBefore(expiry));
        assertFalse(new AuthorizationToken("t", null, "env").expiresBefore(Instant.MAX));
    }

    @Test
    void emptyValueIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new AuthorizationToken("", null, "env"));
    }
}
