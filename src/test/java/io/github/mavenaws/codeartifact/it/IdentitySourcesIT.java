package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import io.github.mavenaws.codeartifact.fake.FakeSsoUser;
import io.github.mavenaws.codeartifact.fake.SsoLogin;
import io.github.mavenaws.codeartifact.fake.WebIdentityToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a user gives the AWS SDK its identity, as the SDK finds it on its own inside Maven: a profile with static
 * keys, a {@code role_arn} + {@code source_profile} profile (the SDK calls AssumeRole), web identity as GitHub
 * Actions OIDC sets it (AssumeRoleWithWebIdentity), and IAM Identity Center (SSO) profiles in both forms, legacy
 * {@code sso_start_url} and {@code sso_session}, whose cached {@code aws sso login} the SDK exchanges at the portal
 * (GetRoleCredentials). Every build asserts which principal asked for the CodeArtifact token, that no key, session
 * token, OIDC token or SSO access token shows in the output, and for an expired SSO login the message that tells
 * the user to run {@code aws sso login --profile <name>}; and that an SSO profile edited to another role never gets
 * the first role's token from the disk cache. An SSO profile chosen with {@code -Dcodeartifact.profile} instead of
 * {@code AWS_PROFILE} is checked too. Static keys in the environment are TokenSourcesIT's.
 *
 * <p>Why not every source on every version: the SDK resolves these identities inside the extension the same way
 * whatever the Maven version, and the hint for an expired login is the extension's own text. What differs between
 * versions is the class realm the extension runs in, through which the SDK finds its STS, SSO and SSO-OIDC
 * credential factories and their HTTP client by reflection and service loading. The {@code sso_session} form needs
 * the most of those lookups (sso, ssooidc and the token provider chain), so it runs on every version; every other
 * source runs on the newest version given. That is 13 short {@code validate} builds, about two minutes, instead of
 * 40 (six to seven minutes), which would bring the suite (about 12 minutes) close to its 20-minute limit.
 * The web identity and {@code sso_session} builds run with {@code -X}, where the SDK's debug lines would show.
 */
class IdentitySourcesIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String SSO_REGION = "eu-west-1";
    private static final String START_URL = "https://acme.awsapps.com/start";
    private static final String PERMISSION_SET = "CodeArtifactReader";
    /** Fresh names per run: the fake keeps its roles and users for the whole class. */
    private static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * A build whose one download is a parent POM only CodeArtifact serves, in a HOME the test has prepared with
     * the user's AWS files; no AWS variable but those the scenario sets.
     */
    private static MavenRun build(MavenDistribution maven, String scenario, Path home) {
        return ACME.parentPomBuild(maven, scenario).home(home).args("validate");
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void profileWithStaticKeys(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-static-profile", maven);
        FakePrincipal user = ACME.reader();
        // a default profile of someone else: the build must use the one AWS_PROFILE names
        FakePrincipal other = ACME.user();
        write(home, ".aws/credentials", keys("default", other) + keys("dev", user));

        MavenResult result = build(maven, "identity-static-profile", home)
                .env("AWS_PROFILE", "dev")
                .run();

        assertQuiet(result.assertSuccess());
        assertTokenFetchedBy(result, "the profile's user", user,
                List.of(user.secretAccessKey(), other.secretAccessKey()));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void roleProfileWithSourceProfile(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-role-profile", maven);
        FakeRole role = readerRole("maven-reader");
        // the source identity may assume the role but not fetch tokens: only the role's session can
        FakePrincipal base = ACME.user().allowAssume(role);
        write(home, ".aws/credentials", keys("base", base));

        MavenResult result = build(maven, "identity-role-profile", home)
                .awsConfig("[profile reader]\nrole_arn = " + role.arn() + "\nsource_profile = base\n"
                        + "role_session_name = maven-on-laptop\n")
                .env("AWS_PROFILE", "reader")
                .run();

        assertQuiet(result.assertSuccess());
        FakePrincipal session = onlySession(result, role);
        assertCalls(result).count("AssumeRole calls by the source profile's user, allowed",
                Calls.ASSUME_ROLE.and(Calls.signedBy(base.accessKeyId())).and(Calls.OK), 1);
        assertSessionName(result, session, "maven-on-laptop");
        assertTokenFetchedBy(result, "the role session", session,
                List.of(base.secretAccessKey(), session.secretAccessKey(), session.sessionToken()));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void webIdentityAsGitHubActionsSetsIt(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-web-identity", maven);
        FakeRole role = readerRole("github-actions");
        WebIdentityToken oidc = ACME.aws().webIdentityToken(role, "repo:acme/app:ref:refs/heads/main",
                Duration.ofMinutes(10));
        // where the runner keeps it; written without a newline, as the runner writes it
        Path tokenFile = write(home, "runner-temp/web-identity-token", oidc.token());
        String sessionName = "gha-run-" + RUNS.incrementAndGet();

        // -X: the SDK's debug lines would carry the OIDC token and the role's session token
        MavenResult result = build(maven, "identity-web-identity", home)
                .args("-X")
                .env("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString())
                .env("AWS_ROLE_ARN", role.arn())
                .env("AWS_ROLE_SESSION_NAME", sessionName)
                .run();

        assertQuiet(result.assertSuccess());
        FakePrincipal session = onlySession(result, role);
        assertCalls(result)
                .count("unsigned AssumeRoleWithWebIdentity calls, allowed",
                        c -> "AssumeRoleWithWebIdentity".equals(c.operation()) && c.status() == 200
                                && c.authorization() == FakeCall.Authorization.NONE, 1)
                .assumeRoles(0);
        assertSessionName(result, session, sessionName);
        assertTokenFetchedBy(result, "the web identity session", session,
                List.of(oidc.token(), session.secretAccessKey(), session.sessionToken()));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void ssoProfileWithCachedLoginAndItsTokenKeptForItsRoleOnly(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-sso-legacy", maven);
        SsoScenario sso = new SsoScenario();
        SsoLogin login = sso.user.login(Duration.ofHours(8));
        writeLegacyCache(home, login);

        MavenResult result = build(maven, "identity-sso-legacy", home)
                .awsConfig(legacyProfile("sso-dev"))
                .env("AWS_PROFILE", "sso-dev")
                .run();

        result.assertSuccess();
        sso.assertBuildUsedTheRole(result, login);

        // the same profile edited to another permission set, in the same home: the first role's token is on disk,
        // and must not be handed to the second role
        FakeRole publisher = readerRole("aws-reserved/sso.amazonaws.com/AWSReservedSSO_CodeArtifactPublisher");
        sso.user.assign("CodeArtifactPublisher", publisher);
        MavenResult edited = build(maven, "identity-sso-legacy-edited", home)
                .awsConfig(legacyProfile("sso-dev").replace(PERMISSION_SET, "CodeArtifactPublisher"))
                .env("AWS_PROFILE", "sso-dev")
                .run();

        assertQuiet(edited.assertSuccess());
        FakePrincipal publisherSession = onlySession(edited, publisher);
        assertTokenFetchedBy(edited, "the edited profile's role session", publisherSession,
                secretsOf(login, publisherSession));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void ssoProfileWithExpiredLoginAsksForAwsSsoLogin(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-sso-legacy-expired", maven);
        SsoScenario sso = new SsoScenario();
        SsoLogin expired = sso.user.login(Duration.ofMinutes(-10));
        writeLegacyCache(home, expired);

        MavenResult result = build(maven, "identity-sso-legacy-expired", home)
                .awsConfig(legacyProfile("sso-dev"))
                .env("AWS_PROFILE", "sso-dev")
                .run();

        assertAsksForSsoLogin(result, "sso-dev", expired);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void ssoProfileNamedByCodeartifactProfile(MavenDistribution maven) {
        // the extension's own profile setting: the SDK's chain is bypassed, the profile's provider used directly
        Path home = RunDirectory.sharedFolder("identity-sso-codeartifact-profile", maven);
        SsoScenario sso = new SsoScenario();
        SsoLogin login = sso.user.login(Duration.ofHours(8));
        writeLegacyCache(home, login);

        MavenResult result = build(maven, "identity-sso-codeartifact-profile", home)
                .awsConfig(legacyProfile("sso-dev"))
                .args("-Dcodeartifact.profile=sso-dev")
                .run();

        sso.assertBuildUsedTheRole(result, login);

        Path expiredHome = RunDirectory.sharedFolder("identity-sso-codeartifact-profile-expired", maven);
        SsoLogin expired = sso.user.login(Duration.ofMinutes(-10));
        writeLegacyCache(expiredHome, expired);

        MavenResult refused = build(maven, "identity-sso-codeartifact-profile-expired", expiredHome)
                .awsConfig(legacyProfile("sso-dev"))
                .args("-Dcodeartifact.profile=sso-dev")
                .run();

        assertAsksForSsoLogin(refused, "sso-dev", expired);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void ssoSessionProfileWithCachedLogin(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-sso-session", maven);
        SsoScenario sso = new SsoScenario();
        SsoLogin login = sso.user.login(Duration.ofHours(8));
        writeSessionCache(home, "acme", login);

        // -X: the SDK's debug lines would carry the access token and the role's session token
        MavenResult result = build(maven, "identity-sso-session", home)
                .awsConfig(sessionProfile("sso-dev", "acme"))
                .env("AWS_PROFILE", "sso-dev")
                .args("-X")
                .run();

        result.assertSuccess();
        // valid for hours: the SDK uses the cached login as it is, refreshing nothing
        assertCalls(result).count("CreateToken calls", c -> "CreateToken".equals(c.operation()), 0);
        sso.assertBuildUsedTheRole(result, login);
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void ssoSessionProfileWithExpiredLoginAsksForAwsSsoLogin(MavenDistribution maven) {
        Path home = RunDirectory.sharedFolder("identity-sso-session-expired", maven);
        SsoScenario sso = new SsoScenario();
        SsoLogin expired = sso.user.login(Duration.ofMinutes(-10));
        writeSessionCache(home, "acme", expired);

        MavenResult result = build(maven, "identity-sso-session-expired", home)
                .awsConfig(sessionProfile("sso-dev", "acme"))
                .env("AWS_PROFILE", "sso-dev")
                .run();

        assertAsksForSsoLogin(result, "sso-dev", expired);
        assertCalls(result).all("refused refreshes", c -> "CreateToken".equals(c.operation()),
                c -> c.status() == 400);
    }

    /** A user of IAM Identity Center with the reader permission set on the domain's account. */
    private static final class SsoScenario {
        final FakeRole role;
        final FakeSsoUser user;

        SsoScenario() {
            int n = RUNS.incrementAndGet();
            role = readerRole("aws-reserved/sso.amazonaws.com/AWSReservedSSO_" + PERMISSION_SET + "_" + n);
            user = ACME.aws().ssoUser("dev" + n + "@example.com").assign(PERMISSION_SET, role);
        }

        void assertBuildUsedTheRole(MavenResult result, SsoLogin login) {
            assertQuiet(result.assertSuccess());
            FakePrincipal session = onlySession(result, role);
            assertCalls(result).count("GetRoleCredentials calls at the portal of sso_region, allowed",
                    c -> "GetRoleCredentials".equals(c.operation()) && c.status() == 200
                            && ("portal.sso." + SSO_REGION + ".amazonaws.com").equals(c.host()), 1);
            assertSessionName(result, session, user.userName());
            assertTokenFetchedBy(result, "the SSO role session", session, secretsOf(login, session));
        }
    }

    /**
     * The build fails at once, without a stack trace, naming the profile and the command that logs it in again;
     * the portal is never asked with the expired token, and the token shows nowhere.
     */
    private static void assertAsksForSsoLogin(MavenResult result, String profile, SsoLogin expired) {
        assertQuiet(result.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains("aws sso login --profile " + profile, ACME.releases().url()))
                .assertHidesSecrets(secretsOf(expired, null));
        assertCalls(result)
                .count("GetRoleCredentials calls", c -> "GetRoleCredentials".equals(c.operation()), 0)
                .tokenRequests(0)
                .count("repository calls answered 200", Calls.REPOSITORY.and(Calls.OK), 0)
                .noViolations();
    }

    private static List<String> secretsOf(SsoLogin login, FakePrincipal session) {
        List<String> secrets = new ArrayList<>(List.of(login.accessToken(), REFRESH_TOKEN, CLIENT_SECRET));
        if (session != null) {
            secrets.add(session.secretAccessKey());
            secrets.add(session.sessionToken());
        }
        return secrets;
    }

    private static final String REFRESH_TOKEN = "Atzr|fake-refresh-token-of-the-cached-login";
    private static final String CLIENT_SECRET = "fake-client-secret-of-the-cli-registration";

    private static String legacyProfile(String name) {
        return "[profile " + name + "]\nsso_start_url = " + START_URL + "\nsso_region = " + SSO_REGION
                + "\nsso_account_id = " + AcmeWorld.OWNER + "\nsso_role_name = " + PERMISSION_SET + "\nregion = us-west-2\n";
    }

    private static String sessionProfile(String name, String session) {
        return "[profile " + name + "]\nsso_session = " + session + "\nsso_account_id = " + AcmeWorld.OWNER
                + "\nsso_role_name = " + PERMISSION_SET + "\nregion = us-west-2\n\n"
                + "[sso-session " + session + "]\nsso_start_url = " + START_URL + "\nsso_region = " + SSO_REGION
                + "\nsso_registration_scopes = sso:account:access\n";
    }

    /** What the AWS CLI v2 writes for a legacy profile: a file named by the SHA-1 of the start URL. */
    private static void writeLegacyCache(Path home, SsoLogin login) {
        write(home, ".aws/sso/cache/" + sha1(START_URL) + ".json", "{\"startUrl\": \"" + START_URL
                + "\", \"region\": \"" + SSO_REGION + "\", \"accessToken\": \"" + login.accessToken()
                + "\", \"expiresAt\": \"" + login.expiresAt().truncatedTo(ChronoUnit.SECONDS) + "\"}");
    }

    /** What the AWS CLI v2 writes for an sso-session: named by the SHA-1 of the session name, with a refresh token. */
    private static void writeSessionCache(Path home, String session, SsoLogin login) {
        write(home, ".aws/sso/cache/" + sha1(session) + ".json", "{\"startUrl\": \"" + START_URL
                + "\", \"region\": \"" + SSO_REGION + "\", \"accessToken\": \"" + login.accessToken()
                + "\", \"expiresAt\": \"" + login.expiresAt().truncatedTo(ChronoUnit.SECONDS)
                + "\", \"clientId\": \"fake-client-id\", \"clientSecret\": \"" + CLIENT_SECRET
                + "\", \"registrationExpiresAt\": \"" + login.expiresAt().plus(Duration.ofDays(90))
                .truncatedTo(ChronoUnit.SECONDS) + "\", \"refreshToken\": \"" + REFRESH_TOKEN + "\"}");
    }

    private static String keys(String profile, FakePrincipal principal) {
        return "[" + profile + "]\naws_access_key_id = " + principal.accessKeyId() + "\naws_secret_access_key = "
                + principal.secretAccessKey() + "\n\n";
    }

    /** A role of the domain's account that may fetch its tokens, named afresh: {@code <pathAndName>-<n>}. */
    private static FakeRole readerRole(String pathAndName) {
        return ACME.role(pathAndName + "-" + RUNS.incrementAndGet()).allowToken(ACME.domain());
    }

    /**
     * Nothing but Maven's own lines and the extension's message: no stack trace the SDK logged (Maven's logger
     * indents its frames with four spaces, which {@link MavenResult#assertNoStackTrace} does not look for), and on
     * Maven 4 no warning that the extension set the SDK's log level through Maven 3's deprecated property.
     */
    private static MavenResult assertQuiet(MavenResult result) {
        return result.assertNoStackTrace()
                .assertOutputDoesNotContain("\n    at ", "Using deprecated property");
    }

    /**
     * The build asked for one token, signed by {@code signer} ({@code who}, for the message) and allowed; its one
     * download was the parent POM; no secret of {@code secrets} shows; and the repository served only with the token.
     */
    private static void assertTokenFetchedBy(MavenResult result, String who, FakePrincipal signer,
            List<String> secrets) {
        assertCalls(result)
                .tokenRequests(1)
                .count("GetAuthorizationToken calls by " + who + ", allowed",
                        Calls.TOKEN_REQUEST.and(Calls.signedBy(signer.accessKeyId())).and(Calls.OK), 1)
                .downloaded(AcmeWorld.PARENT_POM)
                .noViolations();
        result.assertHidesSecrets(secrets);
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    /** The one session the role has: the build opened exactly one. */
    private static FakePrincipal onlySession(MavenResult result, FakeRole role) {
        List<FakePrincipal> sessions = role.sessions();
        if (sessions.size() != 1) {
            throw result.failure("expected one session of " + role + ", AWS opened " + sessions.size());
        }
        return sessions.get(0);
    }

    private static void assertSessionName(MavenResult result, FakePrincipal session, String name) {
        if (!session.arn().endsWith("/" + name)) {
            throw result.failure("expected the token to be asked for by a session named " + name + ", it was "
                    + session.arn());
        }
    }

    private static Path write(Path home, String relative, String content) {
        Path file = home.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
