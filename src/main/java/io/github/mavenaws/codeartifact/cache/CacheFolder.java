package io.github.mavenaws.codeartifact.cache;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token cache's folder, used only when it can be trusted with tokens: after following any links in its path, a
 * directory owned by the user that nobody else may write to (no group or other write bit), since whoever can write
 * to it can plant a token of their own or swap an entry for a link. The extension creates it 0700. A folder that
 * fails the check is not used at all, with one warning naming it and the fix: the build goes on with its in-memory
 * token.
 *
 * <p>Entries not owned by the user are ignored ({@link #ownedByUser}), and temporary files that a killed process
 * left behind are deleted when the folder is first used.
 *
 * <p>On a file system with ACLs instead of POSIX modes (Windows, NTFS) the same rules read: the folder's owner is the
 * user, and no ACL entry lets anybody else (other than the system and the administrators, who can take any file
 * anyway) add, delete or rewrite files in it or change its ACL. The extension creates the folder with one entry,
 * the user's, inherited by the files in it. File systems with neither get the link and directory checks only.
 */
final class CacheFolder {
    private static final Logger LOGGER = LoggerFactory.getLogger(CacheFolder.class);

    /** A temporary file lives for the milliseconds of one write; one this old belongs to a process that died. */
    static final Duration ABANDONED_TEMP_AGE = Duration.ofMinutes(10);

    static final String TEMP_SUFFIX = ".tmp";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    /** What others may not be allowed to do to the folder on an ACL file system. */
    private static final Set<AclEntryPermission> WRITE = EnumSet.of(AclEntryPermission.WRITE_DATA,
            AclEntryPermission.APPEND_DATA, AclEntryPermission.DELETE_CHILD, AclEntryPermission.WRITE_ACL,
            AclEntryPermission.WRITE_OWNER);

    /** Windows principals that hold every file anyway, as they appear in a user's profile folder's ACL. */
    private static final List<String> SYSTEM_PRINCIPALS =
            Arrays.asList("NT AUTHORITY\\SYSTEM", "BUILTIN\\Administrators", "OWNER RIGHTS", "CREATOR OWNER");

    private final Path directory;
    private final long uid;
    private final boolean unix;
    private final boolean acl;
    /** The user's name on an ACL file system; null elsewhere. */
    private final String userName;
    private Path trusted;
    private boolean rejected;

    /**
     * @param directory the folder as configured: an absolute path, else it is never used, not null
     * @param uid the user's numeric id, which the folder and entries must be owned by; negative where the platform
     *     has none (Windows), which skips the owner checks
     */
    CacheFolder(Path directory, long uid) {
        this(directory, uid, null);
    }

    /**
     * @param directory the folder as configured: an absolute path, else it is never used, not null
     * @param uid the user's numeric id on a POSIX file system, negative where there is none
     * @param userName on a file system with ACLs and no POSIX modes, the user's name, whom the folder and entries
     *     must belong to; null there skips the owner and ACL checks
     */
    CacheFolder(Path directory, long uid, String userName) {
        this.directory = Objects.requireNonNull(directory, "directory cannot be null");
        Set<String> views = directory.getFileSystem().supportedFileAttributeViews();
        this.uid = uid;
        this.unix = uid >= 0 && views.contains("unix");
        this.acl = !views.contains("posix") && views.contains("acl") && userName != null;
        this.userName = userName;
    }

    /** Whether files in the folder have POSIX permissions. */
    boolean posix() {
        return directory.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The folder, owned by this process's user. */
    static CacheFolder of(Path directory) {
        return new CacheFolder(directory, currentUid(), System.getProperty("user.name"));
    }

    /**
     * The folder's real path, to name entries in, or null when it must not be used: missing (and {@code create}
     * false) or not trusted, which is warned about once.
     *
     * @param create whether to create a missing folder, 0700
     */
    synchronized Path open(boolean create) {
        if (trusted != null || rejected) {
            return trusted;
        }
        if (!directory.isAbsolute()) {
            return reject("it is not an absolute path, so it would be resolved against the project folder (a"
                    + " user.home of '?', as in a container without a passwd entry, gives such a path)",
                    "set codeartifact.cacheDir (or CODEARTIFACT_CACHE_DIR) to an absolute path of a folder only you"
                    + " can write to");
        }
        try {
            if (!Files.exists(directory, NO_FOLLOW)) {
                if (!create) {
                    return null;
                }
                create();
            }
            Path real = directory.toRealPath();
            String[] problem = problem(real);
            if (problem != null) {
                return reject(problem[0], problem[1]);
            }
            trusted = real;
        } catch (IOException | RuntimeException e) {
            // The folder cannot be created or inspected: not trusted, but nothing the user asked for is wrong.
            LOGGER.debug("Not using the CodeArtifact token cache folder {}: {}", directory, e.toString());
            rejected = true;
            return null;
        }
        sweep(trusted);
        return trusted;
    }

    /** Why the real folder must not hold tokens and how to fix that, or null when it may. */
    private String[] problem(Path real) throws IOException {
        String elsewhere = " or set codeartifact.cacheDir to a folder only you can write to";
        String shown = real.equals(directory) ? real.toString() : real + " (where " + directory + " leads)";
        if (!Files.isDirectory(real, NO_FOLLOW)) {
            return new String[] {"it is not a directory",
                "set codeartifact.cacheDir to a directory only you can write to"};
        }
        if (unix) {
            Object owner = Files.getAttribute(real, "unix:uid", NO_FOLLOW);
            if (!(owner instanceof Number) || ((Number) owner).longValue() != uid) {
                return new String[] {"it belongs to user " + Files.getOwner(real, NO_FOLLOW).getName() + " (uid "
                        + owner + "), not to the user running Maven (uid " + uid + ")",
                    "delete " + shown + " so that it is created anew," + elsewhere};
            }
        }
        if (acl) {
            UserPrincipal user = user(real);
            UserPrincipal owner = Files.getOwner(real, NO_FOLLOW);
            if (!owner.equals(user)) {
                return new String[] {"it belongs to " + owner.getName() + ", not to " + user.getName(),
                    "delete " + shown + " so that it is created anew," + elsewhere};
            }
            for (AclEntry entry : Files.getFileAttributeView(real, AclFileAttributeView.class, NO_FOLLOW).getAcl()) {
                if (entry.type() == AclEntryType.ALLOW && !entry.principal().equals(user)
                        && !SYSTEM_PRINCIPALS.contains(entry.principal().getName())
                        && !Collections.disjoint(entry.permissions(), WRITE)) {
                    return new String[] {entry.principal().getName() + " can write to it (its ACL allows "
                            + entry.principal().getName() + " " + entry.permissions() + ")",
                        "remove that entry (icacls " + shown + " /remove \"" + entry.principal().getName() + "\"),"
                            + elsewhere};
                }
            }
        }
        if (real.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions =
                    Files.readAttributes(real, PosixFileAttributes.class, NO_FOLLOW).permissions();
            if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                    || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
                return new String[] {"other users can write to it (" + PosixFilePermissions.toString(permissions)
                        + ")", "run chmod go-w " + shown + "," + elsewhere};
            }
        }
        return null;
    }

    private Path reject(String problem, String fix) {
        rejected = true;
        LOGGER.warn("Not using the CodeArtifact token cache folder {}: {}. Tokens are not shared with other builds"
                + " until it is fixed: {}.", directory, problem, fix);
        return null;
    }

    private void create() throws IOException {
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            if (posix()) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createDirectory(directory);
                if (acl) {
                    restrictToUser(directory);
                }
            }
        } catch (FileAlreadyExistsException e) {
            // Another process created it first; the trust check judges it like any other.
        }
    }

    /**
     * Whether the file, not following a link, belongs to the user: an entry somebody else put there (through a
     * folder that was shared once) is never served. Where the platform has no owner ids, every file does.
     *
     * @param file not null
     */
    boolean ownedByUser(Path file) throws IOException {
        if (acl) {
            return Files.getOwner(file, NO_FOLLOW).equals(user(file));
        }
        if (!unix) {
            return true;
        }
        Object owner = Files.getAttribute(file, "unix:uid", NO_FOLLOW);
        return owner instanceof Number && ((Number) owner).longValue() == uid;
    }

    /** The user as a principal of the folder's file system. */
    private UserPrincipal user(Path path) throws IOException {
        return path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(userName);
    }

    /**
     * Replaces the new folder's ACL (inherited from its parent, which may let others in) by one entry: the user's
     * full control, inherited by every file and folder created in it.
     */
    private void restrictToUser(Path folder) throws IOException {
        AclEntry own = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(user(folder))
                .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                .setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT)
                .build();
        Files.getFileAttributeView(folder, AclFileAttributeView.class, NO_FOLLOW)
                .setAcl(Collections.singletonList(own));
    }

    /** Deletes the temporary files of processes killed between creating one and moving it over its entry. */
    private static void sweep(Path real) {
        Instant abandoned = Instant.now().minus(ABANDONED_TEMP_AGE);
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(real, "*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                try {
                    if (Files.isRegularFile(temp, NO_FOLLOW)
                            && Files.getLastModifiedTime(temp, NO_FOLLOW).toInstant().isBefore(abandoned)) {
                        Files.delete(temp);
                        LOGGER.debug("Deleted {}, left by a Maven process that stopped while writing it", temp);
                    }
                } catch (IOException e) {
                    LOGGER.debug("Could not delete {}: {}", temp, e.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("Could not look for abandoned temporary files in {}: {}", real, e.toString());
        }
    }

    /**
     * This process's numeric user id from the JDK's {@code com.sun.security.auth.module.UnixSystem} (in every JDK
     * since 1.4 on Unix, but not in Java 8's compile-time API, hence the reflection); -1 where there is none.
     */
    private static long currentUid() {
        try {
            Class<?> unixSystem = Class.forName("com.sun.security.auth.module.UnixSystem");
            return ((Number) unixSystem.getMethod("getUid").invoke(unixSystem.getConstructor().newInstance()))
                    .longValue();
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOGGER.debug("No numeric user id on this platform; the cache folder's owner is not checked: {}",
                    e.toString());
            return -1;
        }
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
