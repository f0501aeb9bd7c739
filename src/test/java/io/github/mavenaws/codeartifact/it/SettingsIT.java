package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extension's settings as users give them. One build takes every route at once: the AWS profile from
 * {@code .mvn/maven.config}, the build-wide role from a settings.xml profile property, the session name from
 * {@code -D} (over settings.xml), a per-domain role for the second account from {@code -D}, the token lifetime and
 * the cache folder from variables, while decoys in the environment (another profile, a role, access keys that could
 * fetch tokens themselves) must lose to the Maven properties. Each of the two domains must get its token from its
 * own role, as the fake's record of who signed each call shows. Then three malformed values each stop a build with
 * one clear message and no stack trace.
 */
class SettingsIT {

    @RegisterExtension
    static final FakeAwsExtension AWS = new FakeAwsExtension();

    private static final String ALPHA_OWNER = "111122223333";
    private static final String BETA_OWNER = "444455556666";

    private static FakeAws aws;
    private static FakeDomain alpha;
    private static FakeDomain beta;
    private static FakeRepository alphaReleases;
    private static FakeRepository betaReleases;

    @BeforeAll
    static void world() {
        aws = AWS.aws();
        alpha = aws.domain("alpha", ALPHA_OWNER, "us-west-2");
        beta = aws.domain("beta", BETA_OWNER, "eu-west-1");
        alphaReleases = alpha.repository("releases");
        betaReleases = beta.repository("releases");
        PrivateArtifacts.publishLibrary(alphaReleases, "private-lib");
        PrivateArtifacts.publishLibrary(betaReleases, "private-lib-eu");
    }

    /** An IAM user with fresh keys, as a profile of the AWS config file names it. */
    private static FakePrincipal user() {
        return aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey());
    }

    private static String profile(String name, FakePrincipal user) {
        return "[profile " + name + "]\naws_access_key_id = " + user.accessKeyId() + "\naws_secret_access_key = "
                + user.secretAccessKey() + "\n";
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#core")
    void everyRouteTakesPartAndEachDomainGetsTheTokenOfItsOwnRole(MavenDistribution maven) throws IOException {
        String v = maven.version().replace('.', '-');
        FakeRole alphaRole = aws.role("arn:aws:iam::" + ALPHA_OWNER + ":role/alpha-reader-" + v).allowToken(alpha);
        FakeRole betaRole = aws.role("arn:aws:iam::" + BETA_OWNER + ":role/beta-reader-" + v).allowToken(beta);
        // may assume both roles, may not fetch tokens itself: every token must come from a role
        FakePrincipal builder = user().allowAssume(alphaRole).allowAssume(betaRole);
        // decoys: each could serve both domains, so a build that listened to them would pass as well
        FakeRole decoyRole = aws.role("arn:aws:iam::" + ALPHA_OWNER + ":role/decoy-" + v)
                .allowToken(alpha).allowToken(beta);
        FakePrincipal decoyProfileUser = user().allowToken(alpha).allowToken(beta).allowAssume(decoyRole);
        FakePrincipal decoyKeys = user().allowToken(alpha).allowToken(beta).allowAssume(decoyRole);
        Path cacheDir = ItEnvironment.workDir().resolve("settings-cache").resolve(maven.version());
        FileTrees.delete(cacheDir);

        MavenResult result = MavenRun.of(maven, "settings-routes").against(aws)
                // the plugins it needs come from the seed as from central: a third of the seed to copy; -c: the
                // seed is an installed local repository, without checksum files, which Maven 4 refuses
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .args("-c")
                .project(SampleProject.named("settings-routes")
                        .with("repo.url", alphaReleases.url())
                        .with("repo2.url", betaReleases.url()))
                // .mvn/maven.config of the project: -Dcodeartifact.profile=builder
                .awsConfig(profile("builder", builder) + profile("decoy", decoyProfileUser))
                .env("CODEARTIFACT_PROFILE", "decoy")
                .awsCredentials(decoyKeys)
                .settings(s -> s.property("codeartifact.roleArn", alphaRole.arn())
                        .property("codeartifact.roleSessionName", "from-settings-xml"))
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", decoyRole.arn())
                .args("-Dcodeartifact.roleSessionName=settings-it",
                        "-Dcodeartifact.beta-" + BETA_OWNER + ".roleArn=" + betaRole.arn())
                .env("CODEARTIFACT_DURATION_SECONDS", "3600")
                .env("CODEARTIFACT_CACHE_DIR", cacheDir.toString())
                .args("compile")
                .run();

        result.assertSuccess();
        if (alphaRole.sessions().size() != 1 || betaRole.sessions().size() != 1 || !decoyRole.sessions().isEmpty()) {
            throw result.failure("expected one session of each domain's role and none of the decoy role, got "
                    + alphaRole.sessions().size() + ", " + betaRole.sessions().size() + " and "
                    + decoyRole.sessions().size());
        }
        FakePrincipal alphaSession = alphaRole.sessions().get(0);
        FakePrincipal betaSession = betaRole.sessions().get(0);
        for (FakePrincipal session : List.of(alphaSession, betaSession)) {
            if (!session.arn().endsWith("/settings-it")) {
                throw result.failure("expected the session name from -D, the role session is " + session.arn());
            }
        }
        assertCalls(result)
                .count("calls signed by the decoy profile's or the environment's keys",
                        Calls.signedBy(decoyProfileUser.accessKeyId()).or(Calls.signedBy(decoyKeys.accessKeyId())), 0)
                .count("AssumeRole calls by the profile's user, allowed",
                        Calls.ASSUME_ROLE.and(Calls.signedBy(builder.accessKeyId())).and(Calls.OK), 2)
                .assumeRoles(2)
                .count("GetAuthorizationToken calls for alpha by alpha's role session, allowed",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("alpha"))
                                .and(Calls.signedBy(alphaSession.accessKeyId())).and(Calls.OK), 1)
                .count("GetAuthorizationToken calls for beta by beta's role session, allowed",
                        Calls.TOKEN_REQUEST.and(Calls.forDomain("beta"))
                                .and(Calls.signedBy(betaSession.accessKeyId())).and(Calls.OK), 1)
                .count("GetAuthorizationToken calls answered 200", Calls.TOKEN_REQUEST.and(Calls.OK), 2)
                .all("asking for the lifetime of CODEARTIFACT_DURATION_SECONDS", Calls.TOKEN_REQUEST,
                        c -> ("&" + c.query() + "&").contains("&duration=3600&"))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .downloaded(PrivateArtifacts.path("private-lib-eu", "jar"))
                .noViolations();
        for (FakePrincipal session : List.of(alphaSession, betaSession)) {
            List<String> tokens = aws.issuedTokens(session);
            if (tokens.size() != 1 || FileTrees.filesContaining(cacheDir, tokens.get(0)).isEmpty()) {
                throw result.failure("expected the token of " + session.arn() + " in CODEARTIFACT_CACHE_DIR "
                        + cacheDir + "; " + tokens.size() + " issued, the folder holds " + regularFiles(cacheDir)
                        + " files");
            }
        }
        result.assertHidesSecrets(List.of(builder.secretAccessKey(), alphaSession.secretAccessKey(),
                alphaSession.sessionToken(), betaSession.secretAccessKey(), betaSession.sessionToken()));
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void malformedSettingsStopTheBuildWithOneClearMessage(MavenDistribution maven) {
        FakePrincipal user = user().allowToken(alpha).allowToken(beta);

        // a per-domain role that is a user, on the command line
        MavenResult perDomainRole = pomRepositoryBuild(maven, "settings-bad-domain-role", alphaReleases.url())
                .awsCredentials(user)
                .args("-Dcodeartifact.beta-" + BETA_OWNER + ".roleArn=arn:aws:iam::" + BETA_OWNER + ":user/ci",
                        "validate")
                .run();
        perDomainRole.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains("codeartifact.beta-" + BETA_OWNER + ".roleArn is not an IAM role ARN: it names"
                        + " an IAM 'user', not a role", "Expected arn:aws:iam::<account-id>:role/<name>")
                .assertNoStackTrace();
        assertCalls(perDomainRole).count("calls to the fake AWS", c -> true, 0);

        // a token lifetime below the minimum, from a settings.xml profile
        MavenResult duration = pomRepositoryBuild(maven, "settings-bad-duration", alphaReleases.url())
                .awsCredentials(user)
                .settings(s -> s.property("codeartifact.durationSeconds", "899"))
                .args("validate")
                .run();
        duration.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains("codeartifact.durationSeconds must be 0 (the token lasts as long as the assumed"
                        + " role's session) or 900 to 43200 seconds, but it is 899, below the minimum of 900",
                        "-Dcodeartifact.durationSeconds=3600")
                .assertNoStackTrace();
        assertCalls(duration).count("calls to the fake AWS", c -> true, 0);

        // a repository in a region where CodeArtifact does not exist (per the SDK): no host answers there, as on AWS
        String nowhere = "https://alpha-" + ALPHA_OWNER + ".d.codeartifact.af-south-1.amazonaws.com/maven/releases/";
        MavenResult region = pomRepositoryBuild(maven, "settings-bad-region", nowhere)
                .awsCredentials(user)
                .args("compile")
                .run();
        region.assertFailure()
                .assertFasterThan(Duration.ofSeconds(60))
                .assertOutputContains(nowhere, "does not know AWS CodeArtifact in region af-south-1",
                        "correct the region in the repository URL")
                .assertNoStackTrace();
        assertCalls(region)
                .tokenRequests(0)
                .count("repository calls", Calls.REPOSITORY, 0);
    }

    /** Runs that stop before any plugin runs: the extension alone in the local repository, central from the seed. */
    private static MavenRun pomRepositoryBuild(MavenDistribution maven, String scenario, String url) {
        return MavenRun.of(maven, scenario).against(aws)
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository())
                .args("-c")
                .project(SampleProject.named("pom-repository").with("repo.url", url));
    }

    private static long regularFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Maven 4 versions under test: only Maven 4 reads a core extension's {@code <configuration>}. */
    static Stream<MavenDistribution> maven4() {
        return MavenDistribution.core().filter(MavenDistribution::isMaven4);
    }

    /**
     * Maven 4's {@code .mvn/extensions.xml} names the role in the extension's {@code <configuration>}, interpolated by
     * Maven from the environment; it wins over {@code POETRY_AWS_PLUGIN_ROLE_ARN} (a decoy role here) and loses to a
     * {@code -D} of the same setting (a session name). Then a misspelt element stops the build naming it.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("maven4")
    void maven4ExtensionsXmlConfigurationSetsTheRoleBelowTheMavenProperties(MavenDistribution maven) {
        String v = maven.version().replace('.', '-');
        FakeRole projectRole = aws.role("arn:aws:iam::" + ALPHA_OWNER + ":role/project-" + v).allowToken(alpha);
        FakeRole decoyRole = aws.role("arn:aws:iam::" + ALPHA_OWNER + ":role/decoy-xml-" + v).allowToken(alpha);
        FakePrincipal builder = user().allowAssume(projectRole).allowAssume(decoyRole);

        MavenResult result = MavenRun.of(maven, "extensions-xml-configuration").against(aws)
                .project(SampleProject.named("pom-repository").with("repo.url", alphaReleases.url())
                        .withExtensionConfiguration("<codeartifact.roleArn>${env.PROJECT_ROLE}</codeartifact.roleArn>"
                                + "<codeartifact.roleSessionName>from-extensions-xml</codeartifact.roleSessionName>"))
                .awsCredentials(builder)
                .env("PROJECT_ROLE", projectRole.arn())
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", decoyRole.arn())
                .args("-Dcodeartifact.roleSessionName=from-d", "compile")
                .run();

        result.assertSuccess().assertHidesSecrets(List.of(builder.secretAccessKey()));
        if (projectRole.sessions().size() != 1 || !decoyRole.sessions().isEmpty()
                || !projectRole.sessions().get(0).arn().endsWith("/from-d")) {
            throw result.failure("expected one session of the extensions.xml role named by -D and none of the"
                    + " decoy's, got " + projectRole.sessions().stream().map(FakePrincipal::arn).toList() + " and "
                    + decoyRole.sessions().size());
        }
        assertCalls(result)
                // the builder's own keys are asked first and refused; then the role's session
                .count("GetAuthorizationToken calls answered 200", Calls.TOKEN_REQUEST.and(Calls.OK), 1)
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations();

        MavenResult misspelt = MavenRun.of(maven, "extensions-xml-configuration-misspelt").against(aws)
                .project(SampleProject.named("pom-repository").with("repo.url", alphaReleases.url())
                        .withExtensionConfiguration("<codeartifact.rolearn>x</codeartifact.rolearn>"))
                .awsCredentials(builder)
                .args("compile")
                .run();
        misspelt.assertFailure()
                .assertOutputContains("<codeartifact.rolearn> in the <configuration> of maven-aws-extension in"
                        + " .mvn/extensions.xml is not a setting of the extension")
                .assertNoStackTrace();
        assertCalls(misspelt).tokenRequests(0).noViolations();
    }
}
