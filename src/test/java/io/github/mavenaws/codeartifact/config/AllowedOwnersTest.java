package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllowedOwnersTest {

    @Test
    void unsetAllowsEveryOwner() throws Exception {
        AllowedOwners owners = ExtensionConfig.from(Map.of(), Map.of()).allowedOwners();

        assertFalse(owners.restricted());
        assertTrue(owners.allows("111122223333"));
        assertTrue(owners.allows("999999999999"));
    }

    @Test
    void aListAllowsItsOwnersOnly() throws Exception {
        AllowedOwners owners = ExtensionConfig.from(Map.of(),
                Map.of("codeartifact.allowedOwners", " 444455556666 , 111122223333")).allowedOwners();

        assertTrue(owners.allows("111122223333"));
        assertTrue(owners.allows("444455556666"));
        assertFalse(owners.allows("777788889999"));
        assertEquals("111122223333,444455556666", owners.toString());
    }

    @Test
    void thePropertyOverridesTheVariable() throws Exception {
        AllowedOwners owners = ExtensionConfig.from(Map.of("CODEARTIFACT_ALLOWED_OWNERS", "444455556666"),
                Map.of("codeartifact.allowedOwners", "111122223333")).allowedOwners();

        assertTrue(owners.allows("111122223333"));
        assertFalse(owners.allows("444455556666"));
        assertTrue(ExtensionConfig.from(Map.of("CODEARTIFACT_ALLOWED_OWNERS", "444455556666"), Map.of())
                .allowedOwners().allows("444455556666"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"11112222333", "1111222233334", "111122223333,", "acme-111122223333", "111122223333;4"})
    void aMalformedValueIsOneClearError(String value) {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ExtensionConfig.from(Map.of(), Map.of("codeartifact.allowedOwners", value)));

        assertTrue(e.getMessage().startsWith("codeartifact.allowedOwners must list 12-digit AWS account ids"),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dcodeartifact.allowedOwners=111122223333,444455556666"),
                e.getMessage());
    }

    @Test
    void theVariableIsNamedInItsOwnForm() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ExtensionConfig.from(Map.of("CODEARTIFACT_ALLOWED_OWNERS", "12"), Map.of()));

        assertTrue(e.getMessage().contains("CODEARTIFACT_ALLOWED_OWNERS must list"), e.getMessage());
        assertTrue(e.getMessage().contains("one entry is '12'"), e.getMessage());
        assertTrue(e.getMessage().contains("CODEARTIFACT_ALLOWED_OWNERS=111122223333,444455556666"), e.getMessage());
    }

    @Test
    void aMiscasedKeyIsReported() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ExtensionConfig.from(Map.of(), Map.of("codeartifact.allowedowners", "111122223333")));

        assertTrue(e.getMessage().contains("Rename it to codeartifact.allowedOwners"), e.getMessage());
    }
}
