package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;

class AwsFailuresTest {
    @Test
    void serviceErrorsShowStatusCodeAndMessage() {
        CodeartifactException e = (CodeartifactException) CodeartifactException.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("not authorized to perform codeartifact:GetAuthorizationToken")
                        .build())
                .build();
        assertEquals("GetAuthorizationToken refused: HTTP 403 AccessDeniedException: not authorized to perform"
                + " codeartifact:GetAuthorizationToken", AwsFailures.reason("GetAuthorizationToken", e));
    }

    @Test
    void theDefaultChainsFailureIsListedOneProviderPerLine() {
        SdkClientException e = SdkClientException.create("Unable to load credentials from any of the providers in"
                + " the chain AwsCredentialsProviderChain(credentialsProviders=[SystemPropertyCredentialsProvider(),"
                + " EnvironmentVariableCredentialsProvider()]) : [SystemPropertyCredentialsProvider(): Unable to load"
                + " credentials from system settings., EnvironmentVariableCredentialsProvider(): Access key must be"
                + " specified either via environment variable (AWS_ACCESS_KEY_ID) or system property"
                + " (aws.accessKeyId)., ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile("
                + "sections=[], profiles=[])): Profile file contained no credentials for profile 'default']");
        assertEquals("GetAuthorizationToken failed: no AWS credentials found; the SDK's default chain tried:\n"
                        + "       - SystemPropertyCredentialsProvider(): Unable to load credentials from system"
                        + " settings.\n"
                        + "       - EnvironmentVariableCredentialsProvider(): Access key must be specified either via"
                        + " environment variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId).\n"
                        + "       - ProfileCredentialsProvider(profileName=default, profileFile=ProfileFile("
                        + "sections=[], profiles=[])): Profile file contained no credentials for profile 'default'",
                AwsFailures.reason("GetAuthorizationToken", e));
    }

    @Test
    void otherClientErrorsKeepTheirMessage() {
        assertEquals("AssumeRole failed: Unable to execute HTTP request: Read timed out",
                AwsFailures.reason("AssumeRole",
                        SdkClientException.create("Unable to execute HTTP request: Read timed out")));
    }

    private static SdkClientException noCredentials(String profileReason) {
        return SdkClientException.create("Unable to load credentials from any of the providers in the chain"
                + " AwsCredentialsProviderChain(credentialsProviders=[EnvironmentVariableCredentialsProvider(),"
                + " ProfileCredentialsProvider(profileName=sso-dev, profileFile=ProfileFile(sections=[profiles,"
                + " sso-session], profiles=[Profile(name=sso-dev, properties=[sso_session, sso_account_id])]))]) :"
                + " [EnvironmentVariableCredentialsProvider(): Access key must be specified either via environment"
                + " variable (AWS_ACCESS_KEY_ID) or system property (aws.accessKeyId)., ProfileCredentialsProvider("
                + "profileName=sso-dev, profileFile=ProfileFile(sections=[profiles, sso-session], profiles=[Profile("
                + "name=sso-dev, properties=[sso_session, sso_account_id])])): " + profileReason + "]");
    }

    @Test
    void anExpiredSsoLoginNamesTheProfileAndTheCommand() {
        for (String sdkReason : new String[] {
            // legacy sso_start_url profile: expired or missing cache file
            "The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO"
                    + " session run aws sso login with the corresponding profile.",
            // sso_session profile: expired and the refresh failed, or no cache file
            "Token is expired",
            "Unable to load SSO token"
        }) {
            String reason = AwsFailures.reason("GetAuthorizationToken", noCredentials(sdkReason));
            assertTrue(reason.startsWith("GetAuthorizationToken failed: the IAM Identity Center (AWS SSO) login of"
                    + " profile sso-dev has expired or was never made: run `aws sso login --profile sso-dev`, then"
                    + " build again.\n"), reason);
            // the SDK's reasons follow, for whoever needs them
            assertTrue(reason.contains("       - ProfileCredentialsProvider(profileName=sso-dev"), reason);
        }
    }

    @Test
    void otherProfileFailuresGiveNoSsoHint() {
        String reason = AwsFailures.reason("GetAuthorizationToken",
                noCredentials("Profile file contained no credentials for profile 'sso-dev'"));
        assertFalse(reason.contains("aws sso login"), reason);
    }

    @Test
    void anExpiredSsoLoginOfTheConfiguredProfileNamesItToo() {
        // with codeartifact.profile the SDK's chain is not involved: its profile provider fails on its own
        SdkClientException e = SdkClientException.create("The SSO session associated with this profile has expired or"
                + " is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.");
        String reason = AwsFailures.reason("GetAuthorizationToken", e, "ci-sso");
        assertTrue(reason.startsWith("GetAuthorizationToken failed: the IAM Identity Center (AWS SSO) login of profile"
                + " ci-sso has expired or was never made: run `aws sso login --profile ci-sso`, then build again.\n"
                + "       The AWS SDK said: The SSO session"), reason);
        // without a configured profile there is no name to give
        assertFalse(AwsFailures.reason("GetAuthorizationToken", e, null).contains("--profile"));
    }
}
