package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.testing.MutableClock;
import io.github.mavenaws.codeartifact.testing.TestTokens;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final DomainKey OTHER = DomainKey.of("other-2", "444455556666", "eu-west-1");

    private final MutableClock clock = new MutableClock(NOW);

    private TokenCache cache(TokenProvider... providers) {
        return TestTokens.cache(clock, providers);
    }

    private CountingTokenProvider provider(String name, boolean refreshable) {
        return new CountingTokenProvider(name, refreshable, clock);
    }

    @Test
    void firstSuccessfulProviderWinsAndItsTokenIsShared() throws Exception {
        CountingTokenProvider env = provider("env", false);
        env.failure = "not set";
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(env, aws);

        AuthorizationToken first = cache.get(ACME);
        AuthorizationToken second = cache.get(ACME);

        assertSame(first, second);
        assertEquals("aws-acme-1", first.value());
        assertEquals(1, env.calls.get());
        assertEquals(1, aws.calls.get());
    }

    @Test
    void providersAfterTheWinnerAreNotAsked() throws Exception {
        // a role that may not be assumed must not stop direct credentials that can fetch a token
        CountingTokenProvider direct = provider("direct", true);
        CountingTokenProvider role = provider("role", true);
        role.failure = "AssumeRole refused: HTTP 403 AccessDenied";
        TokenCache cache = cache(direct, role);

        assertEquals("direct-acme-1", cache.get(ACME).value());
        assertEquals(0, role.calls.get());
    }

    @Test
    void eachDomainHasItsOwnToken() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(aws);

        assertEquals("aws-acme-1", cache.get(ACME).value());
        assertEquals("aws-other-2-2", cache.get(OTHER).value());
        assertEquals("aws-acme-1", cache.get(ACME).value());
        assertEquals(2, aws.calls.get());
    }

    @Test
    void concurrentCallersForOneDomainCauseOneFetch() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        aws.delayMillis = 200;
        TokenCache cache = cache(aws);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<AuthorizationToken>> results = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            DomainKey key = i % 2 == 0 ? ACME : OTHER;
            results.add(pool.submit(() -> {
                start.await();
                return cache.get(key);
            }));
        }
        start.countDown();
        List<String> values = new ArrayList<>();
        for (Future<AuthorizationToken> result : results) {
            values.add(result.get(10, TimeUnit.SECONDS).value());
        }
        pool.shutdownNow();

        assertEquals(2, aws.calls.get(), "one fetch per domain");
        assertEquals(2, values.stream().distinct().count());
    }

    @Test
    void refusedEnvironmentTokenIsNotOfferedAgain() throws Exception {
        CountingTokenProvider env = provider("env", false);
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(env, aws);

        AuthorizationToken fromEnv = cache.get(ACME);
        cache.refused(ACME, fromEnv);
        AuthorizationToken next = cache.get(ACME);

        assertEquals("env", fromEnv.source());
        assertEquals("aws", next.source());
        assertEquals(1, env.calls.get());
    }

    @Test
    void refusedAwsTokenIsFetchedAfreshOnceThenTheChainMovesOn() throws Exception {
        CountingTokenProvider direct = provider("direct", true);
        CountingTokenProvider role = provider("role", true);
        TokenCache cache = cache(direct, role);

        AuthorizationToken first = cache.get(ACME);
        cache.refused(ACME, first);
        AuthorizationToken fresh = cache.get(ACME);
        cache.refused(ACME, fresh);
        AuthorizationToken fromRole = cache.get(ACME);

        assertEquals("direct-acme-1", first.value());
        assertEquals("direct-acme-2", fresh.value());
        assertEquals("role-acme-1", fromRole.value());
    }

    @Test
    void theIssuerIsToldOnceOfEachRefusedTokenBeforeTheNextFetch() throws Exception {
        CountingTokenProvider env = provider("env", false);
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(env, aws);

        AuthorizationToken fromEnv = cache.get(ACME);
        cache.refused(ACME, fromEnv);
        cache.refused(ACME, fromEnv);
        AuthorizationToken fromAws = cache.get(ACME);
        cache.refused(ACME, fromAws);

        assertEquals(Arrays.asList(fromEnv), env.refused);
        assertEquals(Arrays.asList(fromAws), aws.refused);
    }

    @Test
    void aProviderFailingToForgetARefusedTokenDoesNotBreakTheRefusal() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        aws.refusalFailure = new IllegalStateException("disk full");
        TokenCache cache = cache(aws);

        AuthorizationToken first = cache.get(ACME);
        cache.refused(ACME, first);

        assertEquals("aws-acme-2", cache.get(ACME).value());
    }

    @Test
    void refusalsOfAReplacedTokenAreIgnoredSoFailuresTogetherCauseOneRefresh() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(aws);

        AuthorizationToken stale = cache.get(ACME);
        for (int i = 0; i < 5; i++) {
            cache.refused(ACME, stale);
        }
        AuthorizationToken fresh = cache.get(ACME);
        cache.refused(ACME, stale);

        assertSame(fresh, cache.get(ACME));
        assertEquals(2, aws.calls.get());
    }

    @Test
    void whenEveryProviderIsRefusedTheFailureNamesEachStepAndIsKept() throws Exception {
        CountingTokenProvider env = provider("environment variable X", false);
        CountingTokenProvider aws = provider("GetAuthorizationToken", true);
        CountingTokenProvider role = provider("AssumeRole", true);
        role.failure = "POETRY_AWS_PLUGIN_ROLE_ARN not set";
        TokenCache cache = cache(env, aws, role);

        cache.refused(ACME, cache.get(ACME));
        cache.refused(ACME, cache.get(ACME));
        cache.refused(ACME, cache.get(ACME));
        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class, () -> cache.get(ACME));
        TokenUnavailableException again = assertThrows(TokenUnavailableException.class, () -> cache.get(ACME));

        assertSame(failure, again, "no further AWS calls after the chain ran dry");
        assertEquals(2, aws.calls.get());
        assertEquals(1, role.calls.get());
        String message = failure.messageFor("https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/r/");
        assertTrue(message.contains("https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/r/"));
        assertTrue(message.contains("domain acme, owner 111122223333, region us-west-2"), message);
        assertTrue(message.contains("1. environment variable X: its token was refused"), message);
        assertTrue(message.contains("2. GetAuthorizationToken: its tokens were refused"), message);
        assertTrue(message.contains("3. AssumeRole: POETRY_AWS_PLUGIN_ROLE_ARN not set"), message);
        assertTrue(message.contains("To fix it"), message);
    }

    @Test
    void providerFailuresAreReportedWithTheirReasons() {
        CountingTokenProvider env = provider("env", false);
        env.failure = "not set";
        CountingTokenProvider aws = provider("aws", true);
        aws.failure = "GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no";
        TokenCache cache = cache(env, aws);

        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class, () -> cache.get(ACME));

        assertEquals(
                Arrays.asList("env: not set", "aws: GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no"),
                failure.attempts());
    }

    @Test
    void aTokenNearItsExpiryIsReplacedFromTheSameProviderWithoutCountingAsARefusal() throws Exception {
        CountingTokenProvider direct = provider("direct", true);
        direct.lifetime = Duration.ofMinutes(30);
        CountingTokenProvider role = provider("role", true);
        TokenCache cache = cache(direct, role);

        AuthorizationToken first = cache.get(ACME);
        clock.set(NOW.plus(Duration.ofMinutes(19)));
        assertSame(first, cache.get(ACME), "11 of 30 minutes left: before the prefetch time (the last third)");
        clock.set(NOW.plus(Duration.ofMinutes(21)));
        AuthorizationToken second = cache.get(ACME);
        assertNotSame(first, second);
        assertSame(second, cache.get(ACME), "the renewed token is kept: no fetch on every call");
        assertSame(second, cache.get(ACME));
        assertEquals(2, direct.calls.get());
        cache.refused(ACME, second);
        AuthorizationToken third = cache.get(ACME);

        assertEquals("direct", second.source());
        assertEquals("direct", third.source(), "the expiry was not a refusal, so one fresh fetch remains");
        assertEquals(0, role.calls.get());
    }

    @Test
    void aShortTokenIsRenewedInProportionToItsLifetime() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        aws.lifetime = Duration.ofSeconds(900);
        TokenCache cache = cache(aws);

        AuthorizationToken first = cache.get(ACME);
        clock.set(NOW.plus(Duration.ofMinutes(9)));
        assertSame(first, cache.get(ACME), "6 of 15 minutes left: a fixed 15-minute margin would refetch now");
        clock.set(NOW.plus(Duration.ofMinutes(11)));
        assertNotSame(first, cache.get(ACME));
        assertEquals(2, aws.calls.get());
    }

    @Test
    void aFailedRenewalKeepsServingTheCurrentTokenUntilItIsStale() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(aws);
        AuthorizationToken first = cache.get(ACME);

        aws.failure = "GetAuthorizationToken failed: AWS did not answer in time";
        clock.set(first.expiration().get().minus(Duration.ofMinutes(10)));
        assertSame(first, cache.get(ACME), "past the prefetch time, before the stale time");
        clock.set(first.expiration().get().minus(Duration.ofMinutes(4)));
        TokenUnavailableException stale = assertThrows(TokenUnavailableException.class, () -> cache.get(ACME));
        assertTrue(stale.getMessage().contains("did not answer in time"), stale.getMessage());
    }

    @Test
    void whileOneCallerRenewsTheOthersGoOnWithTheCurrentToken() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        TokenCache cache = cache(aws);
        AuthorizationToken first = cache.get(ACME);
        clock.set(first.expiration().get().minus(Duration.ofMinutes(10)));
        aws.delayMillis = 1000;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<AuthorizationToken> renewing = pool.submit(() -> cache.get(ACME));
        while (aws.calls.get() < 2) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        assertSame(first, cache.get(ACME), "not blocked by the renewal");
        assertTrue(System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(500));
        AuthorizationToken renewed = renewing.get(10, TimeUnit.SECONDS);
        pool.shutdownNow();
        assertNotSame(first, renewed);
        assertSame(renewed, cache.get(ACME));
    }

    @Test
    void closedCacheRefusesWork() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        TokenCache cache = TestTokens.cache(clock, closed::incrementAndGet, provider("aws", true));
        cache.close();
        cache.close();
        assertEquals(1, closed.get());
        assertThrows(IllegalStateException.class, () -> cache.get(ACME));
    }
}
