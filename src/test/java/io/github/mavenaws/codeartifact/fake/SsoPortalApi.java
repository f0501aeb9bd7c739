package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.util.Map;

/**
 * The IAM Identity Center access portal's GetRoleCredentials in the restJson protocol, as the SDK's SSO credentials
 * provider calls it at {@code portal.sso.<region>.amazonaws.com}: {@code GET /federation/credentials?role_name=..
 * &account_id=..}, unsigned, the access token of the cached login in header {@code x-amz-sso_bearer_token}. The
 * answer is {@code {"roleCredentials": {accessKeyId, secretAccessKey, sessionToken, expiration (epoch millis)}}};
 * errors an {@code x-amzn-ErrorType} header plus {@code {"message": ..}}.
 */
final class SsoPortalApi {

    static final String PATH = "/federation/credentials";
    /** A permission set's session duration defaults to one hour. */
    private static final Duration SESSION_DURATION = Duration.ofHours(1);

    private final FakeAws aws;
    private final SsoDirectory directory;

    SsoPortalApi(FakeAws aws, SsoDirectory directory) {
        this.aws = aws;
        this.directory = directory;
    }

    FakeReply handle(FakeRequest request, FakeCall.Notes notes) {
        notes.service(FakeCall.Service.SSO, "GetRoleCredentials");
        notes.region = AwsNames.ssoRegion(request.host());
        if (!"GET".equals(request.method()) || !PATH.equals(request.rawPath())) {
            notes.operation = "Unknown";
            return error(notes, 404, "UnknownOperationException", null);
        }
        SsoLogin login = directory.validLogin(request.header("x-amz-sso_bearer_token"));
        if (login == null) {
            // AWS says the same for a missing, unknown or expired token
            return error(notes, 401, "UnauthorizedException", "Session token not found or invalid");
        }
        Map<String, String> query = request.query();
        String accountId = query.get("account_id");
        String roleName = query.get("role_name");
        if (accountId == null || roleName == null) {
            return error(notes, 400, "InvalidRequestException",
                    (accountId == null ? "account_id" : "role_name") + " is required");
        }
        FakeRole role = login.user().assignedRole(accountId, roleName);
        if (role == null) {
            return error(notes, 403, "ForbiddenException", "No access");
        }
        FakePrincipal session = aws.newSession(role, login.user().userName(), SESSION_DURATION);
        return FakeReply.text(200, "application/json", "{\"roleCredentials\":{"
                + "\"accessKeyId\":\"" + session.accessKeyId() + "\","
                + "\"secretAccessKey\":\"" + Escaping.json(session.secretAccessKey()) + "\","
                + "\"sessionToken\":\"" + Escaping.json(session.sessionToken()) + "\","
                + "\"expiration\":" + session.expiration().toEpochMilli() + "}}");
    }

    private static FakeReply error(FakeCall.Notes notes, int status, String code, String message) {
        notes.errorCode = code;
        String body = message == null ? "{}" : "{\"message\":\"" + Escaping.json(message) + "\"}";
        return FakeReply.text(status, "application/json", body).header("x-amzn-ErrorType", code);
    }
}
