package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Whose refusal a 401/403 of a download is, from what the repository answers the same request with the same token. */
class RefusalOriginTest {
    private static final String HOST = "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com";
    private static final String S3 = "https://assets-111122223333-us-west-2.s3.us-west-2.amazonaws.com/0a1b"
            + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20261201&X-Amz-Signature=abc";

    private static RefusalOrigin of(int status, String location) {
        return RefusalOrigin.of(HOST, new RepositoryProbe.Answer(status, location));
    }

    @Test
    void aRedirectToS3MeansS3RefusedIt() {
        RefusalOrigin origin = of(307, S3);

        assertEquals(RefusalOrigin.Kind.REDIRECT_TARGET, origin.kind());
        assertFalse(origin.isTheTokens());
        assertEquals("assets-111122223333-us-west-2.s3.us-west-2.amazonaws.com", origin.host());
        String message = origin.message("releases (" + HOST + ")", "HTTP 403");
        assertTrue(message.contains("redirects this download to assets-111122223333-us-west-2.s3.us-west-2"
                + ".amazonaws.com (S3), and the download's redirect target refused it (HTTP 403)"), message);
        assertFalse(message.contains("X-Amz"), "a presigned URL is a credential: " + message);
    }

    @Test
    void aRedirectWithoutLocationStillClearsTheToken() {
        RefusalOrigin origin = of(302, null);

        assertEquals(RefusalOrigin.Kind.REDIRECT_TARGET, origin.kind());
        assertNull(origin.host());
        assertTrue(origin.message("releases", "HTTP 403").contains("redirects this download to another host"));
    }

    @Test
    void aRedirectWithinTheRepositoryHostLeavesTheRefusalToTheToken() {
        assertTrue(of(307, "https://" + HOST.toUpperCase() + "/maven/releases/x.jar").isTheTokens());
    }

    @Test
    void aFileServedOrMissingMeansSomethingInBetweenRefusedIt() {
        for (int status : new int[] {200, 206, 404}) {
            RefusalOrigin origin = of(status, null);
            assertEquals(RefusalOrigin.Kind.IN_BETWEEN, origin.kind(), "HTTP " + status);
            assertTrue(origin.message("releases", "HTTP 403").contains("a proxy or firewall"));
        }
    }

    @Test
    void theRepositoryRefusingOrNotTellingCountsAsTheTokens() {
        for (int status : new int[] {401, 403, 400, 500, 503}) {
            assertTrue(of(status, S3).isTheTokens(), "HTTP " + status);
        }
        assertTrue(RefusalOrigin.of(HOST, null).isTheTokens(), "not asked");
    }
}
