package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenProviderChainTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final String ROLE = "arn:aws:iam::111122223333:role/publisher";

    @TempDir
    Path home;

    private Path dir() {
        return home.resolve("tokens");
    }

    private ExtensionConfig config(Map<String, String> env, String... properties) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("codeartifact.cacheDir", dir().toString());
        for (int i = 0; i < properties.length; i += 2) {
            props.put(properties[i], properties[i + 1]);
        }
        return ExtensionConfig.from(env, props);
    }

    @Test
    void theAwsProvidersAreCachedOnDiskAndTheVariablesAreNot() throws Exception {
        ExtensionConfig config = config(new HashMap<>(), "codeartifact.roleArn", ROLE);
        try (TokenChains chains = TokenChains.create(config)) {
            TokenProviderChain chain = chains.forDomain(ACME);
            assertEquals(4, chain.size());
            assertInstanceOf(EnvironmentTokenProvider.class, chain.provider(0));
            assertInstanceOf(EnvironmentTokenProvider.class, chain.provider(1));
            assertInstanceOf(DiskCachedTokenProvider.class, chain.provider(2));
            assertInstanceOf(DiskCachedTokenProvider.class, chain.provider(3));
            assertEquals("codeartifact:GetAuthorizationToken with the default AWS credentials",
                    chain.provider(2).describe());
            String role = chain.provider(3).describe();
            assertTrue(role.startsWith("sts:AssumeRole on " + ROLE), role);
        }
        assertFalse(Files.exists(dir()), "building the chain creates nothing");
    }

    @Test
    void aBlankVariableIsReportedAsSuchNotAsUnset() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("POETRY_AWS_PLUGIN_AUTH_TOKEN", " \n");
        try (TokenChains chains = TokenChains.create(config(env))) {
            TokenProviderChain chain = chains.forDomain(ACME);
            TokenProviderException blank =
                    org.junit.jupiter.api.Assertions.assertThrows(TokenProviderException.class,
                            () -> chain.provider(0).fetch(ACME));
            assertEquals("set, but empty or only whitespace, so ignored", blank.getMessage());
            TokenProviderException unset =
                    org.junit.jupiter.api.Assertions.assertThrows(TokenProviderException.class,
                            () -> chain.provider(1).fetch(ACME));
            assertEquals("not set", unset.getMessage());
        }
    }

    @Test
    void withoutARoleTheRoleProviderIsLeftBare() throws Exception {
        try (TokenChains chains = TokenChains.create(config(new HashMap<>()))) {
            TokenProviderChain chain = chains.forDomain(ACME);
            assertInstanceOf(DiskCachedTokenProvider.class, chain.provider(2));
            assertInstanceOf(AssumeRoleTokenProvider.class, chain.provider(3));
        }
    }

    @Test
    void cacheFalseWrapsNothingAndCreatesNoDirectory() throws Exception {
        try (TokenChains chains = TokenChains.create(
                config(new HashMap<>(), "codeartifact.cache", "false", "codeartifact.roleArn", ROLE))) {
            TokenProviderChain chain = chains.forDomain(ACME);
            assertInstanceOf(GetAuthorizationTokenProvider.class, chain.provider(2));
            assertInstanceOf(AssumeRoleTokenProvider.class, chain.provider(3));
        }
        assertFalse(Files.exists(dir()));
    }

    @Test
    void tokensFromVariablesAreNeverWrittenToDisk() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("POETRY_AWS_PLUGIN_AUTH_TOKEN", "poetry-token-value");
        env.put("CODEARTIFACT_AUTH_TOKEN", "codeartifact-token-value");
        // A cache directory that already exists, so that a write would have somewhere to go.
        Files.createDirectories(dir());
        try (TokenCache cache = new TokenCache(TokenChains.create(config(env)), Clock.systemUTC())) {
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
}
