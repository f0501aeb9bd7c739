package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sources whose settings do not name the principal (container credentials, the instance role, a
 * {@code credential_process}) are told apart by the access key id their credentials resolve to; sources whose
 * settings name it never resolve anything.
 */
class ResolvedIdentityTest {
    @TempDir
    Path home;

    private final AtomicInteger resolutions = new AtomicInteger();

    private Supplier<String> resolvesTo(String accessKeyId) {
        return () -> {
            resolutions.incrementAndGet();
            return accessKeyId;
        };
    }

    private Map<String, String> env(String config, String... pairs) throws Exception {
        Path file = home.resolve("config");
        Files.writeString(file, config);
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_CONFIG_FILE", file.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static AwsIdentity identity(Map<String, String> env) {
        return AwsIdentity.defaultCredentials(env, Map.of());
    }

    @Test
    void twoContainerRolesWithOneHomeGetTwoIdentities() throws Exception {
        Map<String, String> env = env("", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds");
        AwsIdentity first = identity(env).resolvedWith(resolvesTo("ASIAFIRSTROLE0000001"));
        AwsIdentity second = identity(env).resolvedWith(resolvesTo("ASIASECONDROLE000002"));

        assertNotEquals(first.digest(), second.digest());
        assertTrue(first.resolvesCredentials());
        assertEquals(first.digest(), identity(env).resolvedWith(resolvesTo("ASIAFIRSTROLE0000001")).digest(),
                "the same credentials share their entries");
    }

    @Test
    void twoCredentialProcessesThatReturnDifferentKeysGetTwoIdentities() throws Exception {
        Map<String, String> env = env("[profile ci]\ncredential_process = /usr/local/bin/creds\n", "AWS_PROFILE", "ci");

        assertNotEquals(identity(env).resolvedWith(resolvesTo("AKIAPROCESSONE000001")).digest(),
                identity(env).resolvedWith(resolvesTo("AKIAPROCESSTWO000002")).digest());
        AwsIdentity profile = AwsIdentity.profile("ci", env, Map.of()).resolvedWith(resolvesTo("AKIAPROCESSONE000001"));
        assertTrue(profile.resolvesCredentials(), "codeartifact.profile too");
    }

    @Test
    void theRoleAssumedFromResolvedCredentialsIsKeyedByThemToo() throws Exception {
        Map<String, String> env = env("");
        RoleArn role = RoleArn.parse("test", "arn:aws:iam::111122223333:role/publisher");

        assertNotEquals(identity(env).assuming(role, Settings.ROLE_SESSION_NAME.defaultValue()).resolvedWith(resolvesTo("ASIAFIRSTROLE0000001")).digest(),
                identity(env).assuming(role, Settings.ROLE_SESSION_NAME.defaultValue()).resolvedWith(resolvesTo("ASIASECONDROLE000002")).digest());
    }

    @Test
    void settingsThatNameThePrincipalResolveNothing() throws Exception {
        String config = "[profile keys]\naws_access_key_id = AKIAKEYSINPROFILE001\naws_secret_access_key = x\n"
                + "[profile role]\nrole_arn = arn:aws:iam::111122223333:role/r\nsource_profile = keys\n"
                + "[profile sso]\nsso_start_url = https://acme.awsapps.com/start\nsso_region = us-east-1\n"
                + "sso_account_id = 111122223333\nsso_role_name = dev\n";
        for (String profile : new String[] {"keys", "role", "sso"}) {
            AwsIdentity identity = identity(env(config, "AWS_PROFILE", profile)).resolvedWith(resolvesTo("X"));
            identity.digest();
            assertFalse(identity.resolvesCredentials(), profile);
        }
        identity(env(config, "AWS_ACCESS_KEY_ID", "AKIASTATICKEYS000001")).resolvedWith(resolvesTo("X")).digest();
        identity(env(config, "AWS_ROLE_ARN", "arn:aws:iam::111122223333:role/ci",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "/var/run/token")).resolvedWith(resolvesTo("X")).digest();

        assertEquals(0, resolutions.get());
    }

    @Test
    void theCredentialsAreResolvedOnceAndFailuresSurface() throws Exception {
        AwsIdentity identity = identity(env("")).resolvedWith(resolvesTo("ASIAFIRSTROLE0000001"));
        identity.digest();
        identity.digest();
        assertEquals(1, resolutions.get());

        AwsIdentity failing = identity(env("")).resolvedWith(() -> {
            throw new IllegalStateException("no credentials");
        });
        assertThrows(IllegalStateException.class, failing::digest);
    }
}
