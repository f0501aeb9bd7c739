package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenFileTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final String IDENTITY = "ab".repeat(32);
    private static final Instant EXPIRATION = Instant.parse("2026-11-26T00:00:00.123Z");
    private static final Instant ISSUED = Instant.parse("2026-11-25T12:00:00.123Z");
    private static final AuthorizationToken TOKEN = new AuthorizationToken(
            "eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1", ISSUED, EXPIRATION, "sts:AssumeRole on x=y, then z");

    @Test
    void aTokenSurvivesTheRoundTripWithItsSourceAndExpiry() {
        String text = TokenFile.encode(ACME, IDENTITY, TOKEN);
        AuthorizationToken read = TokenFile.decode(text, ACME, IDENTITY);
        assertEquals(TOKEN.value(), read.value());
        assertEquals(TOKEN.source(), read.source());
        assertEquals(TOKEN.expiration(), read.expiration());
        assertEquals(TOKEN.issued(), read.issued());
        assertEquals(TOKEN.value(), TokenFile.decode(text.replace("\n", "\r\n"), ACME, IDENTITY).value());
    }

    @Test
    void theFormatIsVersionedAndNamesItsKey() {
        assertEquals("# CodeArtifact token cache of maven-aws-extension; safe to delete\n"
                + "version=2\n"
                + "domain=acme\n"
                + "owner=111122223333\n"
                + "region=us-west-2\n"
                + "identity=" + IDENTITY + "\n"
                + "source=sts:AssumeRole on x=y, then z\n"
                + "issued=" + ISSUED.toEpochMilli() + "\n"
                + "expiration=" + EXPIRATION.toEpochMilli() + "\n"
                + "token=eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1\n",
                TokenFile.encode(ACME, IDENTITY, TOKEN));
    }

    @Test
    void anEntryForAnotherKeyIsRefused() {
        String text = TokenFile.encode(ACME, IDENTITY, TOKEN);
        assertRefused(text, DomainKey.of("acme", "111122223333", "eu-west-1"), IDENTITY);
        assertRefused(text, DomainKey.of("acme", "444455556666", "us-west-2"), IDENTITY);
        assertRefused(text, DomainKey.of("other", "111122223333", "us-west-2"), IDENTITY);
        assertRefused(text, ACME, "cd".repeat(32));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "version=2",
        "version=1",
        "=x",
        "# only a comment",
    })
    void textThatIsNoEntryIsRefused(String text) {
        assertRefused(text, ACME, IDENTITY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "version=2|version=1",
        "version=2|version=3",
        "version=2|",
        "issued=" + 1795608000123L + "|issued=yesterday",
        "issued=" + 1795608000123L + "|",
        "token=eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1|",
        "expiration=" + 1795651200123L + "|expiration=soon",
        "token=eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1|token=",
        "token=eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1|token=has space",
        "token=eyJ2ZXIiOjEsImlzdSI6MTcx.secret-part_1|token=caf\u00e9",
        "domain=acme|domain=acme\nextra=1",
        "region=us-west-2|region=us-west-2\nregion=us-west-2",
    })
    void aDamagedEntryIsRefusedWithoutQuotingIt(String damage) {
        String[] parts = damage.split("\\|", -1);
        String text = TokenFile.encode(ACME, IDENTITY, TOKEN).replace(parts[0] + "\n", parts[1].isEmpty()
                ? "" : parts[1] + "\n");
        IllegalArgumentException e = assertRefused(text, ACME, IDENTITY);
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void aTruncatedEntryIsRefused() {
        String text = TokenFile.encode(ACME, IDENTITY, TOKEN);
        for (int length = 0; length < text.length(); length++) {
            assertRefused(text.substring(0, length), ACME, IDENTITY);
        }
    }

    @Test
    void aTokenOfUnknownIssueTimeSurvivesTheRoundTripWithoutOne() {
        AuthorizationToken unknown = new AuthorizationToken("t0ken", EXPIRATION, "test");
        String text = TokenFile.encode(ACME, IDENTITY, unknown);
        assertEquals(true, text.contains("\nissued=-\n"), text);
        assertEquals(false, TokenFile.decode(text, ACME, IDENTITY).issued().isPresent());
    }

    @Test
    void aVersion1EntryIsIgnored() {
        String text = TokenFile.encode(ACME, IDENTITY, TOKEN).replace("version=2\n", "version=1\n")
                .replace("issued=" + ISSUED.toEpochMilli() + "\n", "");
        assertRefused(text, ACME, IDENTITY);
    }

    @Test
    void onlyTokensWithAnExpiryAreWritten() {
        assertThrows(IllegalArgumentException.class,
                () -> TokenFile.encode(ACME, IDENTITY, new AuthorizationToken("t", null, "env")));
    }

    private static IllegalArgumentException assertRefused(String text, DomainKey key, String identity) {
        return assertThrows(IllegalArgumentException.class, () -> TokenFile.decode(text, key, identity));
    }
}
