package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class PrefixFileRepositoryIdTest {

    private static final String DERIVED = "codeartifact-c1d4c55f9308e5ac18a4069bed41dca64d85c515";

    @Test
    void theDerivedIdNamesItsRepository() {
        assertEquals("codeartifact", PrefixFileRepositoryId.plainId(DERIVED));
        assertNull(PrefixFileRepositoryId.plainId("codeartifact"));
        assertNull(PrefixFileRepositoryId.plainId("codeartifact-c1d4c55f"));
        assertNull(PrefixFileRepositoryId.plainId("-c1d4c55f9308e5ac18a4069bed41dca64d85c515"));
    }

    private static final AuthorizationToken TOKEN = new AuthorizationToken("tok3n", null, "test");

    @Test
    void theUsersServerSettingsReachThePrefixFileRequest() {
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("aether.transport.http.headers.codeartifact", Map.of("X-Tenant", "builds"));
        maven.setConfigProperty("aether.transport.http.requestTimeout.codeartifact", "5000");
        maven.setConfigProperty("aether.transport.http.requestTimeout.other", "1");

        Map<String, Object> config = new PreemptiveAuthSession(maven, DERIVED, TOKEN).getConfigProperties();

        assertEquals(Map.of("X-Tenant", "builds"), config.get("aether.transport.http.headers." + DERIVED));
        assertEquals("5000", config.get("aether.transport.http.requestTimeout." + DERIVED));
        assertEquals(Boolean.TRUE, config.get("aether.transport.http.preemptiveAuth." + DERIVED));
    }

    @Test
    void settingsOfTheDerivedIdItselfWin() {
        Map<String, Object> config = new HashMap<>();
        config.put("aether.transport.http.headers.codeartifact", Map.of("X-Tenant", "builds"));
        config.put("aether.transport.http.headers." + DERIVED, Map.of("X-Tenant", "own"));

        PrefixFileRepositoryId.inheritSettings(config, DERIVED);

        assertEquals(Map.of("X-Tenant", "own"), config.get("aether.transport.http.headers." + DERIVED));
    }
}
