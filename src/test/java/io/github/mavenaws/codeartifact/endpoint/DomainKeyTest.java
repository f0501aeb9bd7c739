package io.github.mavenaws.codeartifact.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainKeyTest {

    @ParameterizedTest
    @CsvSource({
        "acme,         111122223333, us-west-2",
        "a1,           000000000000, eu-central-1",
        "my-domain-2,  999999999999, ap-southeast-2",
        "a--b,         123456789012, us-gov-west-1",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghij, 111122223333, us-east-1",
    })
    void acceptsValidParts(String domain, String owner, String region) {
        DomainKey key = DomainKey.of(domain, owner, region);

        assertEquals(domain, key.domain());
        assertEquals(owner, key.owner());
        assertEquals(region, key.region());
    }

    @ParameterizedTest
    @CsvSource({
        // domain
        "a,            111122223333, us-west-2, domain",
        "1acme,        111122223333, us-west-2, domain",
        "acme-,        111122223333, us-west-2, domain",
        "-acme,        111122223333, us-west-2, domain",
        "Acme,         111122223333, us-west-2, domain",
        "ac_me,        111122223333, us-west-2, domain",
        "ac.me,        111122223333, us-west-2, domain",
        "'',           111122223333, us-west-2, domain",
        "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijk, 111122223333, us-west-2, domain",
        // owner
        "acme,         11112222333,  us-west-2, owner",
        "acme,         1111222233334, us-west-2, owner",
        "acme,         11112222333a, us-west-2, owner",
        "acme,         '',           us-west-2, owner",
        // region
        "acme,         111122223333, eu-north,     region",
        "acme,         111122223333, uswest-2,     region",
        "acme,         111122223333, us-west-22,   region",
        "acme,         111122223333, US-WEST-2,    region",
        "acme,         111122223333, us.west-2,    region",
        "acme,         111122223333, u-west-2,     region",
        "acme,         111122223333, '',           region",
    })
    void rejectsInvalidPartNamingItsShapeOnly(String domain, String owner, String region, String part) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> DomainKey.of(domain, owner, region));

        assertTrue(e.getMessage().startsWith(part + " must"), e.getMessage());
        String bad = part.equals("domain") ? domain : part.equals("owner") ? owner : region;
        if (bad.length() > 3) {
            assertFalse(e.getMessage().contains(bad), "message echoes the value: " + e.getMessage());
        }
    }

    @Test
    void rejectsNulls() {
        assertEquals("domain cannot be null",
                assertThrows(NullPointerException.class, () -> DomainKey.of(null, "111122223333", "us-west-2"))
                        .getMessage());
        assertEquals("owner cannot be null",
                assertThrows(NullPointerException.class, () -> DomainKey.of("acme", null, "us-west-2"))
                        .getMessage());
        assertEquals("region cannot be null",
                assertThrows(NullPointerException.class, () -> DomainKey.of("acme", "111122223333", null))
                        .getMessage());
    }

    @Test
    void equalityCoversAllParts() {
        DomainKey key = DomainKey.of("acme", "111122223333", "us-west-2");

        assertEquals(key, DomainKey.of("acme", "111122223333", "us-west-2"));
        assertEquals(key.hashCode(), DomainKey.of("acme", "111122223333", "us-west-2").hashCode());
        assertNotEquals(key, DomainKey.of("acme2", "111122223333", "us-west-2"));
        assertNotEquals(key, DomainKey.of("acme", "111122223334", "us-west-2"));
        assertNotEquals(key, DomainKey.of("acme", "111122223333", "us-east-1"));
        assertNotEquals(key, null);
        assertNotEquals(key, "acme-111122223333 (us-west-2)");
    }

    @Test
    void toStringNamesDomainOwnerAndRegion() {
        assertEquals("acme-111122223333 (us-west-2)", DomainKey.of("acme", "111122223333", "us-west-2").toString());
    }
}
