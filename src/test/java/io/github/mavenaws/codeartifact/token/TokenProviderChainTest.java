package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain walks its sources, remembers the winner, owns the refusal policy; and how the product's is assembled. */
class TokenProviderChainTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final DomainKey OTHER = DomainKey.of("other-2", "444455556666", "eu-west-1");
    private static final String ROLE = "arn:aws:iam::111122223333:role/publisher";

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

    private CountingTokenProvider provider(String name, boolean refreshable) {
        return new CountingTokenProvider(name, refreshable, clock);
    }

    private static TokenProviderChain chain(TokenProvider... providers) {
        return new TokenProviderChain(Arrays.asList(providers));
    }

    @Test
    void theWinnerIsRememberedSoARenewalAsksItFirst() throws Exception {
        CountingTokenProvider env = provider("env", false);
        env.failure = "not set";
        CountingTokenProvider aws = provider("aws", true);
        TokenProviderChain chain = chain(env, aws);

        assertEquals("aws-acme-1", chain.resolve(ACME).value());
        assertEquals("aws-acme-2", chain.resolve(ACME).value(), "a renewal, not a refusal");
        assertEquals(1, env.calls.get(), "the losers are not asked again");
    }

    @Test
    void eachDomainWalksOnItsOwn() throws Exception {
        CountingTokenProvider env = provider("env", false);
        CountingTokenProvider aws = provider("aws", true);
        TokenProviderChain chain = chain(env, aws);

        AuthorizationToken acme = chain.resolve(ACME);
        chain.refused(ACME, acme);

        assertEquals("aws", chain.resolve(ACME).source());
        assertEquals("env", chain.resolve(OTHER).source(), "a refusal for one domain moves no other");
    }

    @Test
    void theRefusalPolicyDropsAVariableAtOnceAndAnAwsSourceAfterAFreshTokenToo() throws Exception {
        CountingTokenProvider env = provider("environment variable X", false);
        CountingTokenProvider direct = provider("GetAuthorizationToken", true);
        CountingTokenProvider role = provider("AssumeRole", true);
        TokenProviderChain chain = chain(env, direct, role);

        chain.refused(ACME, chain.resolve(ACME));
        AuthorizationToken first = chain.resolve(ACME);
        chain.refused(ACME, first);
        chain.refused(ACME, first); // transfers that failed together: one refusal
        AuthorizationToken fresh = chain.resolve(ACME);
        chain.refused(ACME, fresh);
        AuthorizationToken fromRole = chain.resolve(ACME);
        chain.refused(ACME, fromRole);
        chain.refused(ACME, chain.resolve(ACME));

        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class, () -> chain.resolve(ACME));
        assertSame(failure, assertThrows(TokenUnavailableException.class, () -> chain.resolve(ACME)));
        assertEquals(Arrays.asList(
                "environment variable X: its token was refused by the repository (HTTP 401/403)",
                "GetAuthorizationToken: its tokens were refused by the repository (HTTP 401/403), a freshly fetched"
                        + " one too",
                "AssumeRole: its tokens were refused by the repository (HTTP 401/403), a freshly fetched one too"),
                failure.attempts());
        assertEquals(1, env.calls.get());
        assertEquals(2, direct.calls.get());
        assertEquals(2, role.calls.get());
        assertEquals(2, direct.refused.size(), "the issuer is told once per refused token");
    }

    @Test
    void aTokenThatServedAndIsThenRefusedIsSpentNotDenied() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        CountingTokenProvider role = provider("role", true);
        TokenProviderChain chain = chain(aws, role);

        // a stale disk token, refused at its first use: that counts
        chain.refused(ACME, chain.resolve(ACME));
        // its fresh successor serves, then is revoked mid-build: that does not
        AuthorizationToken fresh = chain.resolve(ACME);
        chain.served(ACME, fresh);
        chain.refused(ACME, fresh);

        AuthorizationToken third = chain.resolve(ACME);
        assertEquals("aws-acme-3", third.value(), "the same source, asked again");
        assertEquals(0, role.calls.get());
        assertEquals(List.of("aws-acme-1", "aws-acme-2"), aws.refused.stream().map(AuthorizationToken::value).toList(),
                "both refused tokens are forgotten by their source (the disk entry goes)");
    }

    @Test
    void theFreeRefetchIsBoundedByEachTokenServingFirst() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        CountingTokenProvider role = provider("role", true);
        TokenProviderChain chain = chain(aws, role);

        for (int i = 0; i < 5; i++) {
            AuthorizationToken token = chain.resolve(ACME);
            chain.served(ACME, token);
            chain.refused(ACME, token);
        }
        assertEquals("aws", chain.resolve(ACME).source(), "tokens that served are never held against the source");

        // two tokens refused at their first use move the domain on, whatever served before
        chain.refused(ACME, chain.resolve(ACME));
        assertEquals("aws", chain.resolve(ACME).source());
        chain.refused(ACME, chain.resolve(ACME));
        assertEquals("role", chain.resolve(ACME).source());
    }

    @Test
    void servingAnOlderTokenDoesNotMakeTheCurrentOneFree() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        CountingTokenProvider role = provider("role", true);
        TokenProviderChain chain = chain(aws, role);

        AuthorizationToken first = chain.resolve(ACME);
        chain.refused(ACME, first);
        AuthorizationToken second = chain.resolve(ACME);
        chain.served(ACME, first); // a late report of a transfer that ran with the first token
        chain.refused(ACME, second);

        assertEquals("role", chain.resolve(ACME).source());
    }

    @Test
    void aVariablesTokenThatServedIsStillNotOfferedAgain() throws Exception {
        CountingTokenProvider env = provider("env", false);
        CountingTokenProvider aws = provider("aws", true);
        TokenProviderChain chain = chain(env, aws);

        AuthorizationToken token = chain.resolve(ACME);
        chain.served(ACME, token);
        chain.refused(ACME, token);

        assertEquals("aws", chain.resolve(ACME).source(), "asking the variable again gives the same spent token");
    }

    @Test
    void aSourceThatFailsIsReportedWithItsReasonAndTheRestAsNotTried() {
        CountingTokenProvider direct = provider("direct", true);
        direct.failure = "GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no";
        TokenProviderChain chain = chain(provider("env", false), direct);
        CountingTokenProvider env = (CountingTokenProvider) chain.providers().get(0);
        env.failure = "not set";

        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class, () -> chain.resolve(ACME));

        assertEquals(Arrays.asList("env: not set",
                "direct: GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no"), failure.attempts());
    }

    /** Records which sources the chains hand to the disk cache, and as whom. */
    @Test
    void aSourceThatThrowsARuntimeExceptionIsThatSourcesReasonAndTheNextIsAsked() throws Exception {
        TokenProvider broken = new TokenProvider() {
            @Override
            public String describe() {
                return "broken";
            }

            @Override
            public AuthorizationToken fetch(DomainKey key) {
                throw new IllegalStateException("Failed to refresh process-based credentials.",
                        new IllegalStateException("Command returned non-zero exit value (2) with error message:"
                                + " run acme-login first\n"));
            }

            @Override
            public boolean canRefresh() {
                return true;
            }
        };
        CountingTokenProvider next = provider("next", true);
        next.failure = "refused";
        TokenUnavailableException e = assertThrows(TokenUnavailableException.class,
                () -> chain(broken, next).resolve(ACME));
        assertEquals(List.of("broken: failed: credential_process exited with code 2; it said on stderr:\n"
                + "         | run acme-login first", "next: refused"), e.attempts());
    }

    @Test
    void sourcesNotReachedBeforeTheDeadlineAreSaidSo() throws Exception {
        CountingTokenProvider slow = provider("slow", true);
        slow.delayMillis = 50;
        slow.failure = "too slow";
        CountingTokenProvider next = provider("next", true);
        TokenUnavailableException e = assertThrows(TokenUnavailableException.class,
                () -> chain(slow, next).resolve(ACME, FetchDeadline.after(10_000_000L)));
        assertEquals("next: not tried: the time for getting a token (1 s) had run out", e.attempts().get(1));
        assertEquals(0, next.calls.get());
    }

    private static final class RecordingCache implements TokenProviderCache {
        final List<String> kept = new ArrayList<>();
        final List<AwsIdentity> identities = new ArrayList<>();

        @Override
        public TokenProvider cached(TokenProvider provider, AwsIdentity identity) {
            kept.add(provider.describe());
            identities.add(identity);
            return provider;
        }
    }

    private ExtensionConfig config(Map<String, String> env, String... properties) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put("codeartifact.cacheDir", home.resolve("tokens").toString());
        for (int i = 0; i < properties.length; i += 2) {
            props.put(properties[i], properties[i + 1]);
        }
        return ExtensionConfig.from(env, props);
    }

    @Test
    void theProductsChainKeepsItsAwsSourcesAndNeverItsVariables() throws Exception {
        ExtensionConfig config = config(new HashMap<>(), "codeartifact.roleArn", ROLE);
        RecordingCache cache = new RecordingCache();
        try (TokenChains chains = TokenChains.create(config, cache)) {
            List<TokenProvider> providers = chains.forDomain(ACME).providers();
            assertEquals(4, providers.size());
            assertInstanceOf(EnvironmentTokenProvider.class, providers.get(0));
            assertInstanceOf(EnvironmentTokenProvider.class, providers.get(1));
            assertEquals("codeartifact:GetAuthorizationToken with the default AWS credentials",
                    providers.get(2).describe());
            assertTrue(providers.get(3).describe().startsWith("sts:AssumeRole on " + ROLE), providers.get(3).describe());
            assertEquals(Arrays.asList(providers.get(2).describe(), providers.get(3).describe()), cache.kept);
            assertEquals(Arrays.asList(config.aws(ACME).identity(), config.aws(ACME).roleIdentity()), cache.identities);
            assertSame(chains.forDomain(ACME), chains.forDomain(OTHER), "equal settings share one chain");
        }
        assertFalse(Files.exists(home.resolve("tokens")), "building the chain creates nothing");
    }

    @Test
    void withoutARoleTheRoleSourceIsNotKept() throws Exception {
        RecordingCache cache = new RecordingCache();
        try (TokenChains chains = TokenChains.create(config(new HashMap<>()), cache)) {
            List<TokenProvider> providers = chains.forDomain(ACME).providers();
            assertInstanceOf(AssumeRoleTokenProvider.class, providers.get(3));
            assertEquals(Arrays.asList(providers.get(2).describe()), cache.kept);
        }
    }

    @Test
    void aBlankVariableIsReportedAsSuchNotAsUnset() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("POETRY_AWS_PLUGIN_AUTH_TOKEN", " \n");
        try (TokenChains chains = TokenChains.create(config(env), TokenProviderCache.NONE)) {
            List<TokenProvider> providers = chains.forDomain(ACME).providers();
            TokenProviderException blank =
                    assertThrows(TokenProviderException.class, () -> providers.get(0).fetch(ACME));
            assertEquals("set, but empty or only whitespace, so ignored", blank.getMessage());
            TokenProviderException unset =
                    assertThrows(TokenProviderException.class, () -> providers.get(1).fetch(ACME));
            assertEquals("not set", unset.getMessage());
        }
    }

    @Test
    void closingTheChainsClosesWhatTheyShare() {
        int[] closed = {0};
        TokenChains chains = new TokenChains(key -> chain(provider("aws", true)), () -> closed[0]++);
        assertNotSame(chains.forDomain(ACME), chains.forDomain(OTHER), "the selector decides");
        chains.close();
        assertEquals(1, closed[0]);
    }
}
