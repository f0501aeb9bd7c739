package io.github.mavenaws.codeartifact.fake;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** IAM Identity Center's users and the access tokens their logins produced. */
final class SsoDirectory {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final FakeAws aws;
    private final Map<String, FakeSsoUser> users = new ConcurrentHashMap<>();
    private final Map<String, SsoLogin> logins = new ConcurrentHashMap<>();

    SsoDirectory(FakeAws aws) {
        this.aws = aws;
    }

    FakeSsoUser user(String userName) {
        return users.computeIfAbsent(userName, name -> new FakeSsoUser(this, name));
    }

    SsoLogin login(FakeSsoUser user, Duration validFor) {
        byte[] bytes = new byte[96];
        RANDOM.nextBytes(bytes);
        // real access tokens are long opaque strings starting "aoa"; only their secrecy matters here
        SsoLogin login = new SsoLogin(user, "aoa" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes),
                aws.now().plus(validFor));
        logins.put(login.accessToken(), login);
        return login;
    }

    /** The login of an access token the portal still accepts, or null. */
    SsoLogin validLogin(String accessToken) {
        SsoLogin login = accessToken == null ? null : logins.get(accessToken);
        return login != null && aws.now().isBefore(login.expiresAt()) ? login : null;
    }
}
