package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.ConnectProxy;
import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
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
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A network where only the proxy may leave: every AWS name resolves to 127.0.0.9, where nothing listens, and the
 * {@code settings.xml} {@code <proxy>} (Basic authentication, on loopback) tunnels to the fake AWS. The build gets
 * its token through the proxy, GetAuthorizationToken and AssumeRole alike, {@code -X} says which proxy the AWS calls
 * use, the SDK's own STS and SSO clients (web identity, IAM Identity Center) go through it too, a password encrypted
 * with settings-security.xml reaches it decrypted, and a wrong proxy password fails the build with a message naming
 * the proxy, never the password.
 */
class ProxyIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String PARENT_POM = AcmeWorld.PARENT_POM;
    private static final String PROXY_USER = "alice";
    private static final String PROXY_PASSWORD = "proxy-Secret-4711";

    private static FakeAws aws;
    private static FakeDomain domain;
    private static FakeRepository releases;

    /** The fixture's world, under the names this class's scenarios use. */
    @BeforeAll
    static void world() {
        aws = ACME.aws();
        domain = ACME.domain();
        releases = ACME.releases();
    }

    /** The fake's hosts file with every AWS name moved to 127.0.0.9: reachable through the proxy only. */
    private static Path unreachableAws(Path dir) {
        return hostsBehindProxy(aws, dir);
    }

    /** {@code aws}'s hosts file, in {@code dir}, with every AWS name moved to 127.0.0.9, where nothing listens. */
    static Path hostsBehindProxy(FakeAws aws, Path dir) {
        try {
            String hosts = Files.readAllLines(aws.hostsFile()).stream()
                    .map(l -> l.startsWith(FakeAws.address() + " ") && !l.endsWith(" localhost")
                            ? "127.0.0.9 " + l.substring(FakeAws.address().length() + 1)
                            : l)
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.createDirectories(dir);
            return Files.writeString(dir.resolve("hosts-behind-proxy"), hosts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MavenRun build(MavenDistribution maven, String scenario, ConnectProxy proxy, String password) {
        return build(maven, scenario, proxy, password, home(maven, scenario));
    }

    /** The scenario's HOME, emptied: for files the build reads there, written before {@link #build}. */
    private static Path home(MavenDistribution maven, String scenario) {
        return RunDirectory.sharedFolder("proxy-" + scenario, maven);
    }

    private static MavenRun build(MavenDistribution maven, String scenario, ConnectProxy proxy, String password,
            Path home) {
        return MavenRun.of(maven, "proxy/" + scenario).against(aws)
                .project(SampleProject.named("parent-from-pom").with("repo.url", releases.url()))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .home(home)
                .settings(s -> s.proxy("corp", "127.0.0.1", proxy.port(), PROXY_USER, password, "localhost"))
                // MavenRun's options, the hosts file behind the proxy instead of the fake's
                .env("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Duser.home=" + home
                        + " -Djdk.net.hosts.file=" + unreachableAws(home)
                        + " -Djavax.net.ssl.trustStore=" + aws.trustStore()
                        + " -Djavax.net.ssl.trustStorePassword=" + aws.trustStorePassword()
                        + " -Djavax.net.ssl.trustStoreType=PKCS12")
                .timeout(Duration.ofSeconds(180));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void tokenThroughTheAuthenticatingProxyDirectAndByRole(MavenDistribution maven) throws Exception {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "direct", proxy, PROXY_PASSWORD)
                    .awsCredentials(user)
                    .args("-X", "validate")
                    .run();

            result.assertSuccess()
                    .assertOutputContains("AWS calls to codeartifact.us-west-2.amazonaws.com go through the proxy"
                            + " 127.0.0.1:" + proxy.port() + " (settings.xml <proxy>, user " + PROXY_USER + ")")
                    .assertHidesSecrets(List.of(PROXY_PASSWORD, user.secretAccessKey()));
            assertCalls(result).tokenRequests(1).downloaded(PARENT_POM);
            assertTunnelled(result, proxy, "codeartifact.us-west-2.amazonaws.com:443");
        }

        FakeRole role = aws.role("arn:aws:iam::111122223333:role/reader-behind-proxy-" + maven.version())
                .allowToken(domain);
        FakePrincipal base = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowAssume(role);
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "role", proxy, PROXY_PASSWORD)
                    .awsCredentials(base)
                    .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                    .args("validate")
                    .run();

            result.assertSuccess().assertHidesSecrets(List.of(PROXY_PASSWORD, base.secretAccessKey()));
            assertCalls(result).assumeRoles(1).downloaded(PARENT_POM);
            assertTunnelled(result, proxy, "sts.us-west-2.amazonaws.com:443");
        }
    }

    /** A role_arn profile: the SDK's own STS client, which takes no HTTP client from the extension, goes through too. */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void roleProfileTheSdkAssumesItselfGoesThroughTheProxy(MavenDistribution maven) throws Exception {
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/profile-behind-proxy-" + maven.version())
                .allowToken(domain);
        FakePrincipal base = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowAssume(role);
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "role-profile", proxy, PROXY_PASSWORD)
                    .awsConfig("[profile reader]\nrole_arn = " + role.arn() + "\nsource_profile = base\n"
                            + "region = us-west-2\n\n[profile base]\naws_access_key_id = " + base.accessKeyId()
                            + "\naws_secret_access_key = " + base.secretAccessKey() + "\n")
                    .env("AWS_PROFILE", "reader")
                    .args("validate")
                    .run();

            result.assertSuccess().assertHidesSecrets(List.of(PROXY_PASSWORD, base.secretAccessKey()));
            assertCalls(result).assumeRoles(1).downloaded(PARENT_POM);
            assertTunnelled(result, proxy, "sts.us-west-2.amazonaws.com:443");
        }
    }

    /** Web identity as GitHub Actions sets it: the SDK's own STS client calls AssumeRoleWithWebIdentity, tunnelled. */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void webIdentityGoesThroughTheProxy(MavenDistribution maven) throws Exception {
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/oidc-behind-proxy-" + maven.version())
                .allowToken(domain);
        WebIdentityToken oidc = aws.webIdentityToken(role, "repo:acme/app:ref:refs/heads/main",
                Duration.ofMinutes(10));
        Path home = home(maven, "web-identity");
        Path tokenFile = write(home, "web-identity-token", oidc.token());
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "web-identity", proxy, PROXY_PASSWORD, home)
                    .env("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toString())
                    .env("AWS_ROLE_ARN", role.arn())
                    .env("AWS_ROLE_SESSION_NAME", "gha-behind-proxy")
                    .args("validate")
                    .run();

            result.assertSuccess().assertNoStackTrace().assertHidesSecrets(List.of(PROXY_PASSWORD, oidc.token()));
            assertCalls(result)
                    .count("AssumeRoleWithWebIdentity calls, allowed",
                            c -> "AssumeRoleWithWebIdentity".equals(c.operation()) && c.status() == 200, 1)
                    .tokenRequests(1).downloaded(PARENT_POM);
            // the SDK's web identity provider, given no region, asks the global STS endpoint
            assertTunnelled(result, proxy, "sts.amazonaws.com:443");
            assertTunnelled(result, proxy, "codeartifact.us-west-2.amazonaws.com:443");
        }
    }

    /** An IAM Identity Center profile: the SDK's own SSO client asks the portal for the role's credentials. */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void ssoProfileGoesThroughTheProxy(MavenDistribution maven) throws Exception {
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Reader_"
                + maven.version().replace('.', '-')).allowToken(domain);
        FakeSsoUser user = aws.ssoUser("proxy-" + maven.version() + "@example.com").assign("Reader", role);
        SsoLogin login = user.login(Duration.ofHours(8));
        Path home = home(maven, "sso");
        String startUrl = "https://acme.awsapps.com/start";
        write(home, ".aws/sso/cache/" + sha1(startUrl) + ".json", "{\"startUrl\": \"" + startUrl
                + "\", \"region\": \"eu-west-1\", \"accessToken\": \"" + login.accessToken()
                + "\", \"expiresAt\": \"" + login.expiresAt().truncatedTo(ChronoUnit.SECONDS) + "\"}");
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "sso", proxy, PROXY_PASSWORD, home)
                    .awsConfig("[profile sso-dev]\nsso_start_url = " + startUrl + "\nsso_region = eu-west-1\n"
                            + "sso_account_id = 111122223333\nsso_role_name = Reader\nregion = us-west-2\n")
                    .env("AWS_PROFILE", "sso-dev")
                    .args("validate")
                    .run();

            result.assertSuccess().assertNoStackTrace()
                    .assertHidesSecrets(List.of(PROXY_PASSWORD, login.accessToken()));
            assertCalls(result)
                    .count("GetRoleCredentials calls, allowed",
                            c -> "GetRoleCredentials".equals(c.operation()) && c.status() == 200, 1)
                    .tokenRequests(1).downloaded(PARENT_POM);
            assertTunnelled(result, proxy, "portal.sso.eu-west-1.amazonaws.com:443");
        }
    }

    /**
     * The proxy password encrypted as {@code mvn --encrypt-password} writes it, with the master password in
     * settings-security.xml: the AWS calls authenticate with the password as Maven decrypts it.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void encryptedProxyPasswordIsDecryptedAsMavenDoes(MavenDistribution maven) throws Exception {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);
        String master = "master-Secret-1234";
        Path home = home(maven, "encrypted");
        write(home, ".m2/settings-security.xml", "<settingsSecurity><master>"
                + MavenPasswords.encrypt(master, "settings.security") + "</master></settingsSecurity>\n");
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            String encrypted = MavenPasswords.encrypt(PROXY_PASSWORD, master);
            MavenResult result = build(maven, "encrypted", proxy, encrypted, home)
                    .awsCredentials(user)
                    .args("-Dsettings.security=" + home.resolve(".m2/settings-security.xml"), "validate")
                    .run();

            result.assertSuccess().assertNoStackTrace().assertHidesSecrets(List.of(PROXY_PASSWORD, master));
            assertCalls(result).tokenRequests(1).downloaded(PARENT_POM);
            assertTunnelled(result, proxy, "codeartifact.us-west-2.amazonaws.com:443");
        }
    }

    private static Path write(Path dir, String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String sha1(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#newest")
    void wrongProxyPasswordNamesTheProxyNeverThePassword(MavenDistribution maven) throws Exception {
        FakePrincipal user = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey()).allowToken(domain);
        String wrong = "wrong-Proxy-Password-0815";
        try (ConnectProxy proxy = new ConnectProxy(PROXY_USER, PROXY_PASSWORD, aws.port())) {
            MavenResult result = build(maven, "wrong-password", proxy, wrong)
                    .awsCredentials(user)
                    .args("validate")
                    .run();

            result.assertFailure()
                    .assertFasterThan(Duration.ofSeconds(60))
                    .assertOutputContains("No AWS CodeArtifact token", "the proxy 127.0.0.1:" + proxy.port()
                            + " (settings.xml <proxy>, user " + PROXY_USER + ") refused the credentials of "
                            + PROXY_USER + " (HTTP 407)")
                    .assertNoStackTrace()
                    .assertHidesSecrets(List.of(wrong, PROXY_PASSWORD, user.secretAccessKey()));
            assertCalls(result).tokenRequests(0);
        }
    }

    private static void assertTunnelled(MavenResult result, ConnectProxy proxy, String authority) {
        if (!proxy.tunnels.contains(authority)) {
            throw result.failure("expected a tunnel to " + authority + " through the proxy, it opened "
                    + proxy.tunnels);
        }
    }
}
