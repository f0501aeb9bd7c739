package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Successive builds of one user, each its own Maven process sharing one HOME, make one AWS call between them: the
 * first fetches the token and keeps it in {@code ~/.m2/codeartifact-tokens}, owner-only; the next builds take it
 * from there, with no AWS call; {@code -Dcodeartifact.cache=false} fetches again and writes nothing. A token from
 * {@code POETRY_AWS_PLUGIN_AUTH_TOKEN} is never written anywhere. Every check for a token on disk scans the home and
 * the project folder for the token and its Basic credentials: only the cache's entries may hold it.
 */
class DiskCacheIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String CACHE_DIR = ".m2/codeartifact-tokens";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    /** The parent POM's build as {@code user} in the given HOME: with goal {@code validate}, its one download. */
    private static MavenRun build(MavenDistribution maven, String scenario, FakePrincipal user, Path home) {
        return ACME.parentPomBuild(maven, scenario).awsCredentials(user).home(home);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void secondBuildTakesTheTokenFromDisk(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("disk-cache-home", maven);
        FakePrincipal user = ACME.reader();

        MavenResult first = build(maven, "disk-cache-1-fetch", user, home).args("validate").run();

        first.assertSuccess();
        assertCalls(first).tokenRequests(1).downloaded(AcmeWorld.PARENT_POM).noViolations();
        String token = onlyToken(first, user);
        assertCacheHoldsOnly(first, home, token);
        first.assertHidesSecrets(List.of(token, user.secretAccessKey()));
        assertCalls(first).repositoryServedOnlyWithToken();

        // a fresh local repository: the parent must be downloaded again, with the token from disk
        MavenResult second = build(maven, "disk-cache-2-from-disk", user, home).args("validate").run();

        second.assertSuccess();
        assertCalls(second)
                .tokenRequests(0)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(AcmeWorld.PARENT_POM)
                .noViolations();
        if (!onlyToken(second, user).equals(token)) {
            throw second.failure("expected the first build's token to be the only one issued");
        }
        assertCacheHoldsOnly(second, home, token);
        second.assertHidesSecrets(List.of(token, user.secretAccessKey()));
        assertCalls(second).repositoryServedOnlyWithToken();

        MavenResult third = build(maven, "disk-cache-3-off", user, home)
                .args("-Dcodeartifact.cache=false", "validate")
                .run();

        third.assertSuccess();
        assertCalls(third).tokenRequests(1).downloaded(AcmeWorld.PARENT_POM).noViolations();
        List<String> issued = ACME.aws().issuedTokens(user);
        if (issued.size() != 2) {
            throw third.failure("expected a second token for the build without cache, the fake issued "
                    + issued.size() + " in all");
        }
        String uncached = issued.get(0).equals(token) ? issued.get(1) : issued.get(0);
        assertWrittenNowhere(third, home, uncached);
        // the build without cache neither replaced nor removed the entry
        assertCacheHoldsOnly(third, home, token);
        third.assertHidesSecrets(List.of(token, uncached, user.secretAccessKey()));
        assertCalls(third).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void environmentTokenIsNeverWritten(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("env-token-home", maven);
        FakePrincipal user = ACME.reader();
        String token = ACME.issueToken(user);

        // AWS credentials too: the cache could be filled from AWS, it must not be filled from the variable
        MavenResult result = build(maven, "disk-cache-env-token", user, home)
                .env("POETRY_AWS_PLUGIN_AUTH_TOKEN", token)
                .args("validate")
                .run();

        result.assertSuccess();
        assertCalls(result)
                .tokenRequests(0)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .downloaded(AcmeWorld.PARENT_POM)
                .noViolations();
        assertWrittenNowhere(result, home, token);
        if (!entries(home, ".token").isEmpty()) {
            throw result.failure("expected no token file in " + home.resolve(CACHE_DIR) + ", found "
                    + entries(home, ".token"));
        }
        result.assertHidesSecrets(List.of(token, user.secretAccessKey()));
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    /** The one token the fake issued to the user so far. */
    private static String onlyToken(MavenResult result, FakePrincipal user) {
        List<String> issued = ACME.aws().issuedTokens(user);
        if (issued.size() != 1) {
            throw result.failure("expected one token issued to the build's user, the fake issued " + issued.size());
        }
        return issued.get(0);
    }

    /**
     * The cache folder is owner-only (0700) and so is every file in it (0600); one {@code .token} entry holds the
     * token; no other file of the home or the run's project holds it, raw or as Basic credentials.
     */
    private static void assertCacheHoldsOnly(MavenResult result, Path home, String token) {
        Path cache = home.resolve(CACHE_DIR);
        if (!Files.isDirectory(cache)) {
            throw result.failure("expected the token cache " + cache);
        }
        List<String> wrongModes = new ArrayList<>();
        if (!permissions(cache).equals(OWNER_ONLY_DIRECTORY)) {
            wrongModes.add(cache + " " + PosixFilePermissions.toString(permissions(cache)));
        }
        for (Path file : entries(home, "")) {
            if (!Files.isRegularFile(file) || !permissions(file).equals(OWNER_ONLY_FILE)) {
                wrongModes.add(file + " " + PosixFilePermissions.toString(permissions(file)));
            }
        }
        if (!wrongModes.isEmpty()) {
            throw result.failure("expected the cache folder rwx------ and its files rw-------, got " + wrongModes);
        }
        List<Path> tokenFiles = entries(home, ".token");
        if (tokenFiles.size() != 1 || !FileTrees.filesContaining(tokenFiles.get(0), token).equals(tokenFiles)) {
            throw result.failure("expected one cache entry holding the token, found " + tokenFiles);
        }
        List<Path> elsewhere = new ArrayList<>();
        for (String form : forms(token)) {
            FileTrees.filesContaining(home, form).stream().filter(f -> !f.getParent().equals(cache))
                    .forEach(elsewhere::add);
            elsewhere.addAll(FileTrees.filesContaining(result.project(), form));
        }
        if (!elsewhere.isEmpty()) {
            throw result.failure("expected no file but the cache entry to hold the token, found it in " + elsewhere);
        }
    }

    /** No file of the home or the run's project holds the token, raw or as Basic credentials. */
    private static void assertWrittenNowhere(MavenResult result, Path home, String token) {
        List<Path> found = new ArrayList<>();
        for (String form : forms(token)) {
            found.addAll(FileTrees.filesContaining(home, form));
            found.addAll(FileTrees.filesContaining(result.project(), form));
        }
        if (!found.isEmpty()) {
            throw result.failure("expected the token written nowhere, found it in " + found);
        }
    }

    /** The token as is and as the Basic credentials it travels in. */
    private static List<String> forms(String token) {
        return List.of(token,
                Base64.getEncoder().encodeToString(("aws:" + token).getBytes(StandardCharsets.UTF_8)));
    }

    /** The files in the cache folder whose names end with {@code suffix}; none when there is no folder. */
    private static List<Path> entries(Path home, String suffix) {
        Path cache = home.resolve(CACHE_DIR);
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<PosixFilePermission> permissions(Path path) {
        try {
            return Files.getPosixFilePermissions(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
