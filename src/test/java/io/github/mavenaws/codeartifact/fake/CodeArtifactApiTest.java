package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.codeartifact.model.ResourceNotFoundException;
import software.amazon.awssdk.services.codeartifact.model.ValidationException;

/** GetAuthorizationToken through the real SDK client: success, and each error as the SDK surfaces it. */
class CodeArtifactApiTest {

    static final String KEY = "AKIAFAKEUSER00000001";
    static final String SECRET = "fake/secret/for/the/user/0000000000000001";

    @TempDir
    Path dir;

    FakeAws aws;
    FakeDomain domain;

    @BeforeEach
    void start() throws Exception {
        aws = FakeAws.start(dir, 0);
        domain = aws.domain("acme", "111122223333", "us-west-2");
        domain.repository("releases").put("g/a/1/a-1.pom", "<project/>");
        aws.user(KEY, SECRET).allowToken(domain);
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    CodeartifactClient client(String key, String secret) {
        return SdkClients.codeArtifact(aws, AwsBasicCredentials.create(key, secret), "us-west-2");
    }

    GetAuthorizationTokenResponse token(CodeartifactClient client, Long duration) {
        return client.getAuthorizationToken(r -> r.domain("acme").domainOwner("111122223333").durationSeconds(duration));
    }

    @Test
    void issuesATokenThatOpensTheDomainsRepositories() throws Exception {
        Instant before = Instant.now();
        GetAuthorizationTokenResponse response;
        try (CodeartifactClient client = client(KEY, SECRET)) {
            response = token(client, null);
        }
        assertTrue(response.authorizationToken().length() >= 40);
        assertTrue(response.authorizationToken().matches("[A-Za-z0-9_-]+"));
        assertEquals(43_200, Duration.between(before, response.expiration()).toSeconds(), 5);

        FakeCall call = aws.calls("GetAuthorizationToken").get(0);
        assertEquals(FakeCall.Service.CODEARTIFACT_API, call.service());
        assertEquals(KEY, call.accessKeyId());
        assertEquals("us-west-2", call.region());
        assertEquals(200, call.status());
        assertEquals(FakeCall.Authorization.SIGV4, call.authorization());
        assertNull(call.errorCode());
        assertFalse(call.toString().contains(response.authorizationToken()));

        String basic = "Basic " + Base64.getEncoder().encodeToString(("aws:" + response.authorizationToken()).getBytes());
        assertEquals(200, LoopbackHttps.get(aws, domain.host(), "/maven/releases/g/a/1/a-1.pom",
                Map.of("Authorization", basic)).status());
    }

    @Test
    void honoursTheRequestedDuration() {
        Instant before = Instant.now();
        try (CodeartifactClient client = client(KEY, SECRET)) {
            assertEquals(900, Duration.between(before, token(client, 900L).expiration()).toSeconds(), 5);
            assertEquals(43_200, Duration.between(before, token(client, 0L).expiration()).toSeconds(), 5);
            ValidationException e = assertThrows(ValidationException.class, () -> token(client, 100L));
            assertEquals("ValidationException", e.awsErrorDetails().errorCode());
            assertEquals(400, e.statusCode());
            assertThrows(ValidationException.class, () -> token(client, 43_201L));
        }
    }

    @Test
    void principalWithoutGrantIsDenied() {
        aws.user("AKIAFAKEUSER00000002", SECRET);
        try (CodeartifactClient client = client("AKIAFAKEUSER00000002", SECRET)) {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> token(client, null));
            assertEquals("AccessDeniedException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
            assertTrue(e.awsErrorDetails().errorMessage().contains("codeartifact:GetAuthorizationToken"));
        }
        assertEquals("AccessDeniedException", aws.calls().get(0).errorCode());
    }

    @Test
    void denyAllWithdrawsTheGrant() {
        aws.principal(KEY).denyAll();
        try (CodeartifactClient client = client(KEY, SECRET)) {
            assertThrows(AccessDeniedException.class, () -> token(client, null));
        }
    }

    @Test
    void unknownDomainOrOtherRegionIsNotFound() {
        try (CodeartifactClient client = client(KEY, SECRET)) {
            ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
                    () -> client.getAuthorizationToken(r -> r.domain("nope").domainOwner("111122223333")));
            assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
            assertEquals(404, e.statusCode());
        }
        try (CodeartifactClient elsewhere = SdkClients.codeArtifact(aws, AwsBasicCredentials.create(KEY, SECRET),
                "eu-west-1")) {
            assertThrows(ResourceNotFoundException.class, () -> token(elsewhere, null));
        }
    }

    @Test
    void wrongSecretFailsTheSignature() {
        try (CodeartifactClient client = client(KEY, "not/the/secret")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> token(client, null));
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    void unknownAccessKeyIsUnrecognized() {
        try (CodeartifactClient client = client("AKIANOBODY0000000000", SECRET)) {
            AwsServiceException e = assertThrows(AwsServiceException.class, () -> token(client, null));
            assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
            assertEquals(403, e.statusCode());
        }
        assertEquals("AKIANOBODY0000000000", aws.calls().get(0).accessKeyId());
    }
}
