package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token cache's directory, shared by every Maven process of the user: one {@code <sha256>.token} file per
 * domain and AWS identity, named by the SHA-256 of both (never by an access key id), created owner-only (0700
 * directory, 0600 files) and replaced atomically, plus a {@code <sha256>.lock} file per entry so that processes
 * starting together fetch one token between them. On file systems without POSIX permissions the modes are skipped.
 * The directory is used only when {@link CacheFolder} trusts it; entries, locks and temporary files are opened
 * without following symbolic links, and an entry not owned by the user is ignored.
 *
 * <p>Every failure is logged at debug and costs the cache, never the build: an entry that cannot be read is a miss,
 * one that cannot be written is not written, a lock that cannot be had in time is done without.
 */
final class DiskTokenStore {
    private static final Logger LOGGER = LoggerFactory.getLogger(DiskTokenStore.class);

    /** How long a process waits for another one's fetch before fetching itself: far above a normal AWS call. */
    static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

    private static final String TOKEN_SUFFIX = ".token";
    private static final String LOCK_SUFFIX = ".lock";
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long MAX_PAUSE_MILLIS = 200;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /**
     * One lock per entry for the whole JVM, not per store: file locks are held by the JVM, so a second thread
     * locking the same file (another build in the same mvnd daemon, another store) would get
     * OverlappingFileLockException instead of waiting.
     */
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private final CacheFolder folder;
    private final Duration lockTimeout;
    private final boolean posix;

    /**
     * @param directory the cache directory, created on first write, used only if trusted (see {@link CacheFolder}),
     *     not null
     * @param lockTimeout the longest wait for another process's lock, not null
     */
    DiskTokenStore(Path directory, Duration lockTimeout) {
        this(CacheFolder.of(Objects.requireNonNull(directory, "directory cannot be null").normalize()), lockTimeout);
    }

    /**
     * @param folder the cache directory and who must own it, not null
     * @param lockTimeout the longest wait for another process's lock, not null
     */
    DiskTokenStore(CacheFolder folder, Duration lockTimeout) {
        this.folder = Objects.requireNonNull(folder, "folder cannot be null");
        this.lockTimeout = Objects.requireNonNull(lockTimeout, "lockTimeout cannot be null");
        this.posix = folder.posix();
    }

    /**
     * The entry's token whatever its expiry, or null when there is no entry or it cannot be used: unreadable,
     * corrupt, of another version, or for another key (logged at debug, never with its content).
     *
     * @param key the domain, not null
     * @param identity who the token must have been issued to, not null
     */
    AuthorizationToken read(DomainKey key, AwsIdentity identity) {
        Path directory = folder.open(false);
        if (directory == null) {
            return null;
        }
        Path file = entry(directory, key, identity, TOKEN_SUFFIX);
        if (!Files.exists(file, NO_FOLLOW)) {
            return null;
        }
        try {
            if (!folder.ownedByUser(file)) {
                throw new IOException("it belongs to another user");
            }
            return TokenFile.decode(readText(file), key, identity.digest());
        } catch (IOException | IllegalArgumentException e) {
            LOGGER.debug("Ignoring disk cache entry {} for {} ({}): {}", file, key, identity, e.getMessage());
            return null;
        }
    }

    /**
     * Stores the token in place of the entry: written to a temporary owner-only file in the same directory, then
     * moved over the entry atomically, so a reader sees the old entry or the new one, never part of one.
     *
     * @param key the domain, not null
     * @param identity who the token was issued to, not null
     * @param token a token with a known expiration, not null
     */
    void write(DomainKey key, AwsIdentity identity, AuthorizationToken token) {
        Path directory = folder.open(true);
        if (directory == null) {
            return;
        }
        Path file = entry(directory, key, identity, TOKEN_SUFFIX);
        Path temp = null;
        try {
            byte[] content = TokenFile.encode(key, identity.digest(), token).getBytes(StandardCharsets.UTF_8);
            temp = directory.resolve(file.getFileName() + "." + Long.toHexString(RANDOM.nextLong())
                    + CacheFolder.TEMP_SUFFIX);
            // CREATE_NEW and no link following: nothing planted under the name is written through
            Set<OpenOption> options = new HashSet<>(Arrays.<OpenOption>asList(
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            try (SeekableByteChannel channel = posix
                    ? Files.newByteChannel(temp, options, ownerOnly(OWNER_ONLY_FILE))
                    : Files.newByteChannel(temp, options)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            // a rename replaces a link in the entry's place, never writes through it
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            temp = null;
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("Could not write disk cache entry {} for {}: {}", file, key, e.toString());
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Deletes the entry if it still holds {@code token}'s value; an entry another process has since replaced is
     * left alone. Call it holding {@link #lock}.
     *
     * @param key the domain, not null
     * @param identity who the token was issued to, not null
     * @param token the token to forget, not null
     */
    void forget(DomainKey key, AwsIdentity identity, AuthorizationToken token) {
        AuthorizationToken stored = read(key, identity);
        Path directory = folder.open(false);
        if (stored != null && directory != null && stored.value().equals(token.value())) {
            Path file = entry(directory, key, identity, TOKEN_SUFFIX);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOGGER.debug("Could not delete disk cache entry {} for {}: {}", file, key, e.toString());
            }
        }
    }

    /**
     * Locks the entry against other threads and processes, waiting at most the lock timeout. When the lock cannot
     * be had in time or at all, the caller goes on without it: a second fetch is better than a stuck build.
     *
     * @param key the domain, not null
     * @param identity the identity, not null
     * @return the lock, to close in the calling thread, never null
     */
    Lock lock(DomainKey key, AwsIdentity identity) {
        return lock(key, identity, lockTimeout);
    }

    /**
     * As {@link #lock(DomainKey, AwsIdentity)}, waiting at most {@code maxWait} or the lock timeout, whichever is
     * shorter: a fetch with a deadline leaves itself time to fetch on its own after a hung holder.
     */
    Lock lock(DomainKey key, AwsIdentity identity, Duration maxWait) {
        Duration lockTimeout = maxWait.compareTo(this.lockTimeout) < 0 ? maxWait : this.lockTimeout;
        Path directory = folder.open(true);
        if (directory == null) {
            // no folder, no entry to share: the build's own single flight (TokenCache) is all the locking needed
            return new Lock(null, null);
        }
        Path file = entry(directory, key, identity, LOCK_SUFFIX);
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        try {
            if (!jvmLock.tryLock(lockTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                LOGGER.debug("Waited {} for another thread's token for {}; going on without the lock",
                        lockTimeout, key);
                return new Lock(null, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Lock(null, null);
        }
        FileChannel channel = null;
        try {
            Set<OpenOption> options = new HashSet<>(Arrays.<OpenOption>asList(
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS));
            channel = posix
                    ? FileChannel.open(file, options, ownerOnly(OWNER_ONLY_FILE))
                    : FileChannel.open(file, options);
            for (long pause = FIRST_PAUSE_MILLIS; ; pause = Math.min(pause * 2, MAX_PAUSE_MILLIS)) {
                if (tryLock(channel)) {
                    return new Lock(jvmLock, channel);
                }
                if (System.nanoTime() - deadline >= 0) {
                    LOGGER.debug("Waited {} for another process's token for {} ({}); going on without the lock",
                            lockTimeout, key, file);
                    break;
                }
                Thread.sleep(pause);
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("Could not lock {} for {}; going on without the lock: {}", file, key, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(channel);
        return new Lock(jvmLock, null);
    }

    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock() != null;
        } catch (OverlappingFileLockException e) {
            // This JVM holds it through another path to the same file (a symbolic link): as busy as another process.
            return false;
        }
    }

    /** The entry's file: the hex SHA-256 of every part of the key, so no identity setting shows in a file name. */
    private static Path entry(Path directory, DomainKey key, AwsIdentity identity, String suffix) {
        String name = AwsIdentity.sha256Hex("token-cache-entry\n" + key.domain() + "\n" + key.owner() + "\n"
                + key.region() + "\n" + identity.digest());
        return directory.resolve(name + suffix);
    }

    private static String readText(Path file) throws IOException {
        if (!Files.isRegularFile(file, NO_FOLLOW)) {
            throw new IOException("not a regular file");
        }
        byte[] buffer = new byte[MAX_FILE_BYTES + 1];
        int length = 0;
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n; length < buffer.length && (n = in.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
            }
        }
        if (length > MAX_FILE_BYTES) {
            throw new IOException("larger than " + MAX_FILE_BYTES + " bytes");
        }
        // Strict decoding: damaged bytes must fail here, not turn into replacement characters.
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(buffer, 0, length))
                .toString();
    }

    private static FileAttribute<Set<PosixFilePermission>> ownerOnly(Set<PosixFilePermission> permissions) {
        return PosixFilePermissions.asFileAttribute(permissions);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOGGER.debug("Could not delete {}: {}", file, e.toString());
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOGGER.debug("Could not close a disk cache lock file: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "DiskTokenStore[" + folder + "]";
    }

    /** A held entry lock, or the absence of one after a timeout; close it in the thread that took it. */
    static final class Lock implements AutoCloseable {
        private final ReentrantLock jvmLock;
        private final FileChannel channel;

        private Lock(ReentrantLock jvmLock, FileChannel channel) {
            this.jvmLock = jvmLock;
            this.channel = channel;
        }

        @Override
        public void close() {
            // Closing the channel releases the file lock, before other threads of this JVM may take it.
            closeQuietly(channel);
            if (jvmLock != null) {
                jvmLock.unlock();
            }
        }
    }
}
