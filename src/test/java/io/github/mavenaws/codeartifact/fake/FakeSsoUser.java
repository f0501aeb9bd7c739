package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A user of IAM Identity Center (AWS SSO). {@code aws sso login} leaves one of its access tokens in
 * {@code ~/.aws/sso/cache}; the SDK exchanges that token at the access portal (GetRoleCredentials) for credentials of
 * a role assigned to the user. An assignment is a permission set in an account, which IAM Identity Center provisions
 * there as a role; each exchange opens a session of that role named after the user, as AWS does.
 */
public final class FakeSsoUser {

    private final SsoDirectory directory;
    private final String userName;
    private final Map<String, FakeRole> assignments = new ConcurrentHashMap<>();

    FakeSsoUser(SsoDirectory directory, String userName) {
        this.directory = directory;
        this.userName = userName;
    }

    /** The sign-in name, e.g. {@code jane@example.com}: the session name of every role session it opens. */
    public String userName() {
        return userName;
    }

    /**
     * Lets the user exchange its login for sessions of {@code role}, asked for as {@code sso_account_id} =
     * the role's account and {@code sso_role_name} = {@code permissionSet}.
     */
    public FakeSsoUser assign(String permissionSet, FakeRole role) {
        assignments.put(key(role.account(), permissionSet), role);
        return this;
    }

    /**
     * A new access token, as {@code aws sso login} caches it; {@code validFor} may be negative for a login that has
     * expired already. The portal accepts the token until it expires.
     */
    public SsoLogin login(Duration validFor) {
        return directory.login(this, validFor);
    }

    FakeRole assignedRole(String accountId, String permissionSet) {
        return assignments.get(key(accountId, permissionSet));
    }

    private static String key(String accountId, String permissionSet) {
        return accountId + "/" + permissionSet;
    }

    @Override
    public String toString() {
        return "SSO user " + userName;
    }
}
