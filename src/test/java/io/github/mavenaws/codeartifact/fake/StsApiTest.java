package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/** AssumeRole through the real SDK StsClient, then GetAuthorizationToken with the session it issued. */
class StsApiTest {

    static final String KEY = "AKIAFAKEUSER00000001";
    static final String SECRET = "fake/secret/for/the/user/0000000000000001";
    static final String ROLE = "arn:aws:iam::111122223333:role/ci/publisher";

    @TempDir
    Path dir;

    FakeAws aws;
    FakeDomain domain;
    FakeRole role;
    StsClient sts;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
        domain = aws.domain("acme", "111122223333", "us-west-2");
        role = aws.role(ROLE).allowPublish(domain);
        aws.user(KEY, SECRET).allowAssume(role);
        sts = SdkClients.sts(aws, AwsBasicCredentials.create(KEY, SECRET), "us-west-2");
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
    }

    AssumeRoleResponse assume(StsClient client, String arn, String session, Integer seconds) {
        return client.assumeRole(r -> r.roleArn(arn).roleSessionName(session).durationSeconds(seconds));
    }

    GetAuthorizationTokenResponse token(AwsCredentials credentials, Long duration) {
        try (CodeartifactClient client = SdkClients.codeArtifact(aws, credentials, "us-west-2")) {
            return client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333")
                    .durationSeconds(duration));
        }
    }

    @Test
    void assumeRoleIssuesASessionActingWithTheRolesGrants() {
        Instant before = Instant.now();
        AssumeRoleResponse response = assume(sts, ROLE, "maven-build", null);

        Credentials credentials = response.credentials();
        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        assertEquals(3600, Duration.between(before, credentials.expiration()).toSeconds(), 5);
        assertEquals("arn:aws:sts::111122223333:assumed-role/publisher/maven-build", response.assumedRoleUser().arn());
        assertTrue(response.assumedRoleUser().assumedRoleId().endsWith(":maven-build"));
        FakePrincipal session = aws.principal(credentials.accessKeyId());
        assertSame(role, session.role());
        assertEquals(List.of(session), role.sessions());
        FakeCall call = aws.calls("AssumeRole").get(0);
        assertEquals(FakeCall.Service.STS, call.service());
        assertEquals(KEY, call.accessKeyId());
        assertEquals(200, call.status());

        AwsSessionCredentials sessionCredentials = SdkClients.sessionOf(credentials);
        assertTrue(token(sessionCredentials, null).authorizationToken().length() >= 40);
        // duration 0: the token lives as long as the session
        assertEquals(credentials.expiration().truncatedTo(ChronoUnit.SECONDS),
                token(sessionCredentials, 0L).expiration().truncatedTo(ChronoUnit.SECONDS));
        assertEquals(credentials.accessKeyId(), aws.calls("GetAuthorizationToken").get(0).accessKeyId());
    }

    @Test
    void sessionKeyWithoutItsSessionTokenIsRejected() {
        Credentials credentials = assume(sts, ROLE, "maven-build", 900).credentials();
        AwsServiceException withoutToken = assertThrows(AwsServiceException.class, () -> token(
                AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey()), null));
        assertEquals("UnrecognizedClientException", withoutToken.awsErrorDetails().errorCode());
        AwsServiceException otherToken = assertThrows(AwsServiceException.class, () -> token(
                AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(), "forged"), null));
        assertEquals("UnrecognizedClientException", otherToken.awsErrorDetails().errorCode());
    }

    @Test
    void principalNotAllowedToAssumeIsDenied() {
        aws.user("AKIAFAKEUSER00000002", SECRET);
        try (StsClient other = SdkClients.sts(aws, AwsBasicCredentials.create("AKIAFAKEUSER00000002", SECRET),
                "us-west-2")) {
            StsException e = assertThrows(StsException.class, () -> assume(other, ROLE, "x1", null));
            assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains("sts:AssumeRole"), e.getMessage());
        }
        StsException unknownRole = assertThrows(StsException.class,
                () -> assume(sts, "arn:aws:iam::111122223333:role/none", "x1", null));
        assertEquals("AccessDenied", unknownRole.awsErrorDetails().errorCode());
    }

    @Test
    void invalidParametersAreValidationErrors() {
        StsException shortName = assertThrows(StsException.class, () -> assume(sts, ROLE, "x", null));
        assertEquals("ValidationError", shortName.awsErrorDetails().errorCode());
        assertEquals(400, shortName.statusCode());
        assertEquals("ValidationError",
                assertThrows(StsException.class, () -> assume(sts, ROLE, "bad name", null)).awsErrorDetails().errorCode());
        assertEquals("ValidationError",
                assertThrows(StsException.class, () -> assume(sts, ROLE, "ok", 899)).awsErrorDetails().errorCode());
        assertEquals("ValidationError",
                assertThrows(StsException.class, () -> assume(sts, ROLE, "ok", 43_201)).awsErrorDetails().errorCode());
    }

    @Test
    void wrongSecretAndUnknownKeyUseStsErrorCodes() {
        try (StsClient wrong = SdkClients.sts(aws, AwsBasicCredentials.create(KEY, "wrong"), "us-west-2")) {
            assertEquals("SignatureDoesNotMatch", assertThrows(StsException.class,
                    () -> assume(wrong, ROLE, "x1", null)).awsErrorDetails().errorCode());
        }
        try (StsClient unknown = SdkClients.sts(aws, AwsBasicCredentials.create("AKIANOBODY", SECRET), "us-west-2")) {
            StsException e = assertThrows(StsException.class, () -> assume(unknown, ROLE, "x1", null));
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void getCallerIdentityNamesTheSession() {
        Credentials credentials = assume(sts, ROLE, "who", null).credentials();
        try (StsClient asSession = SdkClients.sts(aws, SdkClients.sessionOf(credentials), "us-west-2")) {
            assertEquals("arn:aws:sts::111122223333:assumed-role/publisher/who",
                    asSession.getCallerIdentity().arn());
            assertEquals("111122223333", asSession.getCallerIdentity().account());
        }
    }
}
