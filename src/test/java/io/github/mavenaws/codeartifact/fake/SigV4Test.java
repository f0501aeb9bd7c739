package io.github.mavenaws.codeartifact.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** The signature check agrees with the SDK's own signer, and refuses what AWS refuses. */
class SigV4Test {

    static final FakePrincipal USER = FakePrincipal.user("AKIAFAKESIGNER000001", "signer/secret", "123456789012");
    static final Function<String, FakePrincipal> KEYS = k -> k.equals(USER.accessKeyId()) ? USER : null;

    /** Signs like the SDK does, then presents the request as the fake would receive it. */
    static FakeRequest signed(String method, String host, String encodedPath, Map<String, String> query, String body,
                              String secret, String service, String region, Instant at) {
        SdkHttpRequest.Builder http = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .protocol("https").host(host).encodedPath(encodedPath)
                .putHeader("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .putHeader("X-Custom", "  spaced   value ");
        query.forEach(http::putRawQueryParameter);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(USER.accessKeyId(), secret))
                .request(http.build())
                .payload(ContentStreamProvider.fromByteArray(bytes))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)));
        SdkHttpRequest request = signed.request();
        return new FakeRequest(method, request.firstMatchingHeader("Host").orElse(host), request.encodedPath(),
                request.encodedQueryParameters().orElse(null), request.headers(), bytes);
    }

    static SigV4.Result verify(FakeRequest request, String service) {
        return SigV4.verify(request, service, KEYS, Instant.now());
    }

    @Test
    void acceptsWhatTheSdkSignsIncludingAwkwardPathsAndQueries() {
        Map<String, String> query = Map.of("domain", "my domain", "domain-owner", "1+1=2/&", "a", "", "Z", "ü~*");
        for (String path : new String[] {"/", "/v1/authorization-token", "/maven/r/a%20b/c%2Bd/%C3%BC.jar"}) {
            SigV4.Result result = verify(signed("POST", "localhost", path, query, "Action=AssumeRole&x=%2F",
                    USER.secretAccessKey(), "sts", "us-west-2", Instant.now()), "sts");
            assertTrue(result.ok(), path + ": " + result.message());
            assertEquals(USER, result.principal());
            assertEquals("us-west-2", result.region());
        }
    }

    @Test
    void refusesAWrongSecretOrATamperedRequest() {
        FakeRequest wrongSecret = signed("POST", "localhost", "/", Map.of(), "Action=AssumeRole", "other",
                "sts", "us-west-2", Instant.now());
        assertEquals(SigV4.Failure.MISMATCH, verify(wrongSecret, "sts").failure());

        FakeRequest good = signed("POST", "localhost", "/", Map.of(), "Action=AssumeRole", USER.secretAccessKey(),
                "sts", "us-west-2", Instant.now());
        FakeRequest tampered = new FakeRequest(good.method(), good.hostHeader(), good.rawPath(), good.rawQuery(),
                good.headers(), "Action=AssumeRole&RoleArn=x".getBytes(StandardCharsets.UTF_8));
        assertEquals(SigV4.Failure.MISMATCH, verify(tampered, "sts").failure());
    }

    @Test
    void refusesTheWrongScope() {
        Instant now = Instant.now();
        assertEquals(SigV4.Failure.WRONG_SCOPE, verify(signed("POST", "localhost", "/", Map.of(), "",
                USER.secretAccessKey(), "sts", "us-west-2", now), "codeartifact").failure());
        assertEquals(SigV4.Failure.WRONG_SCOPE, verify(signed("POST", "codeartifact.us-west-2.amazonaws.com", "/",
                Map.of(), "", USER.secretAccessKey(), "codeartifact", "us-east-1", now), "codeartifact").failure());
        assertEquals(SigV4.Failure.WRONG_SCOPE, verify(signed("POST", "sts.amazonaws.com", "/",
                Map.of(), "", USER.secretAccessKey(), "sts", "eu-west-1", now), "sts").failure());
        assertTrue(verify(signed("POST", "sts.amazonaws.com", "/",
                Map.of(), "", USER.secretAccessKey(), "sts", "us-east-1", now), "sts").ok());
        assertEquals(SigV4.Failure.WRONG_SCOPE, verify(signed("POST", "localhost", "/", Map.of(), "",
                USER.secretAccessKey(), "sts", "us-west-2", now.minus(Duration.ofDays(3))), "sts").failure());
    }

    @Test
    void refusesUnknownKeysAndMissingOrGarbledHeaders() {
        FakeRequest good = signed("POST", "localhost", "/", Map.of(), "", USER.secretAccessKey(), "sts",
                "us-west-2", Instant.now());
        assertEquals(SigV4.Failure.UNKNOWN_KEY, SigV4.verify(good, "sts", k -> null, Instant.now()).failure());

        Map<String, List<String>> headers = new HashMap<>(good.headers());
        headers.remove("authorization");
        assertEquals(SigV4.Failure.MISSING, verify(new FakeRequest("POST", "localhost", "/", null, headers,
                new byte[0]), "sts").failure());
        headers.put("authorization", List.of("AWS4-HMAC-SHA256 garbage"));
        assertEquals(SigV4.Failure.MALFORMED, verify(new FakeRequest("POST", "localhost", "/", null, headers,
                new byte[0]), "sts").failure());
    }

    /** Over the wire, each failure arrives in the protocol's error format. */
    @Test
    void garbledSignatureIsRejectedOnTheWire(@TempDir Path dir)
            throws Exception {
        try (FakeAws aws = FakeAws.start(dir, 0)) {
            LoopbackHttps.Response codeArtifact = LoopbackHttps.send(aws, "codeartifact.us-west-2.amazonaws.com",
                    "POST", "/v1/authorization-token?domain=acme&domain-owner=111122223333",
                    Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=garbage", "X-Amz-Date", "20260101T000000Z"),
                    new byte[0]);
            assertEquals(403, codeArtifact.status());
            assertEquals("InvalidSignatureException", codeArtifact.header("x-amzn-ErrorType"));
            assertTrue(codeArtifact.text().startsWith("{\"message\":"));

            LoopbackHttps.Response sts = LoopbackHttps.send(aws, "sts.us-west-2.amazonaws.com", "POST", "/",
                    Map.of("Content-Type", "application/x-www-form-urlencoded",
                            "Authorization", "AWS4-HMAC-SHA256 Credential=x/y, Signature=z"),
                    "Action=AssumeRole&Version=2011-06-15".getBytes(StandardCharsets.UTF_8));
            assertEquals(403, sts.status());
            assertTrue(sts.text().contains("<Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code>"), sts.text());
            assertEquals("SignatureDoesNotMatch", aws.calls("AssumeRole").get(0).errorCode());
        }
    }
}
