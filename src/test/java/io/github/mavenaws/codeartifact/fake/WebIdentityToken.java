package io.github.mavenaws.codeartifact.fake;

import java.time.Instant;

/**
 * An OIDC token of an identity provider that {@code role}'s trust policy accepts, as GitHub Actions writes it to
 * the file named by {@code AWS_WEB_IDENTITY_TOKEN_FILE}.
 *
 * @param token     the JWT: a credential, never to be printed
 * @param role      the role whose trust policy accepts it
 * @param issuer    the provider, e.g. {@code token.actions.githubusercontent.com}
 * @param subject   its {@code sub} claim, e.g. {@code repo:acme/app:ref:refs/heads/main}
 * @param audience  its {@code aud} claim, {@code sts.amazonaws.com}
 * @param expiresAt its {@code exp} claim
 */
public record WebIdentityToken(String token, FakeRole role, String issuer, String subject, String audience,
                               Instant expiresAt) {

    @Override
    public String toString() {
        return "web identity token of " + issuer + " for " + subject + " (role " + role + ") until " + expiresAt;
    }
}
