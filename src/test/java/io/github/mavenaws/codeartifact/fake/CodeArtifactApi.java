package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * CodeArtifact's GetAuthorizationToken in the restJson protocol: {@code POST /v1/authorization-token?domain=..
 * &domain-owner=..[&duration=..]}, errors as an {@code x-amzn-ErrorType} header plus {@code {"message": ..}}, which is
 * what the SDK's restJson unmarshaller reads into {@code awsErrorDetails().errorCode()}.
 */
final class CodeArtifactApi {

    static final String PATH = "/v1/authorization-token";
    private static final long DEFAULT_DURATION = 43_200;

    private final FakeAws aws;

    CodeArtifactApi(FakeAws aws) {
        this.aws = aws;
    }

    FakeReply handle(FakeRequest request, FakeCall.Notes notes) {
        notes.service(FakeCall.Service.CODEARTIFACT_API, "GetAuthorizationToken");
        if (!"POST".equals(request.method()) || !PATH.equals(request.rawPath())) {
            notes.operation = "Unknown";
            return error(notes, 404, "UnknownOperationException", null);
        }
        SigV4.Result signature = SigV4.verify(request, "codeartifact", aws::principal, aws.now());
        notes.accessKeyId = signature.accessKeyId();
        notes.region = signature.region();
        if (!signature.ok()) {
            return switch (signature.failure()) {
                case MISSING -> error(notes, 403, "MissingAuthenticationTokenException", signature.message());
                case UNKNOWN_KEY, BAD_SESSION_TOKEN ->
                        error(notes, 403, "UnrecognizedClientException", signature.message());
                case EXPIRED_SESSION -> error(notes, 403, "ExpiredTokenException", signature.message());
                default -> error(notes, 403, "InvalidSignatureException", signature.message());
            };
        }
        FakePrincipal principal = signature.principal();
        String region = signature.region();
        if (!aws.tokenQuota().admit(region)) {
            return throttled(notes);
        }

        Map<String, String> query = request.query();
        String domainName = query.get("domain");
        String owner = query.getOrDefault("domain-owner", principal.account());
        if (domainName == null || domainName.isEmpty()) {
            return error(notes, 400, "ValidationException",
                    "1 validation error detected: Value null at 'domain' failed to satisfy constraint: Member must not be null");
        }
        long duration;
        try {
            duration = Long.parseLong(query.getOrDefault("duration", Long.toString(DEFAULT_DURATION)));
        } catch (NumberFormatException e) {
            return error(notes, 400, "ValidationException", "Duration must be a number of seconds");
        }
        if (duration != 0 && (duration < 900 || duration > 43_200)) {
            return error(notes, 400, "ValidationException",
                    "DurationSeconds must be 0, or between 900 and 43200, but was " + duration);
        }
        FakeDomain domain = aws.findDomain(domainName, owner, region);
        if (domain == null) {
            return error(notes, 404, "ResourceNotFoundException",
                    "Domain '" + domainName + "' owned by '" + owner + "' not found in " + region);
        }
        if (!principal.mayGetToken(domain)) {
            return error(notes, 403, "AccessDeniedException", "User: " + principal.arn()
                    + " is not authorized to perform: codeartifact:GetAuthorizationToken on resource: " + domain.arn());
        }
        Duration lifetime = duration != 0 ? Duration.ofSeconds(duration)
                : principal.isSession() ? Duration.between(aws.now(), principal.expiration())
                : Duration.ofSeconds(DEFAULT_DURATION);
        Faults.Fault fault = domain.faults().take();
        if (fault != null) {
            return faulty(fault, domain, principal, lifetime, notes);
        }
        return issued(aws.issue(domain, principal, lifetime));
    }

    private static FakeReply issued(IssuedToken token) {
        Instant expiration = token.expiration();
        String json = "{\"authorizationToken\":\"" + token.token() + "\",\"expiration\":"
                + expiration.getEpochSecond() + "." + String.format("%03d", expiration.getNano() / 1_000_000) + "}";
        return FakeReply.text(200, "application/json", json);
    }

    /** What AWS answers on a bad day, in CodeArtifact's own error shapes. */
    private FakeReply faulty(Faults.Fault fault, FakeDomain domain, FakePrincipal principal, Duration lifetime,
                             FakeCall.Notes notes) {
        return switch (fault) {
            case THROTTLING -> throttled(notes);
            case INTERNAL_ERROR -> error(notes, 500, "InternalServerException",
                    "An internal error occurred. Try again later.");
            case MALFORMED_JSON -> {
                // a real token in a body cut short: whatever the client makes of it, the token must not show
                String json = new String(issued(aws.issue(domain, principal, lifetime)).body(),
                        StandardCharsets.UTF_8);
                notes.errorCode = "MalformedJson";
                yield FakeReply.text(200, "application/json", json.substring(0, json.indexOf(",\"expiration\"") + 15));
            }
            case PAST_EXPIRATION -> {
                notes.errorCode = "PastExpiration";
                yield issued(aws.issue(domain, principal, Duration.ofHours(-1)));
            }
            case NO_ANSWER -> {
                notes.errorCode = "NoAnswer";
                yield FakeReply.noAnswer(domain.faults()::holdUnanswered);
            }
        };
    }

    /** 429 as CodeArtifact's restJson protocol sends it; its ThrottlingException binds retryAfterSeconds to the header. */
    private static FakeReply throttled(FakeCall.Notes notes) {
        return error(notes, 429, "ThrottlingException", "Rate exceeded").header("Retry-After", "1");
    }

    private static FakeReply error(FakeCall.Notes notes, int status, String code, String message) {
        notes.errorCode = code;
        String body = message == null ? "{}" : "{\"message\":\"" + Escaping.json(message) + "\"}";
        return FakeReply.text(status, "application/json", body).header("x-amzn-ErrorType", code);
    }
}
