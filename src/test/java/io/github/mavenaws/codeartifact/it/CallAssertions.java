package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakeCall.Authorization;
import java.util.List;
import java.util.function.Predicate;

/** Assertions on what the fake AWS saw in a run; failures show the run's log tail and every call. */
final class CallAssertions {

    private final MavenResult result;
    private final SeenCalls calls;

    private CallAssertions(MavenResult result) {
        this.result = result;
        this.calls = result.calls();
    }

    static CallAssertions assertCalls(MavenResult result) {
        return new CallAssertions(result);
    }

    CallAssertions count(String what, Predicate<FakeCall> filter, int expected) {
        int actual = calls.where(filter).size();
        if (actual != expected) {
            throw result.failure("expected " + expected + " " + what + ", the fake saw " + actual);
        }
        return this;
    }

    CallAssertions atLeastOne(String what, Predicate<FakeCall> filter) {
        if (calls.where(filter).isEmpty()) {
            throw result.failure("expected at least one " + what + ", the fake saw none");
        }
        return this;
    }

    CallAssertions all(String what, Predicate<FakeCall> scope, Predicate<FakeCall> expectation) {
        List<FakeCall> offending = calls.where(scope.and(expectation.negate()));
        if (!offending.isEmpty()) {
            throw result.failure("expected every call to be " + what + ", these were not:\n"
                    + String.join("\n", offending.stream().map(FakeCall::toString).toList()));
        }
        return this;
    }

    /** Exactly {@code n} GetAuthorizationToken calls, whatever their outcome. */
    CallAssertions tokenRequests(int n) {
        return count("GetAuthorizationToken calls", c -> "GetAuthorizationToken".equals(c.operation()), n);
    }

    CallAssertions assumeRoles(int n) {
        return count("AssumeRole calls", c -> "AssumeRole".equals(c.operation()), n);
    }

    /**
     * The repository served nothing without the token: every request either carried a valid token in HTTP Basic
     * credentials or was answered 401. A transport's first, bare request that draws the 401 challenge is normal
     * HTTP; a bare request that got anything else would mean the repository was reached without us.
     */
    CallAssertions repositoryServedOnlyWithToken() {
        return all("a repository call with a valid token in Basic credentials, or a 401 challenge",
                Calls.REPOSITORY,
                c -> c.status() == 401 || (c.authorization() == Authorization.BASIC && c.tokenValid()));
    }

    /** The artifact was downloaded from a repository: a GET of that path answered 200. */
    CallAssertions downloaded(String path) {
        return atLeastOne("GET of " + path + " answered 200", Calls.REPOSITORY.and(Calls.get(path)).and(Calls.OK));
    }

    /** A GET of that path answered 200 to a request that carried a valid token. */
    CallAssertions downloadedWithToken(String path) {
        return atLeastOne("GET of " + path + " with a valid token answered 200", Calls.REPOSITORY
                .and(Calls.get(path)).and(Calls.OK).and(Calls.BASIC).and(FakeCall::tokenValid));
    }

    CallAssertions noViolations() {
        if (!calls.violations().isEmpty()) {
            throw result.failure("the fake AWS reported violations: " + calls.violations());
        }
        return this;
    }
}
