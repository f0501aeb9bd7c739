package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * Every option as a Maven property and as a variable, the property winning; each malformed value refused with a
 * message that names the setting the user wrote, describes the value and shows the fix in the same form.
 */
class SettingsTest {
    private static final String ROLE = "arn:aws:iam::111122223333:role/reader";
    /** A domain without per-domain settings: it has the build-wide ones. */
    private static final DomainKey ACME = DomainKey.of("acme", "111122223333", "us-west-2");

    @TempDir
    Path home;

    private Map<String, String> env = new HashMap<>();
    private final Map<String, Object> properties = new HashMap<>();

    private ExtensionConfig config() throws Exception {
        env.putIfAbsent("HOME", home.toString());
        properties.putIfAbsent("user.home", home.toString());
        return ExtensionConfig.from(env, properties);
    }

    private ConfigurationException refused() {
        env.putIfAbsent("HOME", home.toString());
        return assertThrows(ConfigurationException.class, () -> ExtensionConfig.from(env, properties));
    }

    private void awsFiles(String config, String credentials) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        Files.writeString(home.resolve(".aws/credentials"), credentials);
    }

    static Stream<Arguments> routes() {
        return Stream.of(
                Arguments.of("codeartifact.roleArn", "POETRY_AWS_PLUGIN_ROLE_ARN", ROLE,
                        "arn:aws:iam::444455556666:role/deployer",
                        (Function<ExtensionConfig, Object>) c -> String.valueOf(c.aws(ACME).roleArn())),
                Arguments.of("codeartifact.profile", "CODEARTIFACT_PROFILE", "dev", "ci",
                        (Function<ExtensionConfig, Object>) c -> c.aws(ACME).profile()),
                Arguments.of("codeartifact.durationSeconds", "CODEARTIFACT_DURATION_SECONDS", "900", "3600",
                        (Function<ExtensionConfig, Object>) c -> String.valueOf(c.aws(ACME).durationSeconds())),
                Arguments.of("codeartifact.roleSessionName", "CODEARTIFACT_ROLE_SESSION_NAME", "from-env",
                        "from-property", (Function<ExtensionConfig, Object>) c -> c.aws(ACME).roleSessionName()),
                Arguments.of("codeartifact.skip", "CODEARTIFACT_SKIP", "true", "false",
                        (Function<ExtensionConfig, Object>) c -> String.valueOf(c.skip())),
                Arguments.of("codeartifact.cache", "CODEARTIFACT_CACHE", "false", "true",
                        (Function<ExtensionConfig, Object>) c -> String.valueOf(c.cache())),
                Arguments.of("codeartifact.cacheDir", "CODEARTIFACT_CACHE_DIR", "/tmp/from-env", "/tmp/from-property",
                        (Function<ExtensionConfig, Object>) c -> c.cacheDir().toString()));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("routes")
    void everyOptionIsAVariableAndAPropertyAndThePropertyWins(
            String property, String variable, String envValue, String propertyValue,
            Function<ExtensionConfig, Object> read) throws Exception {
        awsFiles("[profile dev]\n", "[ci]\n");
        env.put(variable, " " + envValue + " ");
        assertEquals(envValue, read.apply(config()), "from the variable, trimmed");
        properties.put(property, propertyValue);
        assertEquals(propertyValue, read.apply(config()), "the property wins");
        properties.put(property, "  ");
        assertEquals(envValue, read.apply(config()), "a blank property counts as unset");
    }

    @Test
    void defaults() throws Exception {
        ExtensionConfig config = config();
        assertNull(config.aws(ACME).profile(), "the SDK's default chain");
        assertNull(config.aws(ACME).durationSeconds(), "CodeArtifact's default");
        assertEquals("maven-aws-extension", config.aws(ACME).roleSessionName());
        assertEquals("POETRY_AWS_PLUGIN_ROLE_ARN", config.aws(ACME).roleSetting());
    }

    @ParameterizedTest
    @CsvSource({"0,0", "900,900", "43200,43200", "+3600,3600"})
    void validDurations(String value, long seconds) throws Exception {
        properties.put("codeartifact.durationSeconds", value);
        assertEquals(seconds, config().aws(ACME).durationSeconds());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "abc          | 'abc', not a whole number of seconds",
        "1h           | '1h', not a whole number of seconds (no unit allowed)",
        "3600s        | '3600s', not a whole number of seconds (no unit allowed)",
        "1e3          | '1e3', not a whole number of seconds",
        "12.5         | '12.5', not a whole number of seconds",
        "-1           | -1, a negative number",
        "899          | 899, below the minimum of 900",
        "1            | 1, below the minimum of 900",
        "43201        | 43201, above the maximum of 43200",
        "99999999999999999999 | a number far too large"})
    void malformedDurationsAreRefused(String value, String shape) {
        properties.put("codeartifact.durationSeconds", value);
        String message = refused().getMessage();
        assertTrue(message.startsWith("codeartifact.durationSeconds must be 0 (the token lasts as long as the assumed"
                + " role's session) or 900 to 43200 seconds, but it is " + shape), message);
        assertTrue(message.contains("Set e.g. -Dcodeartifact.durationSeconds=3600"), message);
    }

    @Test
    void aMalformedVariableIsNamedAndItsFixShownAsAVariable() {
        env.put("CODEARTIFACT_DURATION_SECONDS", "abc");
        String message = refused().getMessage();
        assertTrue(message.startsWith("CODEARTIFACT_DURATION_SECONDS must be 0"), message);
        assertTrue(message.contains("but it is 'abc', not a whole number"), message);
        assertTrue(message.contains("Set e.g. CODEARTIFACT_DURATION_SECONDS=3600"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "ci-build_42", "a+b=c,d.e@f-g",
        "x123456789012345678901234567890123456789012345678901234567890123"})
    void validSessionNames(String value) throws Exception {
        properties.put("codeartifact.roleSessionName", value);
        assertEquals(value, config().aws(ACME).roleSessionName());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a          | 1 character long, and at least 2 are needed",
        "my build   | using a character STS does not allow (whitespace at position 3)",
        "team/ci    | using a character STS does not allow ('/' at position 5)",
        "ci;rm      | using a character STS does not allow (';' at position 3)",
        "café-ci    | using a character STS does not allow (U+00E9 at position 4)",
        "x1234567890123456789012345678901234567890123456789012345678901234"
            + " | 65 characters long, and at most 64 are allowed"})
    void malformedSessionNamesAreRefused(String value, String shape) {
        env.put("CODEARTIFACT_ROLE_SESSION_NAME", value);
        String message = refused().getMessage();
        assertTrue(message.startsWith("CODEARTIFACT_ROLE_SESSION_NAME is not a valid AWS role session name: it is "
                + shape + "."), message);
        assertTrue(message.contains("e.g. CODEARTIFACT_ROLE_SESSION_NAME=ci-build-42"), message);
    }

    @ParameterizedTest
    @CsvSource({"codeartifact.skip,-Dcodeartifact.skip=true", "CODEARTIFACT_SKIP,CODEARTIFACT_SKIP=true",
        "codeartifact.cache,-Dcodeartifact.cache=false", "CODEARTIFACT_CACHE,CODEARTIFACT_CACHE=false"})
    void booleansMustBeTrueOrFalse(String setting, String fix) {
        if (setting.startsWith("codeartifact.")) {
            properties.put(setting, "yes");
        } else {
            env.put(setting, "1");
        }
        String message = refused().getMessage();
        assertTrue(message.startsWith(setting + " must be true or false, but its value is not a boolean: '"), message);
        assertTrue(message.contains("Use " + fix), message);
    }

    @Test
    void aLongOrMultiLineValueIsDescribedNotEchoed() {
        properties.put("codeartifact.cache", "AKIAEXAMPLEAKIAEXAMPLEAKIAEXAMPLE-SECRET");
        String message = refused().getMessage();
        assertTrue(message.contains("not a boolean: a value of 40 characters"), message);
        assertFalse(message.contains("SECRET"), message);
        properties.put("codeartifact.cache", "tr\nue");
        assertFalse(refused().getMessage().contains("tr\nue"));
    }

    @Test
    void aProfileMustBeInTheConfigOrCredentialsFile() throws Exception {
        awsFiles("[default]\nregion = us-west-2\n[profile dev]\n[sso-session corp]\n[services local]\n",
                "[ci]\naws_access_key_id = AKIAEXAMPLE\n");
        for (String profile : new String[] {"default", "dev", "ci"}) {
            properties.put("codeartifact.profile", profile);
            assertEquals(profile, config().aws(ACME).profile());
        }
        properties.put("codeartifact.profile", "corp");
        String message = refused().getMessage();
        assertTrue(message.startsWith("codeartifact.profile names AWS profile 'corp', which is in neither "
                + home.resolve(".aws/config") + " nor " + home.resolve(".aws/credentials")), message);
        assertTrue(message.contains("their profiles are ci, default, dev"), message);
        assertTrue(message.contains("aws configure --profile corp"), message);
        assertFalse(message.contains("AKIAEXAMPLE"), message);
    }

    @Test
    void aProfileTheSdkIgnoresIsRefusedLikeAMissingOne() throws Exception {
        // the SDK skips a section whose name has a space, and the properties under it
        awsFiles("[profile my dev]\naws_access_key_id = AKIAEXAMPLE\n[profile ok]\n", "");
        properties.put("codeartifact.profile", "my dev");
        String message = refused().getMessage();
        assertTrue(message.startsWith("codeartifact.profile names AWS profile 'my dev', which is in neither "
                + home.resolve(".aws/config") + " nor " + home.resolve(".aws/credentials")), message);
        assertTrue(message.contains("their profiles are ok."), message);

        properties.put("codeartifact.acme-111122223333.profile", "my dev");
        properties.put("codeartifact.profile", "ok");
        assertTrue(refused().getMessage().startsWith("codeartifact.acme-111122223333.profile names AWS profile"
                + " 'my dev', which is in neither "), "per-domain: the same reader");
    }

    /** Section headers a reader of its own could take otherwise than the SDK does; the SDK's answer counts. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "CONFIGURATION | [profile my dev]     | my dev",
        "CONFIGURATION | [profile  spaced ]   | spaced",
        "CONFIGURATION | [ profile tabbed]    | tabbed",
        "CONFIGURATION | [dev]                | dev",
        "CONFIGURATION | [default]            | default",
        "CONFIGURATION | [profile a.b@c:d+e]  | a.b@c:d+e",
        "CONFIGURATION | [sso-session corp]   | corp",
        "CREDENTIALS   | [profile ci]         | ci",
        "CREDENTIALS   | [profile ci]         | profile ci",
        "CREDENTIALS   | [with space]         | with space",
        "CREDENTIALS   | [ci]                 | ci"})
    void aProfileIsFoundExactlyWhenTheSdkFindsIt(ProfileFile.Type type, String header, String profile)
            throws Exception {
        boolean inConfig = type == ProfileFile.Type.CONFIGURATION;
        String content = header + "\nregion = us-west-2\n";
        awsFiles(inConfig ? content : "", inConfig ? "" : content);
        Path file = home.resolve(inConfig ? ".aws/config" : ".aws/credentials");
        boolean sdk = ProfileFile.builder().content(file).type(type).build().profile(profile).isPresent();
        properties.put("codeartifact.profile", profile);
        if (sdk) {
            assertEquals(profile, config().aws(ACME).profile());
        } else {
            String message = refused().getMessage();
            assertTrue(message.startsWith("codeartifact.profile names AWS profile '" + profile + "', which is in"
                    + " neither"), message);
        }
    }

    @Test
    void aFileTheSdkCannotParseIsNamedWithTheSdksReason() throws Exception {
        awsFiles("[profile dev]\naws_secret_access_key " + "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n", "[ci]\n");
        properties.put("codeartifact.profile", "ci");
        String message = refused().getMessage();
        assertEquals("codeartifact.profile names AWS profile 'ci', but the AWS SDK cannot read "
                + home.resolve(".aws/config") + ": Expected an '=' sign defining a property on line 2. Correct the"
                + " file, or remove codeartifact.profile to use the AWS SDK's default credentials (AWS_PROFILE"
                + " included).", message);
    }

    @Test
    void profilesAreLookedUpWhereTheSdkLooks() throws Exception {
        Path config = Files.writeString(home.resolve("elsewhere-config"), "[profile moved]\n");
        env.put("AWS_CONFIG_FILE", config.toString());
        env.put("CODEARTIFACT_PROFILE", "moved");
        assertEquals("moved", config().aws(ACME).profile());

        env.put("CODEARTIFACT_PROFILE", "dev");
        String message = refused().getMessage();
        assertTrue(message.startsWith("CODEARTIFACT_PROFILE names AWS profile 'dev', which is in neither " + config),
                message);
        assertTrue(message.contains("(not readable)"), "no credentials file: " + message);
    }

    @Test
    void aNamedProfileIsItsOwnIdentityWhateverTheVariablesSay() throws Exception {
        awsFiles("[profile dev]\n", "");
        env.put("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE");
        AwsIdentity defaults = config().aws(ACME).identity();
        properties.put("codeartifact.profile", "dev");
        AwsIdentity named = config().aws(ACME).identity();
        assertFalse(defaults.equals(named));
        assertEquals("profile dev", named.toString());

        env.remove("AWS_ACCESS_KEY_ID");
        env.put("AWS_PROFILE", "dev");
        properties.remove("codeartifact.profile");
        assertEquals(named, config().aws(ACME).identity(), "AWS_PROFILE=dev and the dev profile share their tokens");
    }

    @Test
    void theSessionNameIsPartOfTheRolesIdentity() throws Exception {
        properties.put("codeartifact.roleArn", ROLE);
        AwsSettings aws = config().aws(ACME);
        AwsIdentity byDefault = aws.roleIdentity();
        assertEquals(aws.identity().assuming(aws.roleArn(), "maven-aws-extension"), byDefault,
                "the default adds nothing");
        properties.put("codeartifact.roleSessionName", "ci-42");
        assertFalse(byDefault.equals(config().aws(ACME).roleIdentity()));
    }

    @Test
    void perDomainSettingsOverrideTheBuildWideOnesForThatDomainInEveryRegion() throws Exception {
        awsFiles("[profile other]\n", "");
        properties.put("codeartifact.roleArn", ROLE);
        properties.put("codeartifact.durationSeconds", "3600");
        properties.put("codeartifact.other-444455556666.roleArn", "arn:aws:iam::444455556666:role/other");
        properties.put("codeartifact.other-444455556666.profile", "other");
        properties.put("codeartifact.other-444455556666.durationSeconds", "900");
        ExtensionConfig config = config();

        AwsSettings acme = config.aws(ACME);
        assertEquals(ROLE, acme.roleArn().toString(), "the build-wide role");
        assertEquals("codeartifact.roleArn", acme.roleSetting());
        assertNull(acme.profile());
        assertEquals(3600L, acme.durationSeconds());
        AwsSettings other = config.aws(DomainKey.of("other", "444455556666", "eu-west-1"));
        assertEquals(other, config.aws(DomainKey.of("other", "444455556666", "us-east-1")));
        assertEquals("arn:aws:iam::444455556666:role/other", other.roleArn().toString());
        assertEquals("codeartifact.other-444455556666.roleArn", other.roleSetting());
        assertEquals("other", other.profile());
        assertEquals("codeartifact.other-444455556666.profile", other.profileSetting());
        assertEquals(900L, other.durationSeconds());
        assertEquals(AwsIdentity.profile("other", env, properties), other.identity());
        assertEquals("maven-aws-extension", other.roleSessionName(), "the session name is build-wide");
        // same domain name, another owner: another domain
        assertEquals(acme, config.aws(DomainKey.of("other", "111122223333", "us-east-1")));
    }

    @Test
    void twoDomainsWithTheSameProfileEachKeepTheSettingThatNamedIt() throws Exception {
        awsFiles("[profile dev]\n", "");
        properties.put("codeartifact.acme-111122223333.profile", "dev");
        properties.put("codeartifact.other-444455556666.profile", "dev");
        ExtensionConfig config = config();

        AwsSettings acme = config.aws(ACME);
        AwsSettings other = config.aws(DomainKey.of("other", "444455556666", "eu-west-1"));
        assertEquals("codeartifact.acme-111122223333.profile", acme.profileSetting());
        assertEquals("codeartifact.other-444455556666.profile", other.profileSetting());
        // equal settings share a token chain, whose messages name the profile's setting
        assertNotEquals(acme, other, "each domain's messages name its own property");
        assertEquals(acme.identity(), other.identity(), "one principal: the disk cache still shares its tokens");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "codeartifact.acme-111122223333.roleArn | arn:aws:codeartifact:us-west-2:111122223333:repository/acme/r"
            + " | codeartifact.acme-111122223333.roleArn is not an IAM role ARN",
        "codeartifact.acme-111122223333.roleArn | arn:aws:iam::111122223333:user/alice"
            + " | codeartifact.acme-111122223333.roleArn is not an IAM role ARN",
        "codeartifact.acme-111122223333.durationSeconds | 60"
            + " | codeartifact.acme-111122223333.durationSeconds must be 0",
        "codeartifact.acme-111122223333.profile | nowhere"
            + " | codeartifact.acme-111122223333.profile names AWS profile 'nowhere', which is in neither",
        "codeartifact.acme.roleArn | arn:aws:iam::111122223333:role/r"
            + " | codeartifact.acme.roleArn does not name a CodeArtifact domain",
        "codeartifact.Acme-111122223333.profile | dev"
            + " | codeartifact.Acme-111122223333.profile does not name a CodeArtifact domain",
        "codeartifact.acme-111122223333.rolearn | arn:aws:iam::111122223333:role/r"
            + " | codeartifact.acme-111122223333.rolearn is not a setting of the extension: setting names are case"
            + " sensitive. Rename it to codeartifact.acme-111122223333.roleArn."})
    void malformedPerDomainSettingsAreRefused(String key, String value, String start) throws Exception {
        awsFiles("[profile dev]\n", "");
        properties.put(key, value);
        String message = refused().getMessage();
        assertTrue(message.startsWith(start), message);
    }

    @ParameterizedTest
    @CsvSource({"codeartifact.rolearn,codeartifact.roleArn", "Codeartifact.Profile,codeartifact.profile",
        "codeartifact.durationseconds,codeartifact.durationSeconds", "codeartifact.cachedir,codeartifact.cacheDir"})
    void aMiscasedSettingIsReportedNotIgnored(String key, String known) {
        properties.put(key, "x");
        assertEquals(key + " is not a setting of the extension: setting names are case sensitive. Rename it to "
                + known + ".", refused().getMessage());
    }

    @Test
    void unrelatedCodeartifactPropertiesAreLeftAlone() throws Exception {
        AwsSettings plain = config().aws(ACME);
        properties.put("codeartifact.url", "https://example.com");
        properties.put("codeartifact.repository.id", "releases");
        assertEquals(plain, config().aws(ACME));
    }
}
