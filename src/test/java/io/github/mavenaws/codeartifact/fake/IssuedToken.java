package io.github.mavenaws.codeartifact.fake;

import java.time.Instant;

/**
 * A CodeArtifact authorization token the fake handed out: valid for exactly one domain (name, owner, region)
 * until it expires or the test revokes it.
 *
 * @param token      the secret string clients send as the Basic password
 * @param domain     the domain it opens
 * @param principal  who obtained it; its grants decide reads and publishes at each request
 * @param expiration when it stops working
 */
record IssuedToken(String token, FakeDomain domain, FakePrincipal principal, Instant expiration) {

    @Override
    public String toString() {
        return "token for " + domain + " of " + principal + " until " + expiration;
    }
}
