package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An IAM role. Sessions from AssumeRole act with the role's grants as they are at each request.
 */
public final class FakeRole {

    private static final Pattern ARN = Pattern.compile("arn:aws:iam::([0-9]{12}):role/(?:[\\w+=,.@-]+/)*([\\w+=,.@-]{1,64})");

    private final String arn;
    private final String account;
    private final String name;
    private final String roleId;
    private final Grants grants = new Grants();
    private final List<FakePrincipal> sessions = new CopyOnWriteArrayList<>();
    private final Duration maxSessionDuration = Duration.ofHours(12);
    private final AtomicInteger expiredSessions = new AtomicInteger();

    FakeRole(String arn, String roleId) {
        Matcher m = ARN.matcher(arn);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a role ARN: " + arn);
        }
        this.arn = arn;
        this.account = m.group(1);
        this.name = m.group(2);
        this.roleId = roleId;
    }

    public String arn() {
        return arn;
    }

    public String account() {
        return account;
    }

    public String name() {
        return name;
    }

    /** The {@code AROA...} unique id, the first half of each session's AssumedRoleId. */
    public String roleId() {
        return roleId;
    }

    /** Sessions may call GetAuthorizationToken for the domain and read all its repositories. */
    public FakeRole allowToken(FakeDomain domain) {
        grants.allowToken(domain);
        return this;
    }

    /** Sessions may also publish to the domain's repositories. */
    public FakeRole allowPublish(FakeDomain domain) {
        grants.allowPublish(domain);
        return this;
    }

    /** Sessions may assume {@code other} (role chaining, capped at one hour like AWS). */
    public FakeRole allowAssume(FakeRole other) {
        grants.allowAssume(other);
        return this;
    }

    /** Withdraws every grant, from existing sessions too. */
    public FakeRole denyAll() {
        grants.clear();
        return this;
    }

    /**
     * The longest DurationSeconds AssumeRole accepts. AWS defaults a role to one hour; the fake's roles allow the
     * API maximum of 12 hours so tests choose their duration freely.
     */
    public Duration maxSessionDuration() {
        return maxSessionDuration;
    }

    /**
     * The next {@code count} sessions AssumeRole issues are expired on AWS's side from the start, while STS's answer
     * gives them their full duration: every request signed with them is refused as expired
     * ({@code ExpiredTokenException}), as happens to credentials a client kept past their end.
     */
    public FakeRole issueExpiredSessions(int count) {
        expiredSessions.set(count);
        return this;
    }

    /** Every session AssumeRole issued for this role, oldest first. */
    public List<FakePrincipal> sessions() {
        return List.copyOf(sessions);
    }

    Grants grants() {
        return grants;
    }

    void addSession(FakePrincipal session) {
        if (expiredSessions.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            session.expire();
        }
        sessions.add(session);
    }

    @Override
    public String toString() {
        return arn;
    }
}
