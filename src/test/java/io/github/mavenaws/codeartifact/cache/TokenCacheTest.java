package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderChain;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /** A provider that counts its calls and issues numbered tokens, or fails with a reason. */
    static final class CountingProvider implements TokenProvider {
        final String name;
        final boolean refreshable;
        final AtomicInteger calls = new AtomicInteger();
        final List<AuthorizationToken> refused = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile String failure;
        volatile Duration lifetime = Duration.ofHours(12);
        volatile long delayMillis;
        volatile RuntimeException refusalFailure;

        CountingProvider(String name, boolean refreshable) {
            this.name = name;
            this.refreshable = refreshable;
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
            int n = calls.incrementAndGet();
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (failure != null) {
                throw new TokenProviderException(failure);
            }
            return new AuthorizationToken(name + "-" + key.domain() + "-" + n, NOW.plus(lifetime), name);
        }

        @Override
        public boolean canRefresh() {
            return refreshable;
        }

        @Override
        public void refused(DomainKey key, AuthorizationToken token) {
            refused.add(token);
            if (refusalFailure != null) {
                throw refusalFailure;
            }
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private TokenCache cache(TokenProvider... providers) {
        return new TokenCache(new TokenProviderChain(Arrays.asList(providers), () -> {}), clock);
    }

    @Test
    void firstSuccessfulProviderWinsAndItsTokenIsShared() throws Exception {
        CountingProvider env = new CountingProvider("env", false);
        env.failure = "not set";
        CountingProvider aws = new CountingProvider("aws", true);
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
        CountingProvider direct = new CountingProvider("direct", true);
        CountingProvider role = new CountingProvider("role", true);
        role.failure = "AssumeRole refused: HTTP 403 AccessDenied";
        TokenCache cache = cache(direct, role);

        assertEquals("direct-acme-1", cache.get(ACME).value());
        assertEquals(0, role.calls.get());
    }

    @Test
    void eachDomainHasItsOwnToken() throws Exception {
        CountingProvider aws = new CountingProvider("aws", true);
        TokenCache cache = cache(aws);

        assertEquals("aws-acme-1", cache.get(ACME).value());
        assertEquals("aws-other-2-2", cache.get(OTHER).value());
        assertEquals("aws-acme-1", cache.get(ACME).value());
        assertEquals(2, aws.calls.get());
    }

    @Test
    void concurrentCallersForOneDomainCauseOneFetch() throws Exception {
        CountingProvider aws = new CountingProvider("aws", true);
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
        CountingProvider env = new CountingProvider("env", false);
        CountingProvider aws = new CountingProvider("aws", true);
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
        CountingProvider direct = new CountingProvider("direct", true);
        CountingProvider role = new CountingProvider("role", true);
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
        CountingProvider env = new CountingProvider("env", false);
        CountingProvider aws = new CountingProvider("aws", true);
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
        CountingProvider aws = new CountingProvider("aws", true);
        aws.refusalFailure = new IllegalStateException("disk full");
        TokenCache cache = cache(aws);

        AuthorizationToken first = cache.get(ACME);
        cache.refused(ACME, first);

        assertEquals("aws-acme-2", cache.get(ACME).value());
    }

    @Test
    void refusalsOfAReplacedTokenAreIgnoredSoFailuresTogetherCauseOneRefresh() throws Exception {
        CountingProvider aws = new CountingProvider("aws", true);
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
        CountingProvider env = new CountingProvider("environment variable X", false);
        CountingProvider aws = new CountingProvider("GetAuthorizationToken", true);
        CountingProvider role = new CountingProvider("AssumeRole", true);
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
        CountingProvider env = new CountingProvider("env", false);
        env.failure = "not set";
        CountingProvider aws = new CountingProvider("aws", true);
        aws.failure = "GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no";
        TokenCache cache = cache(env, aws);

        TokenUnavailableException failure = assertThrows(TokenUnavailableException.class, () -> cache.get(ACME));

        assertEquals(
                Arrays.asList("env: not set", "aws: GetAuthorizationToken refused: HTTP 403 AccessDeniedException: no"),
                failure.attempts());
    }

    @Test
    void aTokenNearItsExpiryIsReplacedFromTheSameProviderWithoutCountingAsARefusal() throws Exception {
        CountingProvider direct = new CountingProvider("direct", true);
        direct.lifetime = Duration.ofMinutes(30);
        CountingProvider role = new CountingProvider("role", true);
        TokenCache cache = cache(direct, role);

        AuthorizationToken first = cache.get(ACME);
        clock.now = NOW.plus(Duration.ofMinutes(24));
        assertSame(first, cache.get(ACME), "still 6 minutes left");
        clock.now = NOW.plus(Duration.ofMinutes(26));
        AuthorizationToken second = cache.get(ACME);
        cache.refused(ACME, second);
        AuthorizationToken third = cache.get(ACME);

        assertNotSame(first, second);
        assertEquals("direct", second.source());
        assertEquals("direct", third.source(), "the expiry was not a refusal, so one fresh fetch remains");
    }

    @Test
    void closedCacheRefusesWork() throws Exception {
        AtomicInteger closed = new AtomicInteger();
        TokenCache cache = new TokenCache(
                new TokenProviderChain(Arrays.asList(new CountingProvider("aws", true)), closed::incrementAndGet),
                clock);
        cache.close();
        cache.close();
        assertEquals(1, closed.get());
        assertThrows(IllegalStateException.class, () -> cache.get(ACME));
    }
}
