package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache folder is used only when it can be trusted, and then only through files that are what they seem. The
 * tests run on POSIX file systems, often as root: "another user" is simulated by giving files to another uid, which
 * root can do, and the checks are about ownership and mode bits, which hold for root too.
 */
class CacheFolderTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final AwsIdentity DEV = AwsIdentity.defaultCredentials(
            Map.of("HOME", "/home/alice", "AWS_PROFILE", "dev"), Collections.emptyMap());
    private static final int OTHER_UID = 4242;

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(Instant.now());
    private CountingTokenProvider aws;

    @BeforeEach
    void posixOnly() {
        assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("unix"), "POSIX owners and modes");
        aws = new CountingTokenProvider("dev", true, clock);
    }

    private Path dir() {
        return home.resolve("m2").resolve("codeartifact-tokens");
    }

    private DiskTokenCache cached(Path directory) {
        return new DiskTokenCache(aws, DEV, new DiskTokenStore(directory, Duration.ofSeconds(5)),
                new RefreshPolicy(clock));
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    private static long uid(Path path) throws IOException {
        return ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    @Test
    void aMissingFolderIsCreatedOwnerOnlyAndUsed() throws Exception {
        cached(dir()).fetch(ACME);

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir())));
        assertEquals("dev-acme-1", cached(dir()).fetch(ACME).value(), "served from disk");
        assertEquals(1, aws.calls.get());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rwxrwxrwx", "rwxrwx---", "rwx----w-", "rwx-w----"})
    void aFolderOthersCanWriteToHoldsNoTokenAndCostsOnlyTheSharing(String mode) throws Exception {
        Files.createDirectories(dir());
        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString(mode));

        assertEquals("dev-acme-1", cached(dir()).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value(), "nothing shared through it");
        assertEquals(List.of(), files(dir()), "no token, lock or temporary file written");
    }

    @Test
    void aPlantedEntryInAFolderOthersCanWriteToIsNeverRead() throws Exception {
        cached(dir()).fetch(ACME);
        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwxrwxrwx"));

        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value());
    }

    @Test
    void aFolderOfAnotherUserIsNotUsed() throws Exception {
        Files.createDirectories(dir());
        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwx------"));
        Files.setAttribute(dir(), "unix:uid", OTHER_UID);

        assertEquals("dev-acme-1", cached(dir()).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value());
        assertEquals(List.of(), files(dir()));
    }

    @Test
    void theUserIsWhoeverRunsTheBuild() throws Exception {
        Files.createDirectories(dir());
        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwx------"));
        long me = uid(dir());

        assertNotNull(new CacheFolder(dir(), me).open(false));
        assertNull(new CacheFolder(dir(), me + 1).open(false), "a folder of uid " + me + " is not uid " + (me + 1)
                + "'s");
    }

    @Test
    void linksInThePathAreFollowedBeforeJudging() throws Exception {
        Path shared = Files.createDirectories(home.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path link = Files.createSymbolicLink(home.resolve("link"), shared);

        cached(link).fetch(ACME);
        assertEquals(List.of(), files(shared), "a link to a world-writable folder is that folder");

        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwx------"));
        cached(link).fetch(ACME);
        assertEquals(1, files(shared).stream().filter(f -> f.toString().endsWith(".token")).count(),
                "a link to a private folder is fine: " + files(shared));
    }

    @Test
    void anEntryOfAnotherUserIsIgnoredAndReplaced() throws Exception {
        cached(dir()).fetch(ACME);
        Path entry = onlyEntry();
        Files.setAttribute(entry, "unix:uid", OTHER_UID);

        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value(), "not served");
        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value(), "replaced by the user's own entry");
        assertEquals(uid(dir()), uid(onlyEntry()));
    }

    @Test
    void anEntryThatIsALinkIsNotFollowedNorWrittenThrough() throws Exception {
        cached(dir()).fetch(ACME);
        Path entry = onlyEntry();
        Path elsewhere = home.resolve("elsewhere.token");
        Files.move(entry, elsewhere);
        Files.createSymbolicLink(entry, elsewhere);
        byte[] planted = Files.readAllBytes(elsewhere);

        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value(), "a valid entry behind a link is not read");
        assertTrue(Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS), "the link is replaced by an entry");
        assertEquals(new String(planted), new String(Files.readAllBytes(elsewhere)), "its target is untouched");
    }

    @Test
    void aLockFileThatIsALinkIsNotFollowed() throws Exception {
        cached(dir()).fetch(ACME);
        Path lock;
        try (Stream<Path> files = Files.list(dir())) {
            lock = files.filter(f -> f.toString().endsWith(".lock")).findFirst().orElseThrow();
        }
        Files.delete(onlyEntry());
        Files.delete(lock);
        Path target = home.resolve("victim");
        Files.createSymbolicLink(lock, target);

        assertEquals("dev-acme-2", cached(dir()).fetch(ACME).value(), "the token is still served");
        assertFalse(Files.exists(target, LinkOption.NOFOLLOW_LINKS), "nothing created through the link");
    }

    @Test
    void temporaryFilesOfKilledProcessesAreDeletedRecentOnesKept() throws Exception {
        Files.createDirectories(dir());
        Files.setPosixFilePermissions(dir(), PosixFilePermissions.fromString("rwx------"));
        Path abandoned = Files.write(dir().resolve("0123.token.abandoned.tmp"), new byte[] {1});
        Files.setLastModifiedTime(abandoned,
                FileTime.from(Instant.now().minus(CacheFolder.ABANDONED_TEMP_AGE).minusSeconds(60)));
        Path writing = Files.write(dir().resolve("0123.token.writing.tmp"), new byte[] {1});

        cached(dir()).fetch(ACME);

        assertFalse(Files.exists(abandoned));
        assertTrue(Files.exists(writing), "another process may be writing it right now");
    }

    @Test
    void aHomeThatIsNotAbsoluteNeverPutsTokensUnderTheProject() throws Exception {
        Path project = Paths.get("").toAbsolutePath();
        ExtensionConfig config = ExtensionConfig.from(Map.of(), Map.of("user.home", "?"));
        assertFalse(config.cacheDir().isAbsolute(), config.cacheDir().toString());

        assertEquals("dev-acme-1", cached(config.cacheDir()).fetch(ACME).value());
        assertEquals("dev-acme-2", cached(config.cacheDir()).fetch(ACME).value());
        assertFalse(Files.exists(project.resolve("?")), "nothing written under " + project);
    }

    private Path onlyEntry() throws IOException {
        List<Path> entries = files(dir()).stream()
                .filter(f -> f.toString().endsWith(".token"))
                .collect(Collectors.toList());
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }
}
