package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdkAuthorizationHeaderTest {
    private static final AuthorizationToken TOKEN = new AuthorizationToken("tok3n", null, "test");

    private static Map<String, Object> tuned(Map<String, Object> maven, int java) {
        Map<String, Object> config = new HashMap<>(maven);
        new JdkAuthorizationHeader(java).tune(config, "ca", TOKEN);
        return config;
    }

    @Test
    void theJdkTransportChosenOnJava25GetsTheTokenAsAHeaderOfTheRepositoryOnly() {
        Map<String, Object> maven = new HashMap<>();
        maven.put("maven.resolver.transport", "jdk");
        maven.put("aether.transport.http.headers", Map.of("X-Team", "build"));

        Map<String, Object> on25 = tuned(maven, 25);
        Map<?, ?> headers = (Map<?, ?>) on25.get("aether.transport.http.headers.ca");
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("aws:tok3n".getBytes()),
                headers.get("Authorization"));
        assertEquals("build", headers.get("X-Team"), "the user's headers are kept");
        assertFalse(headers.toString().contains("tok3n"), headers.toString());
        assertEquals(Map.of("X-Team", "build"), on25.get("aether.transport.http.headers"), "other repositories");

        Map<String, Object> on17 = tuned(maven, 17);
        assertFalse(on17.containsKey("aether.transport.http.headers.ca"), "JDK 17 forwards it on redirects");
        maven.remove("maven.resolver.transport");
        Map<String, Object> apache = tuned(maven, 25);
        assertFalse(apache.containsKey("aether.transport.http.headers.ca"), "the Apache transport needs no header");
    }

    @Test
    void anAuthorizationHeaderOfTheUserWins() {
        Map<String, Object> maven = new HashMap<>();
        maven.put("maven.resolver.transport", "jdk");
        maven.put("aether.transport.http.headers.ca", Map.of("authorization", "Bearer mine"));

        Map<?, ?> headers = (Map<?, ?>) tuned(maven, 25).get("aether.transport.http.headers.ca");

        assertEquals(Map.of("authorization", "Bearer mine"), Map.copyOf(headers));
    }

    @Test
    void runningJavaIsTheRunningJavasFeatureVersion() {
        assertEquals(Runtime.version().feature(), JdkAuthorizationHeader.runningJava());
    }
}
