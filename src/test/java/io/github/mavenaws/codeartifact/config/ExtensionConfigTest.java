package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtensionConfigTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/codeartifact-reader";
    /** A domain without per-domain settings: it has the build-wide ones. */
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void nothingSetMeansNothingConfigured() throws Exception {
        ExtensionConfig config = ExtensionConfig.from(Collections.emptyMap(), Collections.emptyMap());
        assertNull(config.envToken());
        assertNull(config.codeartifactEnvToken());
        assertNull(config.aws(ACME).roleArn());
        assertFalse(config.skip());
        assertTrue(config.cache());
    }

    @Test
    void tokensAreTrimmedAndBlankMeansUnset() throws Exception {
        ExtensionConfig config = ExtensionConfig.from(
                env("POETRY_AWS_PLUGIN_AUTH_TOKEN", " abc.def \n", "CODEARTIFACT_AUTH_TOKEN", "  "),
                Collections.emptyMap());
        assertEquals("abc.def", config.envToken());
        assertNull(config.codeartifactEnvToken());
        assertFalse(config.toString().contains("abc"), config.toString());
    }

    @Test
    void aMultiLineTokenIsRefusedWithoutEchoingIt() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ExtensionConfig.from(env("CODEARTIFACT_AUTH_TOKEN", "secretpart1\nsecretpart2"),
                        Collections.emptyMap()));
        assertTrue(e.getMessage().startsWith("CODEARTIFACT_AUTH_TOKEN contains whitespace"), e.getMessage());
        assertFalse(e.getMessage().contains("secretpart"), e.getMessage());
    }

    /** Values a token variable may hold by mistake; each part of them is marked so a test can look for it. */
    static Stream<Arguments> malformedTokens() {
        String part = "SECRETPART";
        return Stream.of(
                Arguments.of("line break", part + "1\n" + part + "2", "whitespace or a line break"),
                Arguments.of("CRLF inside", part + "1\r\n" + part + "2", "whitespace or a line break"),
                Arguments.of("two tokens", part + "1 " + part + "2", "whitespace or a line break"),
                Arguments.of("tab", part + "1\t" + part + "2", "whitespace or a line break"),
                Arguments.of("NUL", part + "1\0" + part + "2", "whitespace or a line break"),
                Arguments.of("escape sequence", part + "1\u001b[0m" + part + "2", "whitespace or a line break"),
                Arguments.of("no-break space at the end", part + "1" + part + "2\u00a0", "whitespace or a line break"),
                Arguments.of("line separator", part + "1\u2028" + part + "2", "whitespace or a line break"),
                Arguments.of("zero-width space", part + "1\u200b" + part + "2", "not printable ASCII"),
                Arguments.of("Cyrillic look-alike", part + "1\u0430" + part + "2", "not printable ASCII"),
                Arguments.of("smart quotes", "\u201c" + part + "1" + part + "2\u201d", "not printable ASCII"),
                Arguments.of("byte order mark", "\ufeff" + part + "1" + part + "2", "not printable ASCII"),
                Arguments.of("16 KiB and one", part + "x".repeat(16 * 1024 + 1 - part.length()), "characters, far more"),
                Arguments.of("a whole file", (part + "\n").repeat(10_000), "characters, far more"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("malformedTokens")
    void malformedTokensAreRefusedNamingTheVariableNeverTheValue(String shape, String value, String problem) {
        for (String variable : new String[] {"POETRY_AWS_PLUGIN_AUTH_TOKEN", "CODEARTIFACT_AUTH_TOKEN"}) {
            ConfigurationException e = assertThrows(ConfigurationException.class,
                    () -> ExtensionConfig.from(env(variable, value), Collections.emptyMap()), shape);
            String message = e.getMessage();
            assertTrue(message.startsWith(variable + " "), message);
            assertTrue(message.contains(problem), message);
            assertTrue(message.contains("Export only the token, e.g. " + variable + "=$(aws codeartifact"), message);
            assertFalse(message.contains("SECRETPART"), message);
            assertFalse(message.contains("xxxxxxxx"), message);
        }
    }

    @Test
    void aTokenAtTheLengthLimitIsAccepted() throws Exception {
        String token = "a".repeat(16 * 1024);
        assertEquals(token, ExtensionConfig.from(env("CODEARTIFACT_AUTH_TOKEN", " " + token + "\n"),
                Collections.emptyMap()).codeartifactEnvToken());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\n", " \t\r\n "})
    void emptyOrWhitespaceOnlyTokensCountAsUnsetButAreReported(String value) throws Exception {
        ExtensionConfig config = ExtensionConfig.from(
                env("POETRY_AWS_PLUGIN_AUTH_TOKEN", value, "CODEARTIFACT_AUTH_TOKEN", value), Collections.emptyMap());

        assertNull(config.envToken());
        assertNull(config.codeartifactEnvToken());
        assertTrue(config.isSetButBlank("POETRY_AWS_PLUGIN_AUTH_TOKEN"));
        assertTrue(config.isSetButBlank("CODEARTIFACT_AUTH_TOKEN"));
        assertFalse(ExtensionConfig.from(Collections.emptyMap(), Collections.emptyMap())
                .isSetButBlank("CODEARTIFACT_AUTH_TOKEN"), "unset is not blank");
    }

    @Test
    void roleFromEnvironmentOrPropertyWhichWins() throws Exception {
        ExtensionConfig fromEnv = ExtensionConfig.from(env("POETRY_AWS_PLUGIN_ROLE_ARN", ROLE), Collections.emptyMap());
        assertEquals(ROLE, fromEnv.aws(ACME).roleArn().toString());
        assertEquals("POETRY_AWS_PLUGIN_ROLE_ARN", fromEnv.aws(ACME).roleSetting());

        Map<String, Object> properties = new HashMap<>();
        properties.put("codeartifact.roleArn", "arn:aws:iam::444455556666:role/path/deployer");
        ExtensionConfig fromProperty = ExtensionConfig.from(env("POETRY_AWS_PLUGIN_ROLE_ARN", ROLE), properties);
        assertEquals("arn:aws:iam::444455556666:role/path/deployer", fromProperty.aws(ACME).roleArn().toString());
        assertEquals("codeartifact.roleArn", fromProperty.aws(ACME).roleSetting());
    }

    @Test
    void theRepositoryArnFromThePoetryReadmeIsRefusedWithTheExpectedForm() {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ExtensionConfig.from(
                        env("POETRY_AWS_PLUGIN_ROLE_ARN",
                                "arn:aws:codeartifact:us-west-2:111122223333:repository/acme/releases"),
                        Collections.emptyMap()));
        assertTrue(e.getMessage().startsWith("POETRY_AWS_PLUGIN_ROLE_ARN is not an IAM role ARN"), e.getMessage());
        assertTrue(e.getMessage().contains("CodeArtifact repository ARN"), e.getMessage());
        assertTrue(e.getMessage().contains("arn:aws:iam::<account-id>:role/<name>"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "role/codeartifact",
        "arn:aws:iam::1111:role/x",
        "arn:aws:iam::111122223333:user/alice",
        "arn:aws-cn:iam::111122223333:role/x",
        "arn:aws:sts::111122223333:assumed-role/x/y",
        "arn:aws:iam::111122223333:role/"
    })
    void malformedRoleArnsAreRefused(String value) {
        ConfigurationException e = assertThrows(
                ConfigurationException.class,
                () -> ExtensionConfig.from(env("POETRY_AWS_PLUGIN_ROLE_ARN", value), Collections.emptyMap()));
        assertTrue(e.getMessage().contains("POETRY_AWS_PLUGIN_ROLE_ARN"), e.getMessage());
        assertTrue(e.getMessage().contains("arn:aws:iam::<account-id>:role/<name>"), e.getMessage());
    }

    @Test
    void skipMustBeABoolean() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("codeartifact.skip", "true");
        assertTrue(ExtensionConfig.from(Collections.emptyMap(), properties).skip());
        properties.put("codeartifact.skip", "yes please");
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> ExtensionConfig.from(Collections.emptyMap(), properties));
        assertTrue(e.getMessage().startsWith("codeartifact.skip must be true or false"), e.getMessage());
    }

    @Test
    void theCacheIsOnByDefaultInMavensUserHome() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("user.home", "/home/alice");
        ExtensionConfig config = ExtensionConfig.from(Collections.emptyMap(), properties);
        assertTrue(config.cache());
        assertEquals(Path.of("/home/alice/.m2/codeartifact-tokens"), config.cacheDir());

        properties.put("maven.user.home", "/opt/m2");
        assertEquals(Path.of("/opt/m2/codeartifact-tokens"),
                ExtensionConfig.from(Collections.emptyMap(), properties).cacheDir());
    }

    @Test
    void theCacheCanBeMovedOrTurnedOff(@TempDir Path dir) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("codeartifact.cacheDir", dir.resolve("tokens").toString());
        properties.put("codeartifact.cache", " FALSE ");
        ExtensionConfig config = ExtensionConfig.from(Collections.emptyMap(), properties);
        assertFalse(config.cache());
        assertEquals(dir.resolve("tokens"), config.cacheDir());
        assertFalse(Files.exists(dir.resolve("tokens")), "reading the settings creates nothing");
        assertTrue(config.toString().contains("cache=off"), config.toString());
    }

    @Test
    void cacheMustBeABoolean() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("codeartifact.cache", "0");
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> ExtensionConfig.from(Collections.emptyMap(), properties));
        assertTrue(e.getMessage().startsWith("codeartifact.cache must be true or false"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dcodeartifact.cache=false"), e.getMessage());
    }

    @Test
    void aCacheDirThatIsAFileIsRefusedNamingTheSetting(@TempDir Path dir) throws Exception {
        Path file = Files.createFile(dir.resolve("tokens"));
        Map<String, Object> properties = new HashMap<>();
        properties.put("codeartifact.cacheDir", file.toString());
        ConfigurationException e = assertThrows(
                ConfigurationException.class, () -> ExtensionConfig.from(Collections.emptyMap(), properties));
        assertTrue(e.getMessage().startsWith("codeartifact.cacheDir names a file, not a directory: " + file),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dcodeartifact.cache=false"), e.getMessage());

        properties.put("codeartifact.cache", "false");
        assertFalse(ExtensionConfig.from(Collections.emptyMap(), properties).cache(), "no cache, no check");

        Files.createFile(dir.resolve("codeartifact-tokens"));
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("maven.user.home", dir.toString());
        ConfigurationException inDefault = assertThrows(
                ConfigurationException.class, () -> ExtensionConfig.from(Collections.emptyMap(), defaults));
        assertTrue(inDefault.getMessage().contains("(the default of codeartifact.cacheDir) is a file"),
                inDefault.getMessage());
    }

    @Test
    void theAwsIdentityComesFromTheSameEnvironmentAndProperties() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("aws.profile", "dev");
        ExtensionConfig config = ExtensionConfig.from(env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), properties);
        assertEquals(AwsIdentity.defaultCredentials(env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE"), properties),
                config.aws(ACME).identity());
        assertFalse(config.toString().contains("AKIA"), config.toString());
    }
}
