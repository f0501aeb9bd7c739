package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
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
        assertEquals("AssumeRole failed: Unable to execute HTTP request: Connection refused",
                AwsFailures.reason("AssumeRole",
                        SdkClientException.create("Unable to execute HTTP request: Connection refused")));
    }

    @Test
    void throttlingSaysSoWithTheAttemptsAndWhatToDo() {
        String reason = AwsFailures.reason("GetAuthorizationToken", serviceError(429, "ThrottlingException",
                "Rate exceeded", 4));
        assertEquals("GetAuthorizationToken was throttled by AWS (HTTP 429 ThrottlingException: Rate exceeded; still so"
                + " after 4 attempts): the account makes more AWS requests than its quota allows. Build again in a"
                + " minute; if it keeps happening, look for jobs that call AWS in a loop, or ask AWS for a higher"
                + " quota", reason);
    }

    @Test
    void awsErrorsSayTheFaultIsOnAwssSide() {
        String reason = AwsFailures.reason("GetAuthorizationToken", serviceError(503, "ServiceUnavailableException",
                "try later", 4));
        assertTrue(reason.startsWith("GetAuthorizationToken failed on AWS's side (HTTP 503"
                + " ServiceUnavailableException: try later; still so after 4 attempts). Build again in a few minutes"),
                reason);
    }

    @Test
    void expiredCredentialsAreRecognisedAndExplained() {
        CodeartifactException e = serviceError(403, "ExpiredTokenException",
                "The security token included in the request is expired", null);
        assertTrue(AwsFailures.isExpiredCredentials(e));
        assertTrue(AwsFailures.isExpiredCredentials(SdkClientException.create("Unable to load credentials", e)));
        assertFalse(AwsFailures.isExpiredCredentials(serviceError(403, "AccessDeniedException", "no", null)));
        assertEquals("GetAuthorizationToken refused: HTTP 403 ExpiredTokenException: The security token included in"
                + " the request is expired. The AWS credentials have expired: renew them (aws sso login, a fresh"
                + " AWS_SESSION_TOKEN, your CI's credentials step) and check this machine's clock",
                AwsFailures.reason("GetAuthorizationToken", e));
    }

    @Test
    void timeoutsOfEveryKindSayAwsDidNotAnswerAndWhatToCheck() {
        List<SdkException> timeouts = List.of(
                ApiCallTimeoutException.create(25_000),
                SdkClientException.create("Unable to execute HTTP request: Read timed out",
                        new SocketTimeoutException("Read timed out")),
                SdkClientException.create("Unable to execute HTTP request: connect timed out"));
        for (SdkException e : timeouts) {
            assertTrue(AwsFailures.isTimeout(e), e::toString);
            String reason = AwsFailures.reason("GetAuthorizationToken", e);
            assertTrue(reason.startsWith("GetAuthorizationToken failed: AWS did not answer in time (10 s a try, 25 s"
                    + " in all). Check the network between this machine and AWS"), reason);
        }
        assertFalse(AwsFailures.isTimeout(SdkClientException.create("Connection refused")));
    }

    @Test
    void anUnreadableAnswerIsExplainedWithoutQuotingIt() {
        // what a JSON parser says about a cut body: it quotes the body, token and all
        String token = "eyJ2ZXIiOjEsImlzdSI6MTcwMDAwMDAwMH0.secret-token-value";
        SdkClientException e = SdkClientException.create("Unable to unmarshall response (Unexpected end-of-input:"
                + " expected close marker for OBJECT at [Source: (byte[])\"{\"authorizationToken\":\"" + token
                + "\",\"expiration\":1\"; line: 1])", new IllegalStateException("Unexpected end-of-input"));
        String reason = AwsFailures.reason("GetAuthorizationToken", e);
        assertTrue(reason.startsWith("GetAuthorizationToken failed: AWS's answer could not be read"), reason);
        assertFalse(reason.contains(token), reason);
        assertFalse(reason.contains("authorizationToken"), reason);
    }

    private static CodeartifactException serviceError(int status, String code, String message, Integer attempts) {
        return (CodeartifactException) CodeartifactException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .numAttempts(attempts)
                .build();
    }
}
