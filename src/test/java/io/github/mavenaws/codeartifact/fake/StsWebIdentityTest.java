package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.ExpiredTokenException;
import software.amazon.awssdk.services.sts.model.InvalidIdentityTokenException;
import software.amazon.awssdk.services.sts.model.StsException;

/** AssumeRoleWithWebIdentity through the real, unsigned SDK StsClient, then GetAuthorizationToken as the session. */
class StsWebIdentityTest {

    static final String ROLE = "arn:aws:iam::111122223333:role/github-actions-reader";
    static final String SUBJECT = "repo:acme/app:ref:refs/heads/main";

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
        role = aws.role(ROLE).allowToken(domain);
        sts = SdkClients.unsignedSts(aws, "us-west-2");
    }

    @AfterEach
    void stop() {
        sts.close();
        aws.close();
    }

    AssumeRoleWithWebIdentityResponse assume(String roleArn, String token) {
        return sts.assumeRoleWithWebIdentity(r -> r.roleArn(roleArn).roleSessionName("gha-run-42")
                .webIdentityToken(token));
    }

    @Test
    void trustedTokenOpensARoleSessionThatMayFetchTokens() {
        WebIdentityToken token = aws.webIdentityToken(role, SUBJECT, Duration.ofMinutes(10));
        Instant before = Instant.now();

        AssumeRoleWithWebIdentityResponse response = assume(ROLE, token.token());

        Credentials credentials = response.credentials();
        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        assertEquals(3600, Duration.between(before, credentials.expiration()).toSeconds(), 5);
        assertEquals("arn:aws:sts::111122223333:assumed-role/github-actions-reader/gha-run-42",
                response.assumedRoleUser().arn());
        assertEquals(SUBJECT, response.subjectFromWebIdentityToken());
        assertEquals("sts.amazonaws.com", response.audience());
        FakePrincipal session = aws.principal(credentials.accessKeyId());
        assertSame(role, session.role());
        assertEquals(List.of(session), role.sessions());
        FakeCall call = aws.calls(StsWebIdentity.ACTION).get(0);
        assertEquals(FakeCall.Service.STS, call.service());
        assertEquals(200, call.status());
        assertEquals(FakeCall.Authorization.NONE, call.authorization());
        assertNull(call.accessKeyId());

        try (CodeartifactClient codeArtifact = SdkClients.codeArtifact(aws, SdkClients.sessionOf(credentials),
                "us-west-2")) {
            assertFalse(codeArtifact.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333"))
                    .authorizationToken().isEmpty());
        }
        assertEquals(credentials.accessKeyId(), aws.calls("GetAuthorizationToken").get(0).accessKeyId());
    }

    @Test
    void tokenNoTrustedProviderIssuedIsInvalid() {
        InvalidIdentityTokenException e = assertThrows(InvalidIdentityTokenException.class,
                () -> assume(ROLE, "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJmb3JnZWQifQ.c2ln"));
        assertEquals(400, e.statusCode());
        assertTrue(role.sessions().isEmpty());
    }

    @Test
    void expiredTokenIsRefused() {
        WebIdentityToken token = aws.webIdentityToken(role, SUBJECT, Duration.ofMinutes(-1));
        ExpiredTokenException e = assertThrows(ExpiredTokenException.class, () -> assume(ROLE, token.token()));
        assertEquals(400, e.statusCode());
        assertFalse(e.getMessage().contains(token.token()), "the error echoes the token");
    }

    @Test
    void roleThatDoesNotTrustTheTokenDeniesIt() {
        FakeRole other = aws.role("arn:aws:iam::111122223333:role/other");
        WebIdentityToken token = aws.webIdentityToken(other, SUBJECT, Duration.ofMinutes(10));
        StsException e = assertThrows(StsException.class, () -> assume(ROLE, token.token()));
        assertEquals("AccessDenied", e.awsErrorDetails().errorCode());
        assertEquals(403, e.statusCode());
        assertTrue(e.awsErrorDetails().errorMessage().contains("sts:AssumeRoleWithWebIdentity"), e.getMessage());
    }

    @Test
    void missingSessionNameIsAValidationError() {
        WebIdentityToken token = aws.webIdentityToken(role, SUBJECT, Duration.ofMinutes(10));
        StsException e = assertThrows(StsException.class,
                () -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(ROLE).webIdentityToken(token.token())));
        assertEquals("ValidationError", e.awsErrorDetails().errorCode());
    }
}
