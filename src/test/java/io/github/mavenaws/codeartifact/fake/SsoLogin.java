package io.github.mavenaws.codeartifact.fake;

import java.time.Instant;

/**
 * An IAM Identity Center access token, as {@code aws sso login} writes it to {@code ~/.aws/sso/cache}.
 *
 * @param user        whose login it is
 * @param accessToken the bearer token the portal accepts: a secret, never to be printed
 * @param expiresAt   when the portal stops accepting it
 */
public record SsoLogin(FakeSsoUser user, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "SSO login of " + user.userName() + " until " + expiresAt;
    }
}
