package io.github.mavenaws.codeartifact.fake;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an identity may do, standing in for IAM policies. Checked on every request, not when a token is issued,
 * because CodeArtifact evaluates the token's principal against IAM on each repository request.
 */
final class Grants {

    private final Set<FakeDomain> token = ConcurrentHashMap.newKeySet();
    private final Set<FakeDomain> publish = ConcurrentHashMap.newKeySet();
    private final Set<FakeRole> assume = ConcurrentHashMap.newKeySet();

    void allowToken(FakeDomain domain) {
        token.add(domain);
    }

    /** Publishing needs a token first, so it implies {@link #allowToken}. */
    void allowPublish(FakeDomain domain) {
        token.add(domain);
        publish.add(domain);
    }

    void allowAssume(FakeRole role) {
        assume.add(role);
    }

    void clear() {
        token.clear();
        publish.clear();
        assume.clear();
    }

    boolean mayGetToken(FakeDomain domain) {
        return token.contains(domain);
    }

    boolean mayPublish(FakeDomain domain) {
        return publish.contains(domain);
    }

    boolean mayAssume(FakeRole role) {
        return assume.contains(role);
    }
}
