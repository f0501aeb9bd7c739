package io.github.mavenaws.codeartifact.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.testing.MutableClock;
import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The trust check's ACL counterpart, on an in-memory Windows-style file system (Jimfs: drive letters, backslashes,
 * owner and ACL views, no POSIX modes), so it runs on every OS: the folder is created with one inherited entry,
 * the user's; a folder whose ACL lets somebody else write, or that belongs to somebody else, holds no token; an
 * entry of somebody else is ignored.
 */
class CacheFolderAclTest {
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");
    private static final AwsIdentity DEV = AwsIdentity.defaultCredentials(
            Map.of("HOME", "C:\\Users\\alice", "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE"), Collections.emptyMap());
    /** Jimfs's owner of every file it creates. */
    private static final String USER = "user";

    private FileSystem fs;
    private Path dir;
    private final MutableClock clock = new MutableClock(Instant.now());
    private CountingTokenProvider aws;

    @BeforeEach
    void windows() throws IOException {
        fs = Jimfs.newFileSystem(Configuration.windows().toBuilder()
                .setAttributeViews("basic", "owner", "dos", "acl")
                .build());
        Files.createDirectories(fs.getPath("C:\\Users\\alice\\.m2"));
        dir = fs.getPath("C:\\Users\\alice\\.m2\\codeartifact-tokens");
        aws = new CountingTokenProvider("dev", true, clock);
    }

    @AfterEach
    void close() throws IOException {
        fs.close();
    }

    private DiskTokenCache cached() {
        return new DiskTokenCache(aws, DEV, new DiskTokenStore(new CacheFolder(dir, -1, USER), Duration.ofSeconds(5)),
                new RefreshPolicy(clock));
    }

    private UserPrincipal principal(String name) throws IOException {
        return fs.getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    private static AclEntry allow(UserPrincipal who, AclEntryPermission... permissions) {
        return AclEntry.newBuilder().setType(AclEntryType.ALLOW).setPrincipal(who)
                .setPermissions(permissions).build();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toList());
        }
    }

    @Test
    void aMissingFolderIsCreatedForTheUserAloneAndUsed() throws Exception {
        assertEquals("dev-acme-1", cached().fetch(ACME).value());
        assertEquals("dev-acme-1", cached().fetch(ACME).value(), "served from disk");

        List<AclEntry> acl = Files.getFileAttributeView(dir, AclFileAttributeView.class).getAcl();
        assertEquals(1, acl.size(), acl.toString());
        assertEquals(principal(USER), acl.get(0).principal());
        assertEquals(EnumSet.allOf(AclEntryPermission.class), acl.get(0).permissions());
        assertEquals(EnumSet.of(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT), acl.get(0).flags());
    }

    @Test
    void aFolderWhoseAclLetsOthersWriteHoldsNoToken() throws Exception {
        Files.createDirectory(dir);
        Files.getFileAttributeView(dir, AclFileAttributeView.class).setAcl(List.of(
                allow(principal(USER), AclEntryPermission.values()),
                allow(principal("Everyone"), AclEntryPermission.READ_DATA, AclEntryPermission.WRITE_DATA)));

        assertEquals("dev-acme-1", cached().fetch(ACME).value());
        assertEquals("dev-acme-2", cached().fetch(ACME).value(), "nothing shared through it");
        assertEquals(List.of(), files());
    }

    @Test
    void othersMayReadAndTheSystemMayWrite() throws Exception {
        Files.createDirectory(dir);
        Files.getFileAttributeView(dir, AclFileAttributeView.class).setAcl(List.of(
                allow(principal(USER), AclEntryPermission.values()),
                allow(principal("NT AUTHORITY\\SYSTEM"), AclEntryPermission.values()),
                allow(principal("BUILTIN\\Administrators"), AclEntryPermission.values()),
                allow(principal("Everyone"), AclEntryPermission.READ_DATA, AclEntryPermission.READ_ATTRIBUTES)));

        assertNotNull(new CacheFolder(dir, -1, USER).open(false));
    }

    @Test
    void aFolderOfAnotherUserIsNotUsed() throws Exception {
        Files.createDirectory(dir);
        Files.setOwner(dir, principal("mallory"));

        assertNull(new CacheFolder(dir, -1, USER).open(false));
        assertEquals("dev-acme-1", cached().fetch(ACME).value());
        assertEquals("dev-acme-2", cached().fetch(ACME).value());
    }

    @Test
    void anEntryOfAnotherUserIsIgnoredAndReplaced() throws Exception {
        cached().fetch(ACME);
        List<Path> entries = new ArrayList<>();
        for (Path file : files()) {
            if (file.getFileName().toString().endsWith(".token")) {
                entries.add(file);
            }
        }
        assertEquals(1, entries.size(), entries.toString());
        Files.setOwner(entries.get(0), principal("mallory"));

        assertEquals("dev-acme-2", cached().fetch(ACME).value(), "not served");
        assertEquals("dev-acme-2", cached().fetch(ACME).value(), "replaced by the user's own entry");
        assertTrue(Files.getOwner(entries.get(0)).equals(principal(USER)));
    }
}
