package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.fake.Faults.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.CodeartifactException;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.InternalServerException;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Each fault as the real SDK meets it on the wire: error shapes, retries, and an endpoint that never answers. */
class FaultsTest {

    static final String KEY = "AKIAFAKEUSER00000002";
    static final String SECRET = "fake/secret/for/the/user/0000000000000002";

    @TempDir
    Path dir;

    FakeAws aws;
    FakeDomain domain;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
        domain = aws.domain("acme", "111122223333", "us-west-2");
        aws.user(KEY, SECRET).allowToken(domain);
    }

    @AfterEach
    void stop() {
        domain.faults().clear();
        aws.close();
    }

    /** No retries, so each call meets exactly one fault. */
    GetAuthorizationTokenResponse token() {
        try (CodeartifactClient client = SdkClients.codeArtifact(aws, AwsBasicCredentials.create(KEY, SECRET),
                "us-west-2")) {
            return client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333"));
        }
    }

    /** The SDK's default retry policy, as the extension uses it. */
    CodeartifactClient retryingClient() {
        return SdkClients.retryingCodeArtifact(aws, AwsBasicCredentials.create(KEY, SECRET), "us-west-2");
    }

    @Test
    void theTokenQuotaThrottlesCallsBeyondItsRateWithRetryAfter() throws InterruptedException {
        aws.tokenQuota(2);

        assertFalse(token().authorizationToken().isEmpty());
        assertFalse(token().authorizationToken().isEmpty());
        ThrottlingException e = assertThrows(ThrottlingException.class, this::token);
        assertEquals(Integer.valueOf(1), e.retryAfterSeconds());
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
        // a second later the window has room again
        Thread.sleep(1100);
        assertFalse(token().authorizationToken().isEmpty());
        assertEquals(List.of(200, 200, 429, 200), statuses());
        aws.tokenQuota(0);
    }

    @Test
    void throttlingIsAThrottlingExceptionWithRetryAfter() {
        domain.faults().next(Fault.THROTTLING, 1);

        ThrottlingException e = assertThrows(ThrottlingException.class, this::token);

        assertEquals(429, e.statusCode());
        assertTrue(e.isThrottlingException());
        assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
        assertEquals(Integer.valueOf(1), e.retryAfterSeconds());
        // used up: the next call gets its token
        assertFalse(token().authorizationToken().isEmpty());
        assertEquals(List.of(429, 200), statuses());
    }

    @Test
    void internalErrorIsAnInternalServerException() {
        domain.faults().always(Fault.INTERNAL_ERROR);

        InternalServerException e = assertThrows(InternalServerException.class, this::token);

        assertEquals(500, e.statusCode());
        assertEquals("InternalServerException", e.awsErrorDetails().errorCode());
        // a standing fault stays
        assertThrows(InternalServerException.class, this::token);
        assertEquals(List.of(500, 500), statuses());
    }

    @Test
    void queuedFaultsComeFirstThenTheStandingOne() {
        domain.faults().always(Fault.INTERNAL_ERROR).next(Fault.THROTTLING, 1);

        assertThrows(ThrottlingException.class, this::token);
        assertThrows(InternalServerException.class, this::token);
        domain.faults().clear();
        token();
        assertEquals(List.of(429, 500, 200), statuses());
    }

    @Test
    void theSdksDefaultRetriesRideOutTwoThrottlesAndGiveUpAfterFourTries() {
        domain.faults().next(Fault.THROTTLING, 2);
        try (CodeartifactClient client = retryingClient()) {
            client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333"));
            assertEquals(List.of(429, 429, 200), statuses());

            aws.resetCalls();
            domain.faults().always(Fault.THROTTLING);
            ThrottlingException e = assertThrows(ThrottlingException.class,
                    () -> client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333")));
            assertEquals(Integer.valueOf(4), e.numAttempts());
            assertEquals(List.of(429, 429, 429, 429), statuses());
        }
    }

    @Test
    void aMalformedAnswerIsAClientErrorAndItsTokenWasIssued() {
        domain.faults().always(Fault.MALFORMED_JSON);

        // a client error, not a service error: the SDK could not read the answer
        assertThrows(SdkClientException.class, this::token);

        assertEquals(1, aws.issuedTokens().size());
        assertEquals(List.of(200), statuses());
    }

    @Test
    void aPastExpirationIsAWellFormedAnswer() {
        domain.faults().always(Fault.PAST_EXPIRATION);

        GetAuthorizationTokenResponse response = token();

        assertTrue(response.expiration().isBefore(Instant.now()), response.expiration()::toString);
        assertEquals(1, aws.issuedTokens().size());
    }

    @Test
    void noAnswerHoldsTheRequestUntilTheClientGivesUp() {
        domain.faults().always(Fault.NO_ANSWER);
        try (CodeartifactClient client = SdkClients.codeArtifact(aws, AwsBasicCredentials.create(KEY, SECRET),
                "us-west-2", Duration.ofMillis(500))) {
            long start = System.nanoTime();
            SdkException e = assertThrows(SdkException.class,
                    () -> client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333")));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(e.getMessage().contains("timed out"), e.getMessage());
            assertTrue(waited.compareTo(Duration.ofMillis(450)) >= 0, waited::toString);
            FakeCall call = aws.calls("GetAuthorizationToken").get(0);
            assertEquals(0, call.status());
            assertTrue(call.toString().contains("-> no answer"), call::toString);
        }
    }

    @Test
    void roleSessionsIssuedExpiredAreRefusedAsExpired() {
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/reader").allowToken(domain).issueExpiredSessions(1);
        aws.principal(KEY).allowAssume(role);
        try (StsClient sts = SdkClients.sts(aws, AwsBasicCredentials.create(KEY, SECRET), "us-west-2")) {
            Credentials first = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s1")).credentials();
            Credentials second = sts.assumeRole(r -> r.roleArn(role.arn()).roleSessionName("s2")).credentials();
            // STS's answer promises the full hour all the same
            assertTrue(first.expiration().isAfter(Instant.now().plus(Duration.ofMinutes(59))));

            CodeartifactException e = assertThrows(CodeartifactException.class, () -> tokenAs(first));
            assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            assertFalse(tokenAs(second).authorizationToken().isEmpty());
        }
    }

    @Test
    void anExportedSessionThatExpiredIsRefusedAsExpired() {
        FakeRole role = aws.role("arn:aws:iam::111122223333:role/exported").allowToken(domain);
        FakePrincipal session = aws.expiredSession(role);

        CodeartifactException e = assertThrows(CodeartifactException.class, () -> tokenAs(Credentials.builder()
                .accessKeyId(session.accessKeyId()).secretAccessKey(session.secretAccessKey())
                .sessionToken(session.sessionToken()).build()));

        assertEquals("ExpiredTokenException", e.awsErrorDetails().errorCode());
    }

    private GetAuthorizationTokenResponse tokenAs(Credentials c) {
        try (CodeartifactClient client = SdkClients.codeArtifact(aws, SdkClients.sessionOf(c), "us-west-2")) {
            return client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333"));
        }
    }

    private List<Integer> statuses() {
        return aws.calls("GetAuthorizationToken").stream().map(FakeCall::status).toList();
    }
}
