package io.github.mavenaws.codeartifact.fake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks AWS Signature Version 4 on API calls the way AWS does, recomputing the signature with the secret the fake
 * issued, so the extension's credentials really are what signed the request and a bug in credential selection
 * fails instead of passing silently.
 */
final class SigV4 {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern AMZ_DATE = Pattern.compile("[0-9]{8}T[0-9]{6}Z");
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String INCOMPLETE = "Authorization header requires 'Credential', 'Signature' and"
            + " 'SignedHeaders' parameters, with a credential scope <key>/<date>/<region>/<service>/aws4_request.";

    private SigV4() {
    }

    /** Why a signature was refused; each API maps these to its own error codes. */
    enum Failure {
        /** No Authorization header at all. */
        MISSING,
        /** An Authorization header that is not a well-formed SigV4 one. */
        MALFORMED,
        /** An access key the fake never issued. */
        UNKNOWN_KEY,
        /** A session's key without its session token, or with another one. */
        BAD_SESSION_TOKEN,
        /** A session's key after the session expired. */
        EXPIRED_SESSION,
        /** The credential scope names another service, another region than the host, or a day other than today. */
        WRONG_SCOPE,
        /** The recomputed signature differs. */
        MISMATCH
    }

    /** The outcome: a principal, or a failure with a message in AWS's words. Key and region are kept for the log. */
    record Result(FakePrincipal principal, String accessKeyId, String region, Failure failure, String message) {

        boolean ok() {
            return failure == null;
        }

        static Result failed(Failure failure, String accessKeyId, String region, String message) {
            return new Result(null, accessKeyId, region, failure, message);
        }
    }

    static Result verify(FakeRequest request, String service, Function<String, FakePrincipal> keys, Instant now) {
        String authorization = request.header("authorization");
        if (authorization == null) {
            return Result.failed(Failure.MISSING, null, null, "Missing Authentication Token");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            return Result.failed(Failure.MALFORMED, null, null, INCOMPLETE);
        }
        Map<String, String> parts = new HashMap<>();
        for (String part : authorization.substring(ALGORITHM.length() + 1).split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        String credential = parts.get("Credential");
        String signedHeaders = parts.get("SignedHeaders");
        String signature = parts.get("Signature");
        String[] scope = credential == null ? new String[0] : credential.split("/", -1);
        if (signedHeaders == null || signature == null || scope.length != 5 || !"aws4_request".equals(scope[4])) {
            return Result.failed(Failure.MALFORMED, scope.length > 0 ? scope[0] : null, null, INCOMPLETE);
        }
        String accessKeyId = scope[0];
        String day = scope[1];
        String region = scope[2];

        FakePrincipal principal = keys.apply(accessKeyId);
        if (principal == null) {
            return Result.failed(Failure.UNKNOWN_KEY, accessKeyId, region,
                    "The security token included in the request is invalid.");
        }
        if (principal.isSession() && !principal.sessionToken().equals(request.header("x-amz-security-token"))) {
            return Result.failed(Failure.BAD_SESSION_TOKEN, accessKeyId, region,
                    "The security token included in the request is invalid.");
        }
        if (principal.expiredAt(now)) {
            return Result.failed(Failure.EXPIRED_SESSION, accessKeyId, region,
                    "The security token included in the request is expired");
        }
        if (!service.equals(scope[3])) {
            return Result.failed(Failure.WRONG_SCOPE, accessKeyId, region,
                    "Credential should be scoped to correct service: '" + service + "'.");
        }
        String hostRegion = AwsNames.apiHostRegion(request.host());
        if (hostRegion != null && !hostRegion.equals(region)) {
            return Result.failed(Failure.WRONG_SCOPE, accessKeyId, region,
                    "Credential should be scoped to a valid region, not '" + region + "'.");
        }
        String amzDate = request.header("x-amz-date");
        if (amzDate == null || !AMZ_DATE.matcher(amzDate).matches() || !amzDate.startsWith(day)) {
            return Result.failed(Failure.MALFORMED, accessKeyId, region,
                    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                            + amzDate + "' != '" + day + "'.");
        }
        if (!isAroundToday(day, now)) {
            return Result.failed(Failure.WRONG_SCOPE, accessKeyId, region,
                    "Signature expired: " + amzDate + " is not within one day of " + now + ".");
        }
        List<String> headerNames = Arrays.asList(signedHeaders.split(";"));
        if (!headerNames.contains("host")) {
            return Result.failed(Failure.MALFORMED, accessKeyId, region,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        String actualHash = hex(sha256(request.body()));
        String declaredHash = request.header("x-amz-content-sha256");
        if (declaredHash != null && HEX_SHA256.matcher(declaredHash).matches() && !declaredHash.equals(actualHash)) {
            return Result.failed(Failure.MISMATCH, accessKeyId, region,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = canonicalRequest(request, headerNames, declaredHash != null ? declaredHash : actualHash);
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + String.join("/", day, region, scope[3], "aws4_request")
                + "\n" + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + principal.secretAccessKey()).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, region);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        String expected = hex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            return Result.failed(Failure.MISMATCH, accessKeyId, region,
                    "The request signature we calculated does not match the signature you provided. Check your AWS"
                            + " Secret Access Key and signing method. Consult the service documentation for details.");
        }
        return new Result(principal, accessKeyId, region, null, null);
    }

    /** SigV4's canonical request for every service but S3: the already-encoded path is encoded once more. */
    static String canonicalRequest(FakeRequest request, List<String> signedHeaders, String payloadHash) {
        String path = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        StringBuilder canonical = new StringBuilder()
                .append(request.method()).append('\n')
                .append(encode(path, true)).append('\n')
                .append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().getOrDefault(name, List.of());
            canonical.append(name).append(':')
                    .append(values.stream().map(v -> v.trim().replaceAll(" +", " ")).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return canonical.append('\n')
                .append(String.join(";", signedHeaders)).append('\n')
                .append(payloadHash)
                .toString();
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = FakeRequest.decode(eq < 0 ? pair : pair.substring(0, eq), false);
                String value = eq < 0 ? "" : FakeRequest.decode(pair.substring(eq + 1), false);
                pairs.add(new String[] {encode(name, false), encode(value, false)});
            }
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        return pairs.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    /** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters (and '/' in paths). */
    static String encode(String s, boolean keepSlash) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (keepSlash && c == '/')) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static boolean isAroundToday(String day, Instant now) {
        try {
            LocalDate signed = LocalDate.parse(day, DAY);
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            return !signed.isBefore(today.minusDays(1)) && !signed.isAfter(today.plusDays(1));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
