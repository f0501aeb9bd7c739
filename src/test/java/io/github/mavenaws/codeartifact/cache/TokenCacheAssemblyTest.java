package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's token path as {@link TokenCache#create} assembles it: variables first, and never on disk. */
class TokenCacheAssemblyTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");

    @TempDir
    Path home;

    private Path dir() {
        return home.resolve("tokens");
    }

    @Test
    void tokensFromVariablesAreNeverWrittenToDisk() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("POETRY_AWS_PLUGIN_AUTH_TOKEN", "poetry-token-value");
        env.put("CODEARTIFACT_AUTH_TOKEN", "codeartifact-token-value");
        Map<String, Object> props = new HashMap<>();
        props.put("codeartifact.cacheDir", dir().toString());
        // A cache directory that already exists, so that a write would have somewhere to go.
        Files.createDirectories(dir());
        try (TokenCache cache = TokenCache.create(ExtensionConfig.from(env, props))) {
            AuthorizationToken poetry = cache.get(ACME);
            cache.refused(ACME, poetry);
            AuthorizationToken codeartifact = cache.get(ACME);
            assertEquals("poetry-token-value", poetry.value());
            assertEquals("codeartifact-token-value", codeartifact.value());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(home)) {
            files = walk.filter(Files::isRegularFile).collect(Collectors.toList());
        }
        for (Path file : files) {
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertFalse(content.contains("token-value"), file.toString());
        }
        assertEquals(List.of(), files);
    }

    @Test
    void buildingTheCacheTouchesNoDisk() throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("codeartifact.cacheDir", dir().toString());
        TokenCache.create(ExtensionConfig.from(new HashMap<>(), props)).close();
        assertFalse(Files.exists(dir()));
    }
}
