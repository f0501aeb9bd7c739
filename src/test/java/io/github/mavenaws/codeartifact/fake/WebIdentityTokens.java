package io.github.mavenaws.codeartifact.fake;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OIDC tokens roles trust, standing in for an IAM OIDC identity provider plus the roles' trust policies: STS
 * accepts exactly the tokens issued here, for the role they were issued for, until they expire.
 */
final class WebIdentityTokens {

    static final String GITHUB_ISSUER = "token.actions.githubusercontent.com";
    static final String AUDIENCE = "sts.amazonaws.com";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final FakeAws aws;
    private final Map<String, WebIdentityToken> tokens = new ConcurrentHashMap<>();

    WebIdentityTokens(FakeAws aws) {
        this.aws = aws;
    }

    /** A JWT-shaped token of GitHub's issuer whose signature only this fake checks (by remembering it). */
    WebIdentityToken issue(FakeRole role, String subject, Duration validFor) {
        long exp = aws.now().plus(validFor).getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"fake-aws\"}";
        String claims = "{\"iss\":\"https://" + GITHUB_ISSUER + "\",\"sub\":\"" + Escaping.json(subject)
                + "\",\"aud\":\"" + AUDIENCE + "\",\"exp\":" + exp + "}";
        byte[] signature = new byte[64];
        RANDOM.nextBytes(signature);
        String jwt = BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(signature);
        WebIdentityToken token = new WebIdentityToken(jwt, role, GITHUB_ISSUER, subject, AUDIENCE,
                aws.now().plus(validFor));
        tokens.put(jwt, token);
        return token;
    }

    /** The token issued with exactly this text, expired or not, or null. */
    WebIdentityToken find(String jwt) {
        return jwt == null ? null : tokens.get(jwt);
    }
}
