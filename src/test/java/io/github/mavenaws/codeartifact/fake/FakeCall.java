package io.github.mavenaws.codeartifact.fake;

/**
 * One request the fake answered, recorded before its response was sent so a client that got the response always
 * finds the call. Holds no token, secret or signature: safe to print in assertion messages.
 *
 * @param service       which AWS surface was addressed
 * @param operation     {@code GetAuthorizationToken}, {@code AssumeRole}, {@code GetCallerIdentity} for API calls;
 *                      the HTTP method for repository and S3 calls
 * @param host          the Host header without port
 * @param path          the raw request path
 * @param query         the raw query string, or null
 * @param accessKeyId   the SigV4 access key of an API call, or null
 * @param region        the SigV4 scope region of an API call, or null
 * @param status        the HTTP status answered; 0 when the fake held the request unanswered (a fault)
 * @param errorCode     the AWS error code answered, the fault played instead of a good answer ({@code MalformedJson},
 *                      {@code PastExpiration}, {@code NoAnswer}; see {@link Faults}), or null on success
 * @param authorization what kind of Authorization the request carried
 * @param tokenValid    for repository calls: whether it carried a valid token for the repository's domain
 */
public record FakeCall(
        Service service,
        String operation,
        String host,
        String path,
        String query,
        String accessKeyId,
        String region,
        int status,
        String errorCode,
        Authorization authorization,
        boolean tokenValid) {

    /** The AWS surface a request addressed. */
    public enum Service {
        CODEARTIFACT_API, STS, REPOSITORY, S3,
        /** Matched nothing the fake serves: a wrong URL, worth failing a test on. */
        OTHER
    }

    /** The scheme of the request's Authorization header. */
    public enum Authorization {
        NONE, BASIC, BEARER, SIGV4, OTHER;

        static Authorization of(String header) {
            if (header == null || header.isBlank()) {
                return NONE;
            }
            String h = header.trim();
            if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
                return BASIC;
            }
            if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return BEARER;
            }
            return h.startsWith("AWS4-HMAC-SHA256 ") ? SIGV4 : OTHER;
        }
    }

    @Override
    public String toString() {
        // the query of S3 calls is a presigned URL, itself a credential: only API queries are printed
        String q = service == Service.CODEARTIFACT_API && query != null ? "?" + query : "";
        return service + " " + operation + " " + host + path + q + " -> "
                + (status == FakeReply.NO_ANSWER ? "no answer" : Integer.toString(status))
                + (errorCode == null ? "" : " " + errorCode)
                + " auth=" + authorization
                + (accessKeyId == null ? "" : " key=" + accessKeyId + " region=" + region)
                + (service == Service.REPOSITORY ? " tokenValid=" + tokenValid : "");
    }

    /** What a handler learns about a call while answering it; the router adds the rest. */
    static final class Notes {
        Service service = Service.OTHER;
        String operation;
        String accessKeyId;
        String region;
        String errorCode;
        boolean tokenValid;

        Notes service(Service value, String op) {
            this.service = value;
            this.operation = op;
            return this;
        }
    }
}
