package io.github.mavenaws.codeartifact.fake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The S3 bucket CodeArtifact redirects asset downloads to. A presigned URL is itself the credential, and S3
 * refuses a request that also carries an Authorization header: a client that forwards the CodeArtifact token
 * across the redirect fails here as it would against AWS, and the leak is recorded as a violation.
 */
final class S3Endpoint {

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Duration EXPIRES = Duration.ofMinutes(15);

    private final FakeAws aws;
    private final byte[] signingKey = new byte[32];
    private final Map<String, PresignedObject> objects = new ConcurrentHashMap<>();

    /** What a presigned URL points to; the bytes are copied so later PUTs don't change an issued download. */
    private record PresignedObject(String host, byte[] content, String amzDate, Instant expires, boolean denied) {
    }

    S3Endpoint(FakeAws aws) {
        this.aws = aws;
        new SecureRandom().nextBytes(signingKey);
    }

    /**
     * A presigned-style GET URL for the content, on the domain's assets bucket; {@code denied}: S3 answers it with
     * 403 AccessDenied, as under a bucket or VPC endpoint policy that denies the bucket.
     */
    String presign(FakeDomain domain, byte[] content, boolean denied) {
        byte[] id = new byte[16];
        new SecureRandom().nextBytes(id);
        String key = HexFormat.of().formatHex(id);
        String host = domain.assetsHost();
        Instant now = aws.now();
        String amzDate = AMZ_DATE.format(now);
        objects.put(key, new PresignedObject(host, content, amzDate, now.plus(EXPIRES), denied));
        String credential = "ASIAFAKECODEARTIFACT/" + amzDate.substring(0, 8) + "/" + domain.region() + "/s3/aws4_request";
        return aws.url(host) + "/" + key
                + "?X-Amz-Algorithm=" + SigV4.ALGORITHM
                + "&X-Amz-Date=" + amzDate
                + "&X-Amz-SignedHeaders=host"
                + "&X-Amz-Expires=" + EXPIRES.toSeconds()
                + "&X-Amz-Credential=" + SigV4.encode(credential, false)
                + "&X-Amz-Signature=" + signature(host, key, amzDate);
    }

    FakeReply handle(FakeRequest request, FakeCall.Notes notes) {
        notes.service(FakeCall.Service.S3, request.method());
        String authorization = request.header("authorization");
        if (authorization != null) {
            FakeCall.Authorization scheme = FakeCall.Authorization.of(authorization);
            aws.violation("S3 request " + request.method() + " " + request.host() + request.rawPath()
                    + " carried an Authorization header (" + scheme + ") next to the presigned query");
            notes.errorCode = "InvalidArgument";
            return error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query"
                    + " parameter, Signature query string parameter or the Authorization header should be specified",
                    "<ArgumentName>Authorization</ArgumentName><ArgumentValue>" + scheme
                            + " (value withheld by the fake)</ArgumentValue>");
        }
        if (!"GET".equals(request.method()) && !"HEAD".equals(request.method())) {
            notes.errorCode = "MethodNotAllowed";
            return error(405, "MethodNotAllowed", "The specified method is not allowed against this resource.", "");
        }
        Map<String, String> query = request.query();
        String key = request.rawPath().substring(1);
        PresignedObject object = objects.get(key);
        if (query.get("X-Amz-Algorithm") == null || object == null || !object.host().equals(request.host())) {
            notes.errorCode = "AccessDenied";
            return error(403, "AccessDenied", "Access Denied", "");
        }
        String given = query.getOrDefault("X-Amz-Signature", "");
        if (!MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
                signature(object.host(), key, object.amzDate()).getBytes(StandardCharsets.US_ASCII))
                || !object.amzDate().equals(query.get("X-Amz-Date"))) {
            notes.errorCode = "SignatureDoesNotMatch";
            return error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the"
                    + " signature you provided. Check your key and signing method.", "");
        }
        if (object.denied()) {
            notes.errorCode = "AccessDenied";
            return error(403, "AccessDenied", "Access Denied", "");
        }
        if (!aws.now().isBefore(object.expires())) {
            notes.errorCode = "AccessDenied";
            return error(403, "AccessDenied", "Request has expired", "");
        }
        FakeReply reply = FakeReply.of(200, "application/octet-stream", object.content());
        return "HEAD".equals(request.method()) ? reply.forHead() : reply;
    }

    private String signature(String host, String key, String amzDate) {
        return SigV4.hex(SigV4.hmac(signingKey, host + "/" + key + "\n" + amzDate));
    }

    private FakeReply error(int status, String code, String message, String extra) {
        return FakeReply.text(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                + code + "</Code><Message>" + Escaping.xml(message) + "</Message>" + extra
                + "<RequestId>" + aws.newRequestId() + "</RequestId><HostId>fake-aws</HostId></Error>");
    }
}
