package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsIdentityTest {
    private static final Map<String, Object> NO_PROPERTIES = Collections.emptyMap();
    private static final String SESSION = "maven-aws-extension";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", "/home/alice");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static Map<String, Object> properties(String... pairs) {
        Map<String, Object> properties = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    private static AwsIdentity identity(Map<String, String> env, Map<String, Object> properties) {
        return AwsIdentity.defaultCredentials(env, properties);
    }

    private static RoleArn role(String arn) throws ConfigurationException {
        return RoleArn.parse("test", arn);
    }

    @Test
    void theSameSettingsGiveTheSameIdentity() {
        AwsIdentity a = identity(env("AWS_PROFILE", "dev"), NO_PROPERTIES);
        AwsIdentity b = identity(env("AWS_PROFILE", "dev", "UNRELATED", "x"), NO_PROPERTIES);
        assertEquals(a, b);
        assertEquals(a.digest(), b.digest());
        assertTrue(a.digest().matches("[0-9a-f]{64}"), a.digest());
    }

    @Test
    void noSettingMeansTheDefaultProfileInTheHomeFiles() {
        AwsIdentity implicit = identity(env(), NO_PROPERTIES);
        AwsIdentity explicit = identity(env("AWS_PROFILE", "default", "AWS_CONFIG_FILE", "/home/alice/.aws/config",
                "AWS_SHARED_CREDENTIALS_FILE", "/home/alice/.aws/credentials"), NO_PROPERTIES);
        assertEquals(implicit, explicit);
        assertEquals("profile default", implicit.toString());
    }

    @Test
    void everySettingThatMayNameAnotherPrincipalGivesAnotherIdentity() throws Exception {
        AwsIdentity base = identity(env(), NO_PROPERTIES);
        AwsIdentity[] others = {
            identity(env("AWS_PROFILE", "prod"), NO_PROPERTIES),
            identity(env("AWS_CONFIG_FILE", "/ci/config"), NO_PROPERTIES),
            identity(env("AWS_SHARED_CREDENTIALS_FILE", "/ci/credentials"), NO_PROPERTIES),
            identity(env("HOME", "/home/bob"), NO_PROPERTIES),
            identity(env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE1"), NO_PROPERTIES),
            identity(env("AWS_ACCESS_KEY_ID", "AKIAEXAMPLE2"), NO_PROPERTIES),
            identity(env("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/ci",
                    "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token"), NO_PROPERTIES),
            identity(env("AWS_ENDPOINT_URL_CODEARTIFACT", "https://localhost:8443"), NO_PROPERTIES),
            base.assuming(role("arn:aws:iam::111122223333:role/reader"), SESSION),
            base.assuming(role("arn:aws:iam::111122223333:role/publisher"), SESSION),
            identity(env("AWS_PROFILE", "prod"), NO_PROPERTIES)
                    .assuming(role("arn:aws:iam::111122223333:role/reader"), SESSION)
        };
        for (int i = 0; i < others.length; i++) {
            assertNotEquals(base.digest(), others[i].digest(), "identity " + i);
            for (int j = i + 1; j < others.length; j++) {
                assertNotEquals(others[i].digest(), others[j].digest(), "identities " + i + " and " + j);
            }
        }
    }

    @Test
    void systemPropertiesWinOverVariablesAsInTheSdk() {
        assertEquals(
                identity(env(), properties("aws.profile", "a")),
                identity(env("AWS_PROFILE", "b"), properties("aws.profile", "a")));
        assertEquals(
                identity(env("AWS_ACCESS_KEY_ID", "AKIAONE"), NO_PROPERTIES),
                identity(env("AWS_ACCESS_KEY_ID", "AKIATWO"), properties("aws.accessKeyId", "AKIAONE")));
    }

    @Test
    void anAccessKeyHidesTheProfileAndAWebIdentityNeedsBothSettings() {
        assertEquals(
                identity(env("AWS_ACCESS_KEY_ID", "AKIAONE"), NO_PROPERTIES),
                identity(env("AWS_ACCESS_KEY_ID", "AKIAONE", "AWS_PROFILE", "other"), NO_PROPERTIES));
        assertEquals(
                identity(env(), NO_PROPERTIES),
                identity(env("AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/ci"), NO_PROPERTIES),
                "without a token file the SDK skips web identity");
    }

    @Test
    void theAccessKeyIdIsNeverPrinted() throws Exception {
        AwsIdentity identity = identity(env("AWS_ACCESS_KEY_ID", "AKIASECRETISH"), NO_PROPERTIES);
        assertFalse(identity.toString().contains("AKIA"), identity.toString());
        assertFalse(identity.assuming(role("arn:aws:iam::111122223333:role/r"), SESSION).toString().contains("AKIA"));
        assertFalse(identity.digest().contains("AKIA"));
    }
}
