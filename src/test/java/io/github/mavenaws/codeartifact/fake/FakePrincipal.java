package io.github.mavenaws.codeartifact.fake;

import java.time.Instant;
import java.util.Locale;

/**
 * An identity that signs requests: an IAM user, or a role session issued by AssumeRole. A session acts with its
 * role's grants plus its own, carries a session token that must come with each request, and expires.
 */
public final class FakePrincipal {

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String arn;
    private final String account;
    private final String userId;
    private final FakeRole role;
    private final String sessionToken;
    private final Instant expiration;
    private final Grants grants = new Grants();
    private volatile boolean denied;
    private volatile boolean expired;

    private FakePrincipal(String accessKeyId, String secretAccessKey, String arn, String account, String userId,
                          FakeRole role, String sessionToken, Instant expiration) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.arn = arn;
        this.account = account;
        this.userId = userId;
        this.role = role;
        this.sessionToken = sessionToken;
        this.expiration = expiration;
    }

    static FakePrincipal user(String accessKeyId, String secretAccessKey, String account) {
        String name = "user-" + accessKeyId.toLowerCase(Locale.ROOT);
        return new FakePrincipal(accessKeyId, secretAccessKey, "arn:aws:iam::" + account + ":user/" + name,
                account, "AIDA" + accessKeyId.substring(Math.min(4, accessKeyId.length())), null, null, null);
    }

    static FakePrincipal session(FakeRole role, String sessionName, String accessKeyId, String secretAccessKey,
                                 String sessionToken, Instant expiration) {
        return new FakePrincipal(accessKeyId, secretAccessKey,
                "arn:aws:sts::" + role.account() + ":assumed-role/" + role.name() + "/" + sessionName,
                role.account(), role.roleId() + ":" + sessionName, role, sessionToken, expiration);
    }

    public String accessKeyId() {
        return accessKeyId;
    }

    public String secretAccessKey() {
        return secretAccessKey;
    }

    /** The session token a role session must send as {@code X-Amz-Security-Token}; null for users. */
    public String sessionToken() {
        return sessionToken;
    }

    /** When a role session's credentials stop working; null for users. */
    public Instant expiration() {
        return expiration;
    }

    /** {@code arn:aws:iam::<account>:user/<name>} or {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}. */
    public String arn() {
        return arn;
    }

    public String account() {
        return account;
    }

    /** GetCallerIdentity's UserId; for sessions the AssumedRoleId {@code AROA...:<session name>}. */
    public String userId() {
        return userId;
    }

    /** The role of a session; null for users. */
    public FakeRole role() {
        return role;
    }

    public boolean isSession() {
        return role != null;
    }

    /** May call GetAuthorizationToken for the domain; its tokens read every repository of the domain. */
    public FakePrincipal allowToken(FakeDomain domain) {
        grants.allowToken(domain);
        denied = false;
        return this;
    }

    /** Its tokens may also PUT to the domain's repositories. */
    public FakePrincipal allowPublish(FakeDomain domain) {
        grants.allowPublish(domain);
        denied = false;
        return this;
    }

    public FakePrincipal allowAssume(FakeRole target) {
        grants.allowAssume(target);
        denied = false;
        return this;
    }

    /**
     * Denies everything until the next {@code allow...}: GetAuthorizationToken, AssumeRole, and reads or
     * publishes with tokens it already holds. A session loses its role's grants too.
     */
    public FakePrincipal denyAll() {
        grants.clear();
        denied = true;
        return this;
    }

    boolean mayGetToken(FakeDomain domain) {
        return !denied && (grants.mayGetToken(domain) || role != null && role.grants().mayGetToken(domain));
    }

    boolean mayPublish(FakeDomain domain) {
        return !denied && (grants.mayPublish(domain) || role != null && role.grants().mayPublish(domain));
    }

    boolean mayAssume(FakeRole target) {
        return !denied && (grants.mayAssume(target) || role != null && role.grants().mayAssume(target));
    }

    boolean expiredAt(Instant now) {
        return expired || expiration != null && !now.isBefore(expiration);
    }

    /** A session that AWS treats as expired from now on, whatever its expiration says. */
    void expire() {
        expired = true;
    }

    @Override
    public String toString() {
        return arn + " (" + accessKeyId + ")";
    }
}
