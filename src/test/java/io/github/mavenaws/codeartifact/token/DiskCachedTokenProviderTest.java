package io.github.mavenaws.codeartifact.token;

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

class DiskCachedTokenProviderTest {
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
    private DiskCachedTokenProvider cached(TokenProvider provider, AwsIdentity identity) {
        return cached(provider, identity, Duration.ofSeconds(10));
    }

    private DiskCachedTokenProvider cached(TokenProvider provider, AwsIdentity identity, Duration lockTimeout) {
        return new DiskCachedTokenProvider(provider, identity, new DiskTokenStore(dir(), lockTimeout), clock,
                DiskCachedTokenProvider.REFRESH_WINDOW);
    }

    /** Issues numbered tokens valid for {@link #lifetime} from the clock's now, counting calls. */
    final class CountingProvider implements TokenProvider {
        final String name;
        final AtomicInteger calls = new AtomicInteger();
        final List<AuthorizationToken> refused = new CopyOnWriteArrayList<>();
        volatile Duration lifetime = Duration.ofHours(12);
        volatile long delayMillis;
        volatile String failure;

        CountingProvider(String name) {
            this.name = name;
        }

        @Override
        public String describe() {
            return "codeartifact:GetAuthorizationToken as " + name;
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
            return new AuthorizationToken(
                    name + "-" + key.domain() + "-" + n, clock.instant().plus(lifetime), describe());
        }

        @Override
        public boolean canRefresh() {
            return true;
        }

        @Override
        public void refused(DomainKey key, AuthorizationToken token) {
            refused.add(token);
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
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
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
        CountingProvider first = new CountingProvider("dev");
        AuthorizationToken fetched = cached(first, DEV).fetch(ACME);

        CountingProvider second = new CountingProvider("dev");
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
        CountingProvider aws = new CountingProvider("dev");
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);

        clock.now = NOW.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(16));
        assertEquals(first.value(), cached(aws, DEV).fetch(ACME).value(), "16 minutes left: still served");
        clock.now = NOW.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(14));
        AuthorizationToken second = cached(aws, DEV).fetch(ACME);

        assertNotEquals(first.value(), second.value());
        assertEquals(2, aws.calls.get());
        assertEquals(second.value(), cached(new CountingProvider("dev"), DEV).fetch(ACME).value());
    }

    @Test
    void anExpiredTokenIsNeverServedWhateverTheWindow() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
        AuthorizationToken first = cached(aws, DEV).fetch(ACME);
        clock.now = NOW.plus(Duration.ofHours(12));
        DiskCachedTokenProvider noWindow = new DiskCachedTokenProvider(
                aws, DEV, new DiskTokenStore(dir(), Duration.ofSeconds(10)), clock, Duration.ZERO);

        assertNotEquals(first.value(), noWindow.fetch(ACME).value());
        assertEquals(2, aws.calls.get());
    }

    @Test
    void aFetchedTokenThatWouldNotBeServedIsNotStored() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
        aws.lifetime = Duration.ofMinutes(10);
        cached(aws, DEV).fetch(ACME);
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".token")), files().toString());
    }

    @Test
    void eachIdentityAndDomainHasItsOwnEntry() throws Exception {
        CountingProvider dev = new CountingProvider("dev");
        CountingProvider prod = new CountingProvider("prod");

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
        CountingProvider aws = new CountingProvider("key");
        for (int i = 0; i < 5; i++) {
            clock.now = NOW.plus(Duration.ofHours(12 * i));
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
        cached(new CountingProvider("dev"), DEV).fetch(ACME);

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
        CountingProvider aws = new CountingProvider("dev");
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
                damaged = text.replace("version=1", "version=2").getBytes(StandardCharsets.UTF_8);
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
        assertEquals(replacement, cached(new CountingProvider("dev"), DEV).fetch(ACME).value(), "replaced");
    }

    @Test
    void anotherIdentitysEntryCopiedInPlaceIsIgnored() throws Exception {
        cached(new CountingProvider("prod"), PROD).fetch(ACME);
        Path prodFile = tokenFile();
        Files.move(prodFile, home.resolve("prod.token"));
        CountingProvider dev = new CountingProvider("dev");
        cached(dev, DEV).fetch(ACME);
        Path devFile = tokenFile();
        Files.copy(home.resolve("prod.token"), devFile, StandardCopyOption.REPLACE_EXISTING);

        assertEquals("dev-acme-2", cached(dev, DEV).fetch(ACME).value());
    }

    @Test
    void anUnreadableEntryIsIgnored() throws Exception {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"));
        CountingProvider aws = new CountingProvider("dev");
        cached(aws, DEV).fetch(ACME);
        Path file = tokenFile();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "root reads any file; the directory test below covers this case");

        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value(), "replaced by a readable entry");
    }

    @Test
    void aDirectoryInPlaceOfTheEntryIsIgnoredAndTheTokenStillServed() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
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
        CountingProvider aws = new CountingProvider("dev");

        assertEquals("dev-acme-1", cached(aws, DEV).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
    }

    @Test
    void aRefusedTokenIsForgottenSoNoProcessIsServedItAgain() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
        DiskCachedTokenProvider provider = cached(aws, DEV);
        AuthorizationToken first = provider.fetch(ACME);

        provider.refused(ACME, first);

        assertEquals(Collections.singletonList(first), aws.refused, "the delegate is told too");
        assertTrue(files().stream().noneMatch(f -> f.toString().endsWith(".token")), files().toString());
        assertEquals("dev-acme-2", cached(aws, DEV).fetch(ACME).value());
    }

    @Test
    void aRefusalOfAnAlreadyReplacedTokenKeepsTheNewerEntry() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
        AuthorizationToken old = cached(aws, DEV).fetch(ACME);
        clock.now = NOW.plus(Duration.ofHours(12));
        AuthorizationToken current = cached(aws, DEV).fetch(ACME);

        cached(aws, DEV).refused(ACME, old);

        assertEquals(current.value(), cached(new CountingProvider("dev"), DEV).fetch(ACME).value());
    }

    @Test
    void aFailingDelegateStoresNothingAndReleasesTheLock() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
        aws.failure = "GetAuthorizationToken refused: HTTP 403 AccessDeniedException";
        DiskCachedTokenProvider provider = cached(aws, DEV, Duration.ofSeconds(30));

        TokenProviderException e = assertThrows(TokenProviderException.class, () -> provider.fetch(ACME));
        assertEquals(aws.failure, e.getMessage());
        aws.failure = null;
        long start = System.nanoTime();
        assertEquals("dev-acme-2", provider.fetch(ACME).value());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "the lock was released");
    }

    @Test
    void aLockHeldTooLongIsWaitedForBoundedlyThenDoneWithout() throws Exception {
        CountingProvider aws = new CountingProvider("dev");
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
        CountingProvider aws = new CountingProvider("dev");
        aws.delayMillis = 300;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DiskCachedTokenProvider provider = cached(aws, DEV);
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
}
