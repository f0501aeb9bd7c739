package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A profile edited in place to another principal is another identity; other edits are not. */
class ProfilePrincipalTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    @TempDir
    Path home;

    private static final String SSO_LEGACY = "[profile sso-dev]\nsso_start_url = https://acme.awsapps.com/start\n"
            + "sso_region = eu-west-1\nsso_account_id = 111122223333\nsso_role_name = CodeArtifactReader\n"
            + "region = us-west-2\noutput = json\n";
    private static final String SSO_SESSION = "[profile sso-dev]\nsso_session = acme\nsso_account_id = 111122223333\n"
            + "sso_role_name = CodeArtifactReader\n\n[sso-session acme]\nsso_start_url = https://acme.awsapps.com/start\n"
            + "sso_region = eu-west-1\nsso_registration_scopes = sso:account:access\n";
    private static final String ROLE = "[profile reader]\nrole_arn = arn:aws:iam::111122223333:role/reader\n"
            + "source_profile = base\n";
    private static final String BASE_KEYS = "[base]\naws_access_key_id = AKIAEXAMPLEBASE00001\naws_secret_access_key = "
            + SECRET + "\n";

    private String digest(String profile, String config, String credentials) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.write(home.resolve(".aws/config"), config.getBytes("UTF-8"));
        Files.write(home.resolve(".aws/credentials"), credentials.getBytes("UTF-8"));
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("AWS_PROFILE", profile);
        return AwsIdentity.defaultCredentials(env, Collections.emptyMap()).digest();
    }

    /** The files the SDK reads in {@code home}. */
    private static AwsConfigFiles files(String home) {
        return AwsConfigFiles.locate(Collections.singletonMap("HOME", home), Collections.emptyMap());
    }

    @Test
    void anSsoProfileEditedToAnotherAccountOrRoleIsAnotherIdentity() throws IOException {
        String original = digest("sso-dev", SSO_LEGACY, "");
        assertEquals(original, digest("sso-dev", SSO_LEGACY, ""));
        assertNotEquals(original, digest("sso-dev", SSO_LEGACY.replace("111122223333", "444455556666"), ""));
        assertNotEquals(original, digest("sso-dev", SSO_LEGACY.replace("CodeArtifactReader", "Admin"), ""));
        assertNotEquals(original, digest("sso-dev", SSO_LEGACY.replace("acme.awsapps", "other.awsapps"), ""));
    }

    @Test
    void anSsoSessionProfileFollowsItsSession() throws IOException {
        String original = digest("sso-dev", SSO_SESSION, "");
        assertNotEquals(original, digest("sso-dev", SSO_SESSION.replace("acme.awsapps", "other.awsapps"), ""));
        assertNotEquals(original, digest("sso-dev", SSO_SESSION.replace("111122223333", "444455556666"), ""));
        // the login scopes say nothing about the principal
        assertEquals(original, digest("sso-dev", SSO_SESSION.replace("sso:account:access", "sso:other"), ""));
    }

    @Test
    void aRoleProfileFollowsItsSourceProfile() throws IOException {
        String original = digest("reader", ROLE, BASE_KEYS);
        assertNotEquals(original, digest("reader", ROLE.replace("role/reader", "role/publisher"), BASE_KEYS));
        assertNotEquals(original, digest("reader", ROLE, BASE_KEYS.replace("EXAMPLEBASE", "EXAMPLEELSE")));
        // a rotated secret key is still the same user
        assertEquals(original, digest("reader", ROLE, BASE_KEYS.replace(SECRET, "rotated" + SECRET.substring(7))));
    }

    @Test
    void settingsThatNameNoPrincipalKeepTheIdentity() throws IOException {
        String original = digest("sso-dev", SSO_LEGACY, "");
        assertEquals(original, digest("sso-dev", SSO_LEGACY.replace("output = json", "output = text"), ""));
        assertEquals(original, digest("sso-dev", SSO_LEGACY + "\n[profile unrelated]\nregion = eu-north-1\n", ""));
    }

    @Test
    void theDescriptionNeverHoldsTheSecretKey() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.write(home.resolve(".aws/credentials"), BASE_KEYS.getBytes("UTF-8"));
        String text = ProfilePrincipal.describe("base", files(home.toString()));
        assertTrue(text.contains("AKIAEXAMPLEBASE00001"), text);
        assertFalse(text.contains(SECRET), text);
    }

    @Test
    void missingOrCyclicProfilesStillGiveAnIdentity() throws IOException {
        assertEquals("", ProfilePrincipal.describe("x", files(home.resolve("none").toString())));
        String cyclic = "[profile a]\nrole_arn = arn:aws:iam::111122223333:role/a\nsource_profile = b\n"
                + "[profile b]\nrole_arn = arn:aws:iam::111122223333:role/b\nsource_profile = a\n";
        assertTrue(digest("a", cyclic, "").matches("[0-9a-f]{64}"));
        assertNotEquals(digest("a", cyclic, ""), digest("missing", cyclic, ""));
    }
}
