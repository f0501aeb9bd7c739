package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What the real SDK (2.40.2) does with a failing {@code credential_process} of an explicit profile, and what the
 * message makes of it: exit code and the first lines of stderr, never stdout.
 */
class CredentialProcessFailureTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSTDOUTSECRET";

    @TempDir
    Path dir;

    private RuntimeException failureOf(String script) throws Exception {
        Path helper = dir.resolve("helper.sh");
        Files.writeString(helper, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
        Path config = dir.resolve("config");
        Files.writeString(config, "[profile helper]\ncredential_process = " + helper + "\n");
        ProfileFile file = ProfileFile.builder().content(config).type(ProfileFile.Type.CONFIGURATION).build();
        try (ProfileCredentialsProvider provider =
                ProfileCredentialsProvider.builder().profileFile(file).profileName("helper").build()) {
            return assertThrows(RuntimeException.class, provider::resolveCredentials);
        }
    }

    @Test
    void exitCodeAndFirstStderrLinesNeverStdout() throws Exception {
        StringBuilder script = new StringBuilder("echo '{\"Version\": 1, \"SecretAccessKey\": \"" + SECRET + "\"'\n");
        script.append("echo 'Your session has expired.' >&2\necho 'Run: acme-login --profile dev' >&2\n");
        for (int i = 1; i <= 12; i++) {
            script.append("echo 'detail ").append(i).append("' >&2\n");
        }
        script.append("exit 3");
        RuntimeException e = failureOf(script.toString());
        // the SDK itself hides stderr behind its outer message
        assertEquals("Failed to refresh process-based credentials.", e.getMessage());

        String reason = AwsFailures.reason("GetAuthorizationToken", e, "helper");
        assertTrue(reason.startsWith("GetAuthorizationToken failed: credential_process exited with code 3;"
                + " it said on stderr:\n         | Your session has expired.\n"
                + "         | Run: acme-login --profile dev\n         | detail 1"), reason);
        assertTrue(reason.contains("| detail 8\n         | (4 more lines)"), reason);
        assertFalse(reason.contains("detail 9"), reason);
        assertFalse(reason.contains(SECRET), reason);
    }

    @Test
    void silentFailureSaysSo() throws Exception {
        String reason = AwsFailures.unexpected(failureOf("echo '" + SECRET + "'\nexit 1"));
        assertEquals("credential_process exited with code 1 and printed nothing on stderr", reason);
    }

    @Test
    void outputThatIsNotCredentialsIsNeverQuoted() throws Exception {
        String reason = AwsFailures.unexpected(failureOf("echo 'SecretAccessKey=" + SECRET + "'"));
        assertTrue(reason.startsWith("credential_process printed no usable credentials ("), reason);
        assertFalse(reason.contains(SECRET), reason);
        String wrongVersion = AwsFailures.unexpected(failureOf("echo '{\"Version\": 2}'"));
        assertTrue(wrongVersion.startsWith("credential_process printed no usable credentials (Unsupported"
                + " credential version: 2)"), wrongVersion);
    }

    @Test
    void otherRuntimeFailuresKeepTheirTypeAndMessage() {
        assertEquals("IllegalStateException: To use SSO credentials, the 'sso' module must be on the class path",
                AwsFailures.unexpected(new IllegalStateException(
                        "To use SSO credentials, the 'sso' module must be on the class path")));
        assertNull(CredentialProcessFailure.describe(new IllegalStateException("no")));
    }

    @Test
    void aHungProcessIsRecognisedAsTheSdkRunsItOrAfterTheShellGaveWayToIt() {
        Set<String> commands = Set.of("/home/me/bin/acme-creds --profile dev", "sleep 600");
        assertTrue(CredentialProcesses.matches(commands,
                List.of("/usr/bin/dash", "-c", "/home/me/bin/acme-creds --profile dev")));
        assertTrue(CredentialProcesses.matches(commands, List.of("/usr/bin/sleep", "600")));
        // a script run by its interpreter
        assertTrue(CredentialProcesses.matches(commands,
                List.of("/usr/bin/dash", "/home/me/bin/acme-creds", "--profile", "dev")));
        assertFalse(CredentialProcesses.matches(commands, List.of("/usr/bin/sleep", "60")));
        assertFalse(CredentialProcesses.matches(commands, List.of("/usr/bin/java", "-jar", "surefire.jar")));
        assertFalse(CredentialProcesses.matches(commands, List.of("/usr/bin/dash", "-c", "sleep 60")));
    }
}
