package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.ConnectProxy;
import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The extension's jar as a command, run as a new user runs it: {@code java -jar maven-aws-extension-<version>.jar}
 * with nothing else on the class path, against the fake AWS. {@code token} feeds curl and is served from the disk
 * cache the second time; URLs that are not CodeArtifact's and missing credentials are refused with the build's
 * words; {@code doctor} names the fix of a broken setup and the identity of a good one; {@code install} makes a
 * fresh Maven build a mirror-everything project, {@code uninstall} undoes it, a read-only {@code lib/ext} is refused.
 * Every run is checked for secrets on its streams (a token only on {@code token}'s stdout) and for SLF4J's noise.
 */
class CommandLineIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String POM_PATH = PrivateArtifacts.path("private-lib", "pom");

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

    private static FakePrincipal reader() {
        return ACME.reader();
    }

    @Test
    void tokenFeedsCurlAndComesFromTheDiskCacheTheSecondTime() throws IOException {
        FakePrincipal user = reader();
        Path home = RunDirectory.sharedFolder("cli-token-home", MavenDistribution.of(newestVersion()));

        JarResult first = JarRun.of("cli-token-1-fetch").against(aws).home(home).awsCredentials(user)
                .args("token", releases.url()).run();

        first.assertExitCode(0).assertStderrEmpty();
        List<String> issued = aws.issuedTokens(user);
        if (issued.size() != 1 || !first.stdoutText().equals(issued.get(0) + "\n")) {
            throw first.all().failure("expected stdout to be the one token issued and a line break, alone");
        }
        assertCalls(first.all()).tokenRequests(1).noViolations();

        JarResult second = JarRun.of("cli-token-2-disk").against(aws).home(home).awsCredentials(user)
                .args("token", releases.url()).run();

        second.assertExitCode(0).assertStderrEmpty();
        if (!second.stdoutText().equals(issued.get(0) + "\n")) {
            throw second.all().failure("expected the first call's token again, from the disk cache");
        }
        assertCalls(second.all()).count("calls to AWS", c -> true, 0);

        // as the README shows it: the token only inside $(...), never in the shell's output; without curl on the
        // machine, a Java program of the JDK's HTTP client in its place
        String url = releases.url() + POM_PATH;
        String token = "\"$($JAVA_JAR token " + releases.url() + ")\"";
        String script = curlAvailable()
                ? "curl -fsS --cacert " + pem() + " --resolve " + domain.host() + ":" + aws.port() + ":" + FakeAws.address()
                        + " -u aws:" + token + " " + url
                : "\"$JAVA\" $JVM_OPTIONS " + fetchProgram() + " " + url + " " + token;
        JarResult curl = JarRun.of("cli-token-3-curl").against(aws).home(home).awsCredentials(user).shell(script)
                .run();

        curl.assertExitCode(0);
        if (!curl.stdoutText().equals(new String(releases.content(POM_PATH), StandardCharsets.UTF_8))) {
            throw curl.all().failure("expected curl to print the POM of private-lib");
        }
        assertCalls(curl.all()).tokenRequests(0).downloadedWithToken(POM_PATH).repositoryServedOnlyWithToken()
                .noViolations();
    }

    @Test
    void tokenRefusesAUrlThatIsNotCodeArtifact() {
        JarResult result = JarRun.of("cli-token-not-codeartifact").against(aws).awsCredentials(reader())
                .args("token", "https://repo.maven.apache.org/maven2/").run();

        result.assertExitCode(2).assertStdoutEmpty();
        result.stderr().assertOutputContains("repo.maven.apache.org is not an AWS CodeArtifact repository host",
                "https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/");
        result.all().assertNoStackTrace();
        assertCalls(result.all()).count("calls to AWS", c -> true, 0);

        JarResult http = JarRun.of("cli-token-http").against(aws).awsCredentials(reader())
                .args("token", releases.url().replace("https:", "http:")).run();

        http.assertExitCode(2).assertStdoutEmpty();
        http.stderr().assertOutputContains("CodeArtifact repositories are served over https only");
    }

    @Test
    void tokenWithoutCredentialsFailsWithTheBuildsMessage() {
        JarResult result = JarRun.of("cli-token-no-credentials").against(aws).args("token", releases.url()).run();

        result.assertFailed().assertStdoutEmpty();
        result.stderr().assertOutputContains("No AWS CodeArtifact token for " + releases.url()
                        + " (domain acme, owner 111122223333, region us-west-2). Tried:",
                "no AWS credentials found", "To fix it, do one of:");
        result.all().assertNoStackTrace();
        assertCalls(result.all()).tokenRequests(0);
    }

    /** The build's settings, as system properties before -jar or, as Maven users type them, after the command. */
    @Test
    void settingsAreSystemPropertiesBeforeOrAfterTheCommand() {
        JarResult before = JarRun.of("cli-setting-before").against(aws).awsCredentials(reader())
                .jvm("-Dcodeartifact.cache=maybe").args("token", releases.url()).run();
        JarResult after = JarRun.of("cli-setting-after").against(aws).awsCredentials(reader())
                .args("token", "-Dcodeartifact.cache=maybe", releases.url()).run();

        for (JarResult result : List.of(before, after)) {
            result.assertExitCode(1).assertStdoutEmpty();
            result.stderr().assertOutputContains("codeartifact.cache must be true or false, but its value is not a"
                    + " boolean: 'maybe'");
            result.all().assertNoStackTrace();
            assertCalls(result.all()).count("calls to AWS", c -> true, 0);
        }
    }

    @Test
    void doctorWithoutCredentialsNamesTheFix() {
        JarResult result = JarRun.of("cli-doctor-no-credentials").against(aws).args("doctor", releases.url()).run();

        result.assertExitCode(1);
        result.stdout().assertOutputContains("domain acme, owner 111122223333, region us-west-2, repository releases",
                "FAILED   identity", "no AWS credentials found", "FAILED   token",
                "1. environment variable POETRY_AWS_PLUGIN_AUTH_TOKEN: not set",
                "=> FAILED. Fix: Give the AWS SDK credentials", "1 of 1 do not accept a token.");
        result.all().assertNoStackTrace();
    }

    @Test
    void doctorOfADeniedIdentityNamesItAndThePermission() {
        FakePrincipal denied = aws.user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey());

        JarResult result = JarRun.of("cli-doctor-denied").against(aws).awsCredentials(denied)
                .args("doctor", releases.url()).run();

        result.assertExitCode(1);
        result.stdout().assertOutputContains("ok       identity   " + denied.arn(),
                "FAILED   token", "AccessDeniedException",
                "Fix: " + denied.arn() + " may not get tokens: allow it codeartifact:GetAuthorizationToken on"
                        + " arn:aws:codeartifact:us-west-2:111122223333:domain/acme");
        result.all().assertNoStackTrace();
        assertCalls(result.all()).count("GetCallerIdentity calls", c -> "GetCallerIdentity".equals(c.operation()), 1);
    }

    @Test
    void doctorThroughAWrongProxyNamesTheProxy() {
        // port 9 (discard) of loopback: nothing listens, the connection is refused at once
        JarResult result = JarRun.of("cli-doctor-wrong-proxy").against(aws).awsCredentials(reader())
                .jvm("-Dhttps.proxyHost=127.0.0.1").jvm("-Dhttps.proxyPort=9")
                .args("doctor", releases.url()).run();

        result.assertExitCode(1);
        result.stdout().assertOutputContains(
                "ok       proxy      AWS calls go through the proxy 127.0.0.1:9 (the JVM's https.proxyHost)",
                "FAILED   identity", "Fix: AWS STS (sts.us-west-2.amazonaws.com) could not be reached. The proxy"
                        + " 127.0.0.1:9 (the JVM's https.proxyHost) may be wrong or down: correct or unset it");
        result.all().assertNoStackTrace();
        assertCalls(result.all()).count("calls to AWS", c -> true, 0);
    }

    /**
     * The commands' AWS calls through the user's settings.xml {@code <proxy>} (Basic authentication), every AWS name
     * reachable only through it, as a build's: {@code token} gets its token, {@code doctor} names that proxy in its
     * proxy step, finds the identity and probes the repository through it.
     */
    @Test
    void tokenAndDoctorGoThroughTheSettingsXmlProxy() throws IOException {
        FakePrincipal user = reader();
        Path home = RunDirectory.sharedFolder("cli-proxy-home", MavenDistribution.of(newestVersion()));
        String password = "proxy-Secret-0042";
        try (ConnectProxy proxy = new ConnectProxy("alice", password, aws.port())) {
            Files.createDirectories(home.resolve(".m2"));
            new SettingsXml().proxy("corp", "127.0.0.1", proxy.port(), "alice", password, "localhost")
                    .write(home.resolve(".m2/settings.xml"));
            Path unreachable = ProxyIT.hostsBehindProxy(aws, home);

            JarResult token = JarRun.of("cli-proxy-token").against(aws).home(home).awsCredentials(user)
                    .jvm("-Djdk.net.hosts.file=" + unreachable)
                    .args("token", releases.url()).run();

            token.assertExitCode(0).assertStderrEmpty();
            if (!proxy.tunnels.contains("codeartifact.us-west-2.amazonaws.com:443")) {
                throw token.all().failure("expected a tunnel to CodeArtifact through the proxy, it opened "
                        + proxy.tunnels);
            }
            assertCalls(token.all()).tokenRequests(1);

            JarResult doctor = JarRun.of("cli-proxy-doctor").against(aws).home(home).awsCredentials(user)
                    .jvm("-Djdk.net.hosts.file=" + unreachable)
                    .args("doctor", releases.url()).run();

            doctor.assertExitCode(0);
            doctor.stdout().assertOutputContains("ok       proxy      AWS calls go through the proxy 127.0.0.1:"
                            + proxy.port() + " (settings.xml <proxy> 'corp', user alice)",
                    "ok       identity   " + user.arn(),
                    "ok       repository GET with the token answered HTTP 404: the token is accepted");
            doctor.all().assertNoStackTrace().assertHidesSecrets(List.of(password, user.secretAccessKey()));
            if (!proxy.tunnels.contains("sts.us-west-2.amazonaws.com:443")) {
                throw doctor.all().failure("expected a tunnel to STS through the proxy, it opened " + proxy.tunnels);
            }
        }
    }

    /**
     * A project whose module declares one repository and a settings.xml that mirrors central to another: doctor
     * finds both, shows who the user is, and both accept a token.
     */
    @Test
    void doctorOfAGoodProjectFindsItsRepositoriesAndPasses() throws IOException {
        FakePrincipal user = reader();
        FakeRepository mirror = domain.repository("mirror");
        Path root = ItEnvironment.workDir().resolve("runs/cli-doctor-project/files");
        FileTrees.delete(root);
        Path project = Files.createDirectories(root.resolve("project"));
        Path home = root.resolve("home");
        Files.writeString(project.resolve("pom.xml"), pom("app", "pom",
                "<modules><module>lib</module></modules>"));
        Files.createDirectories(project.resolve("lib"));
        Files.writeString(project.resolve("lib/pom.xml"), pom("lib", "jar", "<repositories><repository>"
                + "<id>codeartifact</id><url>" + releases.url() + "</url></repository>"
                + "<repository><id>other</id><url>https://repo.example.com/maven2/</url></repository></repositories>"));
        Files.createDirectories(home.resolve(".m2"));
        new SettingsXml().mirror("ca-mirror", "central", mirror.url()).write(home.resolve(".m2/settings.xml"));

        JarResult result = JarRun.of("cli-doctor-project").against(aws).home(home).in(project).awsCredentials(user)
                .args("doctor").run();

        result.assertExitCode(0);
        result.stdout().assertOutputContains(
                "Repository " + releases.url() + "  (lib/pom.xml repository codeartifact)",
                "Repository " + mirror.url() + "  (" + home.resolve(".m2/settings.xml") + " mirror ca-mirror)",
                "1 other (not CodeArtifact, not checked)",
                "ok       identity   " + user.arn() + " (account " + FakeAws.USER_ACCOUNT + ")",
                "ok       token      from codeartifact:GetAuthorizationToken with the default AWS credentials,"
                        + " expires ",
                "3. codeartifact:GetAuthorizationToken with the default AWS credentials: gave the token",
                "ok       repository GET with the token answered HTTP 404: the token is accepted",
                "ok       proxy      AWS calls go directly, through no proxy", "All 2 accept a token.");
        result.stdout().assertOutputDoesNotContain("FAILED");
        result.all().assertNoStackTrace();
        // one domain, one token: both repositories share it, as in a build
        assertCalls(result.all()).tokenRequests(1).noViolations();
    }

    @Test
    void helpAndVersion() {
        JarResult help = JarRun.of("cli-help").args("--help").run();
        help.assertExitCode(0).assertStderrEmpty();
        help.stdout().assertOutputContains("token <repository-url>", "doctor [<url>...|<project-dir>]",
                "install [--maven-home DIR]", "uninstall [--maven-home DIR]", "--version");
        for (String command : List.of("token", "doctor", "install", "uninstall")) {
            JarResult commandHelp = JarRun.of("cli-help-" + command).args(command, "--help").run();
            commandHelp.assertExitCode(0).assertStderrEmpty();
            commandHelp.stdout().assertOutputContains("Usage: java -jar maven-aws-extension-"
                    + ItEnvironment.extensionVersion() + ".jar " + command);
        }
        JarRun.of("cli-version").args("--version").run().assertExitCode(0).stdout()
                .assertOutputContains("maven-aws-extension " + ItEnvironment.extensionVersion() + "\n");
        JarResult none = JarRun.of("cli-no-command").run();
        none.assertExitCode(2).assertStdoutEmpty();
        none.stderr().assertOutputContains("Usage:");
        JarResult unknown = JarRun.of("cli-unknown-command").args("tokn").run();
        unknown.assertExitCode(2);
        unknown.stderr().assertOutputContains("Unknown command 'tokn'");
    }

    /**
     * The README's bootstrap with the command: a fresh copy of the distribution, with an older version of the
     * extension in {@code lib/ext}; {@code install} finds that Maven on the PATH (its {@code mvn -v}), replaces the
     * old jar, and the Maven then builds a project whose every download goes through a CodeArtifact mirror from an
     * empty local repository; {@code uninstall}, in a project whose {@code ./mvnw} runs that Maven, removes the jar
     * again.
     */
    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void installMakesAFreshMavenBuildThroughAMirrorOfEverything(MavenDistribution maven) throws IOException {
        MavenDistribution fresh = freshCopy(maven, "install");
        Path libExt = fresh.home().resolve("lib/ext");
        Files.writeString(libExt.resolve("maven-aws-extension-0.0.1.jar"), "an older version");

        JarResult install = JarRun.of("cli-install-" + maven.version()).pathFirst(fresh.home().resolve("bin"))
                .args("install").run();

        install.assertExitCode(0);
        install.stdout().assertOutputContains("Maven installation " + fresh.home() + ", the mvn on the PATH",
                "Installed " + jarName() + " into " + libExt,
                "Removed maven-aws-extension-0.0.1.jar, another version");
        if (!extensionJars(libExt).equals(List.of(jarName()))
                || !Arrays.equals(Files.readAllBytes(libExt.resolve(jarName())),
                        Files.readAllBytes(ItEnvironment.extensionJar()))) {
            throw install.all().failure("expected lib/ext to hold this jar alone, got " + extensionJars(libExt));
        }

        FakePrincipal user = reader();
        FakeRepository mirror = domain.repository("cli-mirror-" + maven.version());
        mirror.upstream(ItEnvironment.seedRepository());
        PrivateArtifacts.publishLibrary(mirror, "private-lib");
        MavenResult build = MavenRun.of(fresh, "cli-installed-bootstrap").against(aws)
                .project(SampleProject.named("no-repository").withoutExtensionsXml())
                .localRepositoryFrom(emptyFolder())
                .mirrorEverythingTo(mirror.url())
                .awsCredentials(user)
                .args("compile")
                .run();

        build.assertSuccess();
        assertCalls(build)
                .tokenRequests(1)
                .downloadedWithToken("org/apache/maven/plugins/maven-compiler-plugin/3.13.0/"
                        + "maven-compiler-plugin-3.13.0.jar")
                .downloadedWithToken(PrivateArtifacts.path("private-lib", "jar"))
                .noViolations()
                .repositoryServedOnlyWithToken();

        // in a project with a wrapper, the wrapper's Maven: here a ./mvnw that runs the fresh copy
        Path project = Files.createDirectories(ItEnvironment.workDir().resolve("cli-maven/wrapped-" + maven.version()));
        Path wrapper = Files.writeString(project.resolve("mvnw"), "#!/bin/sh\nexec " + fresh.launcher() + " \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        JarResult uninstall = JarRun.of("cli-uninstall-" + maven.version()).in(project).args("uninstall").run();

        uninstall.assertExitCode(0);
        uninstall.stdout().assertOutputContains("Maven installation " + fresh.home() + ", the Maven of ./mvnw",
                "Removed " + jarName() + " from " + libExt);
        if (!extensionJars(libExt).isEmpty()) {
            throw uninstall.all().failure("expected no extension jar left in lib/ext, got " + extensionJars(libExt));
        }
        JarRun.of("cli-uninstall-again-" + maven.version())
                .args("uninstall", "--maven-home", fresh.home().toString()).run()
                .assertExitCode(0).stdout().assertOutputContains("Nothing to uninstall");
    }

    /**
     * A {@code lib/ext} the user may not write is refused with what to do, and nothing changes. Root writes any
     * folder, so as root the folder is made immutable ({@code chattr +i}), which stops root too.
     */
    @Test
    void installIntoAReadOnlyFolderIsRefused() throws IOException, InterruptedException {
        MavenDistribution fresh = freshCopy(MavenDistribution.of(newestVersion()), "read-only");
        Path libExt = fresh.home().resolve("lib/ext");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            Process chattr = new ProcessBuilder("chattr", "+i", libExt.toString()).inheritIO().start();
            Assumptions.assumeTrue(chattr.waitFor() == 0, "running as root and chattr +i failed: a read-only"
                    + " lib/ext cannot be made here, so the refusal is not tested");
        } else {
            libExt.toFile().setWritable(false, false);
        }
        try {
            JarResult result = JarRun.of("cli-install-read-only")
                    .args("install", "--maven-home", fresh.home().toString()).run();

            result.assertExitCode(1);
            result.stderr().assertOutputContains("Cannot install into " + libExt + ": the folder is not writable by "
                    + System.getProperty("user.name") + ".", root ? "read-only even for root"
                            : "sudo java -jar " + jarName() + " install --maven-home " + fresh.home(),
                    "Nothing was changed.");
            result.all().assertNoStackTrace();
            if (!extensionJars(libExt).isEmpty()) {
                throw result.all().failure("expected lib/ext unchanged, got " + extensionJars(libExt));
            }
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", libExt.toString()).inheritIO().start().waitFor();
            } else {
                libExt.toFile().setWritable(true, true);
            }
        }
    }

    private static String newestVersion() {
        return MavenDistribution.newest().findFirst().orElseThrow().version();
    }

    private static String jarName() {
        return "maven-aws-extension-" + ItEnvironment.extensionVersion() + ".jar";
    }

    /** A fresh copy of the distribution, {@code target/it/cli-maven/<name>/apache-maven-<version>}. */
    private static MavenDistribution freshCopy(MavenDistribution maven, String name) {
        Path copy = ItEnvironment.workDir().resolve("cli-maven").resolve(name).resolve(maven.home().getFileName());
        FileTrees.delete(copy);
        FileTrees.copy(maven.home(), copy);
        MavenDistribution fresh = new MavenDistribution(maven.version(), copy);
        fresh.launcher();
        return fresh;
    }

    private static List<String> extensionJars(Path libExt) throws IOException {
        try (Stream<Path> files = Files.list(libExt)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("maven-aws-extension"))
                    .sorted().toList();
        }
    }

    private static Path emptyFolder() {
        try {
            return Files.createDirectories(ItEnvironment.workDir().resolve("empty-repository"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pom(String artifactId, String packaging, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<project xmlns=\"http://maven.apache.org/POM/4.0.0\">"
                + "<modelVersion>4.0.0</modelVersion><groupId>com.example</groupId><artifactId>" + artifactId
                + "</artifactId><version>1.0</version><packaging>" + packaging + "</packaging>" + body
                + "</project>\n";
    }

    /** curl on the PATH, unless {@code -Dit.noCurl=true} tries the fallback. */
    private static boolean curlAvailable() {
        if (Boolean.getBoolean("it.noCurl")) {
            return false;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "curl")));
    }

    /**
     * A single-file Java program (run by the java launcher from source) that GETs its first argument with Basic
     * {@code aws:<second argument>} and prints the body, failing on any status but 200: curl's part where there is
     * no curl.
     */
    private static Path fetchProgram() throws IOException {
        return Files.writeString(ItEnvironment.workDir().resolve("Fetch.java"), """
                import java.net.URI;
                import java.net.http.HttpClient;
                import java.net.http.HttpRequest;
                import java.net.http.HttpResponse;
                import java.util.Base64;

                public class Fetch {
                    public static void main(String[] args) throws Exception {
                        String basic = Base64.getEncoder().encodeToString(("aws:" + args[1]).getBytes("UTF-8"));
                        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                                .newBuilder(URI.create(args[0])).header("Authorization", "Basic " + basic).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            System.err.println("HTTP " + response.statusCode());
                            System.exit(1);
                        }
                        System.out.print(response.body());
                    }
                }
                """);
    }

    /** The fake's certificate as PEM, for curl's --cacert. */
    private static Path pem() {
        try (InputStream in = Files.newInputStream(aws.trustStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, aws.trustStorePassword().toCharArray());
            StringBuilder pem = new StringBuilder();
            for (String alias : Collections.list(store.aliases())) {
                Certificate certificate = store.getCertificate(alias);
                if (certificate != null) {
                    pem.append("-----BEGIN CERTIFICATE-----\n")
                            .append(Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(certificate.getEncoded()))
                            .append("\n-----END CERTIFICATE-----\n");
                }
            }
            return Files.writeString(ItEnvironment.workDir().resolve("fake-aws-ca.pem"), pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
