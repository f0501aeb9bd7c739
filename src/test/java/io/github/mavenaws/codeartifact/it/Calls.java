package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakeCall.Service;
import java.util.function.Predicate;

/** Filters over the fake's calls, to read assertions as sentences. */
final class Calls {

    static final Predicate<FakeCall> REPOSITORY = c -> c.service() == Service.REPOSITORY;
    static final Predicate<FakeCall> S3 = c -> c.service() == Service.S3;
    static final Predicate<FakeCall> TOKEN_REQUEST = c -> "GetAuthorizationToken".equals(c.operation());
    static final Predicate<FakeCall> ASSUME_ROLE = c -> "AssumeRole".equals(c.operation());
    static final Predicate<FakeCall> BASIC = c -> c.authorization() == FakeCall.Authorization.BASIC;
    static final Predicate<FakeCall> OK = c -> c.status() >= 200 && c.status() < 300;
    static final Predicate<FakeCall> REFUSED = c -> c.status() == 401 || c.status() == 403;
    /** A repository request that carried a token the fake no longer accepts: not a bare challenge round trip. */
    static final Predicate<FakeCall> REFUSED_TOKEN = REPOSITORY.and(REFUSED).and(BASIC).and(c -> !c.tokenValid());

    private Calls() {
    }

    /** A GET whose path ends with the given repository path. */
    static Predicate<FakeCall> get(String path) {
        return c -> "GET".equals(c.operation()) && c.path().endsWith("/" + path);
    }

    static Predicate<FakeCall> put(String pathPart) {
        return c -> "PUT".equals(c.operation()) && c.path().contains(pathPart);
    }

    static Predicate<FakeCall> signedBy(String accessKeyId) {
        return c -> accessKeyId.equals(c.accessKeyId());
    }

    /** A GetAuthorizationToken call for this domain, by its {@code domain=} query parameter. */
    static Predicate<FakeCall> forDomain(String domain) {
        return c -> c.query() != null && ("&" + c.query() + "&").contains("&domain=" + domain + "&");
    }

    static Predicate<FakeCall> inRegion(String region) {
        return c -> region.equals(c.region());
    }
}
