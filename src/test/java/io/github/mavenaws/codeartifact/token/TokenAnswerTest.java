package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenAnswerTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String TOKEN = "secret-token-value";

    @Test
    void aTokenWithAnExpirationAheadIsAccepted() throws Exception {
        AuthorizationToken token = TokenAnswer.check(TOKEN, NOW.plus(Duration.ofHours(12)), "source", NOW);
        assertEquals(TOKEN, token.value());
        assertEquals(NOW.plus(Duration.ofHours(12)), token.expiration().get());
    }

    @Test
    void aTokenThatHasAlreadyExpiredIsRefusedNamingTheClock() {
        TokenProviderException e = assertThrows(TokenProviderException.class,
                () -> TokenAnswer.check(TOKEN, NOW.minus(Duration.ofHours(1)), "source", NOW));
        assertEquals("GetAuthorizationToken answered with a token that had already expired (at 2026-11-25T11:00:00Z,"
                + " this machine's clock says 2026-11-25T12:00:00Z), so it is not used. AWS sets the expiration, so"
                + " this machine's clock is probably ahead: set it right (NTP, timedatectl) and build again",
                e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN));
    }

    @Test
    void aTokenExpiringThisVeryInstantIsRefused() {
        assertThrows(TokenProviderException.class, () -> TokenAnswer.check(TOKEN, NOW, "source", NOW));
    }

    @Test
    void anAnswerWithoutTokenOrExpirationIsRefused() {
        for (String value : new String[] {null, ""}) {
            TokenProviderException e = assertThrows(TokenProviderException.class,
                    () -> TokenAnswer.check(value, NOW.plus(Duration.ofHours(1)), "source", NOW));
            assertTrue(e.getMessage().startsWith("GetAuthorizationToken answered without a token"), e.getMessage());
        }
        TokenProviderException e = assertThrows(TokenProviderException.class,
                () -> TokenAnswer.check(TOKEN, null, "source", NOW));
        assertTrue(e.getMessage().startsWith("GetAuthorizationToken answered without the token's expiration"));
        assertFalse(e.getMessage().contains(TOKEN));
    }
}
