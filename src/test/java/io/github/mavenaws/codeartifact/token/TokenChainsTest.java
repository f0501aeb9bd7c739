package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each domain's chain follows its own settings; equal settings share one; a region is never refused. */
class TokenChainsTest {
    private static final String BUILD_ROLE = "arn:aws:iam::111122223333:role/reader";
    private static final String OTHER_ROLE = "arn:aws:iam::444455556666:role/other-reader";
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final DomainKey ACME_EU = DomainKey.of("acme", "111122223333", "eu-west-1");
    private static final DomainKey OTHER = DomainKey.of("other", "444455556666", "us-east-1");
    private static final DomainKey THIRD = DomainKey.of("third", "777788889999", "us-east-1");

    @TempDir
    Path home;

    private ExtensionConfig config(String... properties) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("codeartifact.cacheDir", home.resolve("tokens").toString());
        for (int i = 0; i < properties.length; i += 2) {
            props.put(properties[i], properties[i + 1]);
        }
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), "[profile other-account]\nregion = us-east-1\n");
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        return ExtensionConfig.from(env, props);
    }

    @Test
    void aDomainWithItsOwnRoleAndProfileGetsItsOwnChainAndCacheIdentity() throws Exception {
        ExtensionConfig config = config("codeartifact.roleArn", BUILD_ROLE,
                "codeartifact.other-444455556666.roleArn", OTHER_ROLE,
                "codeartifact.other-444455556666.profile", "other-account");
        try (TokenChains chains = TokenChains.create(config, TokenProviderCache.NONE)) {
            TokenProviderChain acme = chains.forDomain(ACME);
            TokenProviderChain other = chains.forDomain(OTHER);
            assertNotSame(acme, other);
            assertSame(acme, chains.forDomain(ACME_EU), "one domain, every region: the same settings");
            assertSame(acme, chains.forDomain(THIRD), "no override: the build-wide chain");

            assertTrue(acme.providers().get(3).describe().startsWith("sts:AssumeRole on " + BUILD_ROLE
                    + " (codeartifact.roleArn)"), acme.providers().get(3).describe());
            assertTrue(other.providers().get(3).describe().startsWith("sts:AssumeRole on " + OTHER_ROLE
                    + " (codeartifact.other-444455556666.roleArn) with AWS profile 'other-account'"),
                    other.providers().get(3).describe());
            assertEquals("codeartifact:GetAuthorizationToken with AWS profile 'other-account'"
                    + " (codeartifact.other-444455556666.profile)", other.providers().get(2).describe());
            // the disk cache keys tokens by the principal that fetched them
            assertNotEquals(config.aws(ACME).identity(), config.aws(OTHER).identity());
            assertNotEquals(config.aws(ACME).roleIdentity(), config.aws(OTHER).roleIdentity());
            String otherRole = config.aws(OTHER).roleIdentity().toString();
            assertTrue(otherRole.contains("role " + OTHER_ROLE + " assumed with profile other-account"), otherRole);
        }
    }

    @Test
    void twoDomainsWithTheSameProfileEachNameTheirOwnProperty() throws Exception {
        ExtensionConfig config = config("codeartifact.acme-111122223333.profile", "other-account",
                "codeartifact.other-444455556666.profile", "other-account");
        try (TokenChains chains = TokenChains.create(config, TokenProviderCache.NONE)) {
            assertEquals("codeartifact:GetAuthorizationToken with AWS profile 'other-account'"
                    + " (codeartifact.acme-111122223333.profile)", chains.forDomain(ACME).providers().get(2).describe());
            assertEquals("codeartifact:GetAuthorizationToken with AWS profile 'other-account'"
                    + " (codeartifact.other-444455556666.profile)", chains.forDomain(OTHER).providers().get(2).describe());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ca-central-1", "sa-east-1", "us-gov-west-1", "cn-north-1", "xx-east-9"})
    void aRegionWithoutCodeArtifactStillGetsItsChainAndAHintWhenNoTokenComes(String region) throws Exception {
        DomainKey key = DomainKey.of("acme", "111122223333", region);
        try (TokenChains chains = TokenChains.create(config(), TokenProviderCache.NONE)) {
            // the SDK's list may be older than a region's launch: never refuse for it
            assertEquals(4, chains.forDomain(key).providers().size());
        }
        String url = "https://acme-111122223333.d.codeartifact." + region + ".amazonaws.com/maven/releases/";
        String message = new TokenUnavailableException(key, java.util.List.of("1: no")).messageFor(url);
        assertTrue(message.startsWith("No AWS CodeArtifact token for " + url), message);
        assertTrue(message.contains("does not know AWS CodeArtifact in region " + region), message);
        assertTrue(message.contains("us-west-2") && message.contains("eu-central-1"), message);
        assertTrue(message.contains("correct the region in the repository URL"), message);
    }

    @Test
    void aRegionOfCodeArtifactGetsNoHint() {
        String message = new TokenUnavailableException(ACME, java.util.List.of("1: no")).messageFor("https://x/");
        assertTrue(!message.contains("does not know AWS CodeArtifact"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-south-1"})
    void theRegionsOfCodeArtifactGetAChain(String region) throws Exception {
        try (TokenChains chains = TokenChains.create(config(), TokenProviderCache.NONE)) {
            assertEquals(4, chains.forDomain(DomainKey.of("acme", "111122223333", region)).providers().size());
        }
    }
}
