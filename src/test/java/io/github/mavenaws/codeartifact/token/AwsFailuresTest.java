package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
