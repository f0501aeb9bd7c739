package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.testing.MutableClock;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.FetchDeadline;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiskTokenCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final DomainKey OTHER = DomainKey.of("other-2", "444455556666", "eu-west-1");
    private static final AwsIdentity DEV = identity("AWS_PROFILE", "dev");
    private static final AwsIdentity PROD = identity("AWS_PROFILE", "prod");
    private static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(NOW);

    private Path dir() {
        return home.resolve("m2").resolve("codeartifact-tokens");
    }

    private static AwsIdentity identity(String... env) {
        Map<String, String> environment = new HashMap<>();
        environment.put("HOME", "/home/alice");
        for (int i = 0; i < env.length; i += 2) {
            environment.put(env[i], env[i + 1]);
        }
        return AwsIdentity.defaultCredentials(environment, Collections.emptyMap());
    }

    /** A fresh decorator and store over the test's directory: what another build or process would build. */
    private DiskTokenCache cached(TokenProvider provider, AwsIdentity identity) {
        return cached(provider, identity, Duration.ofSeconds(10));
    }

    private DiskTokenCache cached(TokenProvider provider, AwsIdentity identity, Duration lockTimeout) {
        return new DiskTokenCache(provider, identity, new DiskTokenStore(dir(), lockTimeout), new RefreshPolicy(clock));
    }

    /** Issues numbered tokens valid for 12 hours from the clock's now, counting calls. */
    private CountingTokenProvider provider(String name) {
        CountingTokenProvider provider = new CountingTokenProvider(name, true, clock);
        provider.description = "codeartifact:GetAuthorizationToken as " + name;
        return provider;
    }

    private List<Path> files() throws IOException {
        if (!Files.exists(dir())) {
            return Collections.emptyList();
        }
        try (Stream<Path> files = Files.list(dir())) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private Path tokenFile() throws IOException {
        List<Path> tokens = files().stream()
                .filter(f -> f.getFileName().toString().endsWith(".token"))
                .collect(Collectors.toList());
        assertEquals(1, tokens.size(), "token files: " + files());
        return tokens.get(0);
    }

    @Test
    void aMissFetchesAndStoresAndTheNextProcessIsServedFromDiskWithTheOriginalSource() throws Exception {
        CountingTokenProvider first = provider("dev");
        AuthorizationToken fetched = cached(first, DEV).fetch(ACME);

        CountingTokenProvider second = provider("dev");
        AuthorizationToken fromDisk = cached(second, DEV).fetch(ACME);

        assertEquals(1, first.calls.get());
        assertEquals(0, second.calls.get(), "a hit makes no call");
        assertEquals(fetched.value(), fromDisk.value());
        assertEquals(fetched.expiration(), fromDisk.expiration());
        assertEquals("codeartifact:GetAuthorizationToken as dev", fromDisk.source());
        assertEquals(first.describe(), cached(first, DEV).describe(), "the decorator describes its delegate");
        assertTrue(cached(first, DEV).canRefresh());
    }

    @Test
    void aTokenWithLessThanFifteenMinutesLeftIsFetchedAfreshAndReplacesTheEntry() throws Exception {
        CountingTokenProvider aws = provider("dev");
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);

        clock.set(NOW.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(16)));
        assertEquals(first.value(), cached(aws, DEV).fetch(ACME).value(), "16 minutes left: still served");
        clock.set(NOW.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(14)));
        AuthorizationToken second = cached(aws, DEV).fetch(ACME);

        assertNotEquals(first.value(), second.value());
        assertEquals(2, aws.calls.get());
        assertEquals(second.value(), cached(provider("dev"), DEV).fetch(ACME).value());
    }

    @Test
    void anExpiredTokenIsNeverServed() throws Exception {
        CountingTokenProvider aws = provider("dev");
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);
        clock.set(NOW.plus(Duration.ofHours(12)));

        assertNotEquals(first.value(), cached(aws, DEV).fetch(ACME).value());
        assertEquals(2, aws.calls.get());
    }

    @Test
    void aFetchedTokenThatWouldNotBeServedIsNotStored() throws Exception {
        CountingTokenProvider aws = provider("dev");
        aws.lifetime = Duration.ofMinutes(10);
        aws.issueTimeKnown = false; // 10 minutes left of an unknown lifetime: within the 15-minute cap
        cached(aws, DEV).fetch(ACME);
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".token")), files().toString());
    }

    @Test
    void aFifteenMinuteTokenIsStoredAndServedForTwoThirdsOfItsLife() throws Exception {
        CountingTokenProvider aws = provider("dev");
        aws.lifetime = Duration.ofSeconds(900);
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);

        clock.set(NOW.plus(Duration.ofMinutes(9)));
        CountingTokenProvider next = provider("dev");
        assertEquals(first.value(), cached(next, DEV).fetch(ACME).value(), "6 of 15 minutes left: served");
        assertEquals(0, next.calls.get());
        clock.set(NOW.plus(Duration.ofMinutes(11)));
        cached(next, DEV).fetch(ACME);
        assertEquals(1, next.calls.get(), "4 minutes left: renewed");
    }

    @Test
    void eachIdentityAndDomainHasItsOwnEntry() throws Exception {
        CountingTokenProvider dev = provider("dev");
        CountingTokenProvider prod = provider("prod");

        String devToken = cached(dev, DEV).fetch(ACME).value();
        String prodToken = cached(prod, PROD).fetch(ACME).value();
        String devOther = cached(dev, DEV).fetch(OTHER).value();

        assertEquals(devToken, cached(dev, DEV).fetch(ACME).value());
        assertEquals(prodToken, cached(prod, PROD).fetch(ACME).value());
        assertEquals(devOther, cached(dev, DEV).fetch(OTHER).value());
        assertEquals(2, dev.calls.get());
        assertEquals(1, prod.calls.get());
        assertEquals(3, files().stream().filter(f -> f.toString().endsWith(".token")).count());
    }

    @Test
    void filesAreNamedByHashAndHoldNeitherTheAccessKeyIdNorAnyTemporaryFile() throws Exception {
        AwsIdentity keyed = identity("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        CountingTokenProvider aws = provider("key");
        for (int i = 0; i < 5; i++) {
            clock.set(NOW.plus(Duration.ofHours(12 * i)));
            cached(aws, keyed).fetch(ACME);
        }

        assertEquals(5, aws.calls.get());
        List<Path> files = files();
        assertEquals(2, files.size(), files.toString());
        for (Path file : files) {
            String name = file.getFileName().toString();
            assertTrue(name.matches("[0-9a-f]{64}\\.(token|lock)"), name);
            assertFalse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8).contains(ACCESS_KEY_ID));
        }
    }

    @Test
    void theDirectoryIsOwnerOnlyAndSoAreItsFiles() throws Exception {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
        cached(provider("dev"), DEV).fetch(ACME);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir())));
        for (Path file : files()) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    file.toString());
        }
        assertEquals(2, files().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"empty", "garbage", "binary", "truncated", "wrong-version", "foreign", "huge", "latin1"})
    void aDamagedOrForeignEntryIsIgnoredAndReplaced(String damage) throws Exception {
        CountingTokenProvider aws = provider("dev");
        String original = cached(aws, DEV).fetch(ACME).value();
        Path file = tokenFile();
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        byte[] damaged;
        switch (damage) {
            case "empty":
                damaged = new byte[0];
                break;
            case "garbage":
                damaged = "this is not a token file\n".getBytes(StandardCharsets.UTF_8);
                break;
            case "binary":
                damaged = new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\n'};
                break;
            case "truncated":
                damaged = text.substring(0, text.length() - 10).getBytes(StandardCharsets.UTF_8);
                break;
            case "wrong-version":
                damaged = text.replace("version=2", "version=3").getBytes(StandardCharsets.UTF_8);
                break;
            case "foreign":
                damaged = text.replace("domain=acme", "domain=other").getBytes(StandardCharsets.UTF_8);
                break;
            case "huge":
                damaged = (text + "#" + "x".repeat(70_000) + "\n").getBytes(StandardCharsets.UTF_8);
                break;
            case "latin1":
                damaged = text.replace("token=", "token=\u00e9").getBytes(StandardCharsets.ISO_8859_1);
                break;
            default:
                throw new AssertionError(damage);
        }
        Files.write(file, damaged);

        String replacement = cached(aws, DEV).fetch(ACME).value();

        assertNotEquals(original, replacement);
        assertEquals(2, aws.calls.get());
        assertEquals(replacement, cached(provider("dev"), DEV).fetch(ACME).value(), "replaced");
    }

    @Test
    void anotherIdentitysEntryCopiedInPlaceIsIgnored() throws Exception {
        cached(provider("prod"), PROD).fetch(ACME);
        Path prodFile = tokenFile();
        Files.move(prodFile, home.resolve("prod.token"));
        CountingTokenProvider dev = provider("dev");
        cached(dev, DEV).fetch(ACME);
        Path devFile = tokenFile();
        Files.copy(home.resolve("prod.token"), devFile, StandardCopyOption.REPLACE_EXISTING);

        assertEquals("dev-acme-2", cached(dev, DEV).fetch(ACME).value());
    }

    @Test
    void anUnreadableEntryIsIgnored() throws Exception {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
        CountingTokenProvider aws = provider("dev");
        cached(aws, DEV).fetch(ACME);
        Path file = tokenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads any file; the directory test below covers this case");

        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value(), "replaced by a readable entry");
    }

    @Test
    void aDirectoryInPlaceOfTheEntryIsIgnoredAndTheTokenStillServed() throws Exception {
        CountingTokenProvider aws = provider("dev");
        cached(aws, DEV).fetch(ACME);
        Path file = tokenFile();
        Files.delete(file);
        Files.createDirectory(file);
        Files.write(file.resolve("inside"), new byte[] {1});

        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
        assertEquals("dev-acme-3", cached(aws, DEV).fetch(ACME).value(),
                "cannot be replaced, so every fetch misses");
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".tmp")), files().toString());
    }

    @Test
    void aCacheDirectoryThatCannotBeCreatedCostsTheCacheNotTheToken() throws Exception {
        Files.createDirectories(home.resolve("m2"));
        Files.write(dir(), new byte[] {1});
        CountingTokenProvider aws = provider("dev");

        assertEquals("dev-acme-1", cached(aws, DEV).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
    }

    @Test
    void aRefusedTokenIsForgottenSoNoProcessIsServedItAgain() throws Exception {
        CountingTokenProvider aws = provider("dev");
        DiskTokenCache provider = cached(aws, DEV);
        AuthorizationToken first = provider.fetch(ACME);

        provider.refused(ACME, first);

        assertEquals(Collections.singletonList(first), aws.refused, "the delegate is told too");
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".token")), files().toString());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
    }

    @Test
    void aRefusalOfAnAlreadyReplacedTokenKeepsTheNewerEntry() throws Exception {
        CountingTokenProvider aws = provider("dev");
        AuthorizationToken old = cached(aws, DEV).fetch(ACME);
        clock.set(NOW.plus(Duration.ofHours(12)));
        AuthorizationToken current = cached(aws, DEV).fetch(ACME);

        cached(aws, DEV).refused(ACME, old);

        assertEquals(current.value(), cached(provider("dev"), DEV).fetch(ACME).value());
    }

    @Test
    void aFailingDelegateStoresNothingAndReleasesTheLock() throws Exception {
        CountingTokenProvider aws = provider("dev");
        aws.failure = "GetAuthorizationToken refused: HTTP 403 AccessDeniedException";
        DiskTokenCache provider = cached(aws, DEV, Duration.ofSeconds(30));

        TokenProviderException e = assertThrows(TokenProviderException.class, () -> provider.fetch(ACME));
        assertEquals(aws.failure, e.getMessage());
        aws.failure = null;
        long start = System.nanoTime();
        assertEquals("dev-acme-2", provider.fetch(ACME).value());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the lock was released");
    }

    @Test
    void aLockHeldTooLongIsWaitedForBoundedlyThenDoneWithout() throws Exception {
        CountingTokenProvider aws = provider("dev");
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);
        cached(aws, DEV).refused(ACME, first);
        Path lockFile = files().get(0);
        assertTrue(lockFile.toString().endsWith(".lock"), lockFile.toString());

        // A lock held elsewhere in this JVM looks to the store exactly like another process's lock.
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            long start = System.nanoTime();
            AuthorizationToken token = cached(aws, DEV, Duration.ofMillis(300)).fetch(ACME);
            long waited = System.nanoTime() - start;

            assertEquals("dev-acme-2", token.value());
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(300), "waited " + waited);
            assertTrue(waited < TimeUnit.SECONDS.toNanos(5), "waited " + waited);
        }
    }

    @Test
    void eightThreadsWithTheirOwnStoresFetchOneTokenBetweenThem() throws Exception {
        CountingTokenProvider aws = provider("dev");
        aws.delayMillis = 300;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DiskTokenCache provider = cached(aws, DEV);
            results.add(pool.submit(() -> {
                start.await();
                return provider.fetch(ACME).value();
            }));
        }
        start.countDown();
        List<String> values = new ArrayList<>();
        for (Future<String> result : results) {
            values.add(result.get(20, TimeUnit.SECONDS));
        }
        pool.shutdownNow();

        assertEquals(1, aws.calls.get());
        assertEquals(Collections.nCopies(8, "dev-acme-1"), values);
    }

    @Test
    void readingAMissingEntryCreatesNothing() {
        assertNull(new DiskTokenStore(dir(), Duration.ofSeconds(1)).read(ACME, DEV));
        assertFalse(Files.exists(dir()));
    }

    @Test
    void aHungHolderOfTheLockIsWaitedForHalfTheTimeLeftThenTheProcessFetchesItself() throws Exception {
        DiskTokenStore store = new DiskTokenStore(dir(), DiskTokenStore.DEFAULT_LOCK_TIMEOUT);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread hung = new Thread(() -> {
            try (DiskTokenStore.Lock lock = store.lock(ACME, DEV)) {
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        hung.start();
        try {
            assertTrue(held.await(10, TimeUnit.SECONDS));
            CountingTokenProvider aws = provider("aws");
            DiskTokenCache cache = new DiskTokenCache(aws, DEV, store, new RefreshPolicy(clock));
            long start = System.nanoTime();
            AuthorizationToken token = cache.fetch(ACME, FetchDeadline.after(TimeUnit.SECONDS.toNanos(2)));
            long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals("aws-acme-1", token.value());
            assertTrue(waitedMillis >= 900 && waitedMillis < 1900, "waited " + waitedMillis + " ms, not the 60 s lock timeout");
        } finally {
            release.countDown();
            hung.join();
        }
    }
}
