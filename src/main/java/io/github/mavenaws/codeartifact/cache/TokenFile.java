package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of one disk cache entry: versioned {@code key=value} lines naming the domain and identity the token was
 * issued for, checked on reading so that a file that is not exactly the expected entry is never served.
 *
 * <pre>
 * version=2
 * domain=acme
 * owner=111122223333
 * region=us-west-2
 * identity=&lt;hex SHA-256 of the AWS identity&gt;
 * source=codeartifact:GetAuthorizationToken with the default AWS credentials
 * issued=&lt;epoch milliseconds, or - when unknown&gt;
 * expiration=&lt;epoch milliseconds&gt;
 * token=&lt;the token&gt;
 * </pre>
 *
 * <p>Version 2 added {@code issued}, from which the refresh times of a short-lived token are derived; entries of
 * version 1 are ignored, and replaced by the next fetch.
 *
 * <p>Not Java properties: those unescape backslashes and accept continuation lines, and the format must stay
 * exact. Reasons for refusing a file never quote its content, which may hold a token.
 */
final class TokenFile {
    static final String VERSION = "2";

    private static final String UNKNOWN = "-";

    private static final String[] FIELDS = {
        "version", "domain", "owner", "region", "identity", "source", "issued", "expiration", "token"
    };
    private static final int MAX_TOKEN_LENGTH = 16 * 1024;
    private static final int MAX_SOURCE_LENGTH = 1024;

    private TokenFile() {}

    /**
     * @param key the domain, not null
     * @param identityDigest the identity's digest, not null
     * @param token a token with a known expiration, whose value and source hold no line break, not null
     */
    static String encode(DomainKey key, String identityDigest, AuthorizationToken token) {
        Instant expiration = token.expiration()
                .orElseThrow(() -> new IllegalArgumentException("only tokens with an expiration are stored"));
        checkValue(token.value());
        checkSource(token.source());
        return "# CodeArtifact token cache of maven-aws-extension; safe to delete\n"
                + "version=" + VERSION + "\n"
                + "domain=" + key.domain() + "\n"
                + "owner=" + key.owner() + "\n"
                + "region=" + key.region() + "\n"
                + "identity=" + identityDigest + "\n"
                + "source=" + token.source() + "\n"
                + "issued=" + token.issued().map(i -> String.valueOf(i.toEpochMilli())).orElse(UNKNOWN) + "\n"
                + "expiration=" + expiration.toEpochMilli() + "\n"
                + "token=" + token.value() + "\n";
    }

    /**
     * @param text the file's content, not null
     * @param key the domain the entry must be for, not null
     * @param identityDigest the identity the entry must be for, not null
     * @return the token, a new instance that keeps the source it was first obtained from
     * @throws IllegalArgumentException with a reason that never quotes the content, when the text is not exactly an
     *     entry of this version for this key
     */
    static AuthorizationToken decode(String text, DomainKey key, String identityDigest) {
        // Every line ends with a line break, the token's too: a file cut anywhere lacks a field or its last break.
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("it is truncated");
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("a line is not name=value");
            }
            String name = line.substring(0, equals);
            if (!isField(name)) {
                throw new IllegalArgumentException("a field is unknown");
            }
            if (fields.put(name, line.substring(equals + 1)) != null) {
                throw new IllegalArgumentException("field '" + name + "' appears twice");
            }
        }
        for (String field : FIELDS) {
            if (!fields.containsKey(field)) {
                throw new IllegalArgumentException("field '" + field + "' is missing");
            }
        }
        if (!VERSION.equals(fields.get("version"))) {
            throw new IllegalArgumentException("it is not version " + VERSION);
        }
        if (!key.domain().equals(fields.get("domain"))
                || !key.owner().equals(fields.get("owner"))
                || !key.region().equals(fields.get("region"))
                || !identityDigest.equals(fields.get("identity"))) {
            throw new IllegalArgumentException("it belongs to another domain or AWS identity");
        }
        Instant expiration = epochMillis(fields.get("expiration"), "expiration");
        String issuedField = fields.get("issued");
        Instant issued = UNKNOWN.equals(issuedField) ? null : epochMillis(issuedField, "issued");
        String value = fields.get("token");
        String source = fields.get("source");
        checkValue(value);
        checkSource(source);
        return new AuthorizationToken(value, issued, expiration, source);
    }

    private static Instant epochMillis(String text, String field) {
        try {
            return Instant.ofEpochMilli(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " is not a number of milliseconds");
        }
    }

    /** CodeArtifact tokens are printable ASCII; anything else is damage, and would break the HTTP header. */
    private static void checkValue(String value) {
        if (value.isEmpty() || value.length() > MAX_TOKEN_LENGTH) {
            throw new IllegalArgumentException("the token is empty or too long");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new IllegalArgumentException("the token has a character that no token has");
            }
        }
    }

    private static void checkSource(String source) {
        if (source.isEmpty() || source.length() > MAX_SOURCE_LENGTH) {
            throw new IllegalArgumentException("the source is empty or too long");
        }
        for (int i = 0; i < source.length(); i++) {
            if (Character.isISOControl(source.charAt(i))) {
                throw new IllegalArgumentException("the source has a control character");
            }
        }
    }

    private static boolean isField(String name) {
        for (String field : FIELDS) {
            if (field.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
