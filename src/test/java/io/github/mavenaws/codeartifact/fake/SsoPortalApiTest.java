package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.SsoException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;

/** GetRoleCredentials through the real SDK SsoClient, as the SDK's SSO credentials provider calls it. */
class SsoPortalApiTest {

    static final String ROLE =
            "arn:aws:iam::111122223333:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_CodeArtifactReader_0a1b2c3d";

    @TempDir
    Path dir;

    FakeAws aws;
    FakeDomain domain;
    FakeRole role;
    FakeSsoUser jane;
    SsoClient sso;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
        domain = aws.domain("acme", "111122223333", "us-west-2");
        role = aws.role(ROLE).allowToken(domain);
        jane = aws.ssoUser("jane@example.com").assign("CodeArtifactReader", role);
        sso = SdkClients.sso(aws, "eu-west-1");
    }

    @AfterEach
    void stop() {
        sso.close();
        aws.close();
    }

    RoleCredentials roleCredentials(String accessToken, String account, String roleName) {
        return sso.getRoleCredentials(r -> r.accessToken(accessToken).accountId(account).roleName(roleName))
                .roleCredentials();
    }

    @Test
    void validLoginGetsASessionOfTheAssignedRoleNamedAfterTheUser() {
        SsoLogin login = jane.login(Duration.ofHours(8));
        Instant before = Instant.now();

        RoleCredentials credentials = roleCredentials(login.accessToken(), "111122223333", "CodeArtifactReader");

        assertTrue(credentials.accessKeyId().startsWith("ASIA"));
        assertEquals(3600, Duration.between(before, Instant.ofEpochMilli(credentials.expiration())).toSeconds(), 5);
        FakePrincipal session = aws.principal(credentials.accessKeyId());
        assertSame(role, session.role());
        assertEquals("arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_CodeArtifactReader_0a1b2c3d/"
                + "jane@example.com", session.arn());
        FakeCall call = aws.calls("GetRoleCredentials").get(0);
        assertEquals(FakeCall.Service.SSO, call.service());
        assertEquals(200, call.status());
        assertFalse(call.toString().contains(login.accessToken()), "the call log shows the access token");

        try (CodeartifactClient codeArtifact = SdkClients.codeArtifact(aws, AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()), "us-west-2")) {
            assertFalse(codeArtifact.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333"))
                    .authorizationToken().isEmpty());
        }
    }

    @Test
    void expiredOrUnknownLoginIsUnauthorized() {
        SsoLogin expired = jane.login(Duration.ofMinutes(-5));
        UnauthorizedException e = assertThrows(UnauthorizedException.class,
                () -> roleCredentials(expired.accessToken(), "111122223333", "CodeArtifactReader"));
        assertEquals(401, e.statusCode());
        assertEquals("UnauthorizedException", e.awsErrorDetails().errorCode());
        assertThrows(UnauthorizedException.class,
                () -> roleCredentials("aoa-never-issued", "111122223333", "CodeArtifactReader"));
        assertTrue(role.sessions().isEmpty());
    }

    @Test
    void roleNotAssignedToTheUserIsForbidden() {
        SsoLogin login = jane.login(Duration.ofHours(8));
        // AWS answers "ForbiddenException: No access", a code the SDK's model does not name
        SsoException otherRole = assertThrows(SsoException.class,
                () -> roleCredentials(login.accessToken(), "111122223333", "Administrator"));
        assertEquals(403, otherRole.statusCode());
        assertEquals("ForbiddenException", otherRole.awsErrorDetails().errorCode());
        assertEquals(403, assertThrows(SsoException.class,
                () -> roleCredentials(login.accessToken(), "444455556666", "CodeArtifactReader")).statusCode());
    }

    @Test
    void refreshOfALoginIsRefused() {
        try (SsoOidcClient oidc = SdkClients.ssoOidc(aws, "eu-west-1")) {
            // with an endpoint override the request reaches the fake on localhost; it is routed by host there
            InvalidGrantException e = assertThrows(InvalidGrantException.class, () -> oidc.createToken(r -> r
                    .grantType("refresh_token").clientId("client").clientSecret("secret").refreshToken("refresh")));
            assertEquals(400, e.statusCode());
        }
    }
}
