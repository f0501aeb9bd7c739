package io.github.mavenaws.codeartifact.fake;

/**
 * IAM Identity Center's OIDC CreateToken ({@code POST /token} at {@code oidc.<region>.amazonaws.com}, restJson), where
 * the SDK refreshes the cached login of an {@code sso_session} profile that is about to expire. The fake honours no
 * refresh token: it answers every refresh with {@code InvalidGrantException}, as AWS does once the refresh token has
 * expired, so a build either uses the cached access token as it is or must ask for {@code aws sso login}.
 */
final class SsoOidcApi {

    FakeReply handle(FakeRequest request, FakeCall.Notes notes) {
        notes.service(FakeCall.Service.SSO, "POST".equals(request.method()) && "/token".equals(request.rawPath())
                ? "CreateToken" : "Unknown");
        notes.region = AwsNames.ssoRegion(request.host());
        notes.errorCode = "InvalidGrantException";
        return FakeReply.text(400, "application/json",
                        "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token provided\"}")
                .header("x-amzn-ErrorType", "InvalidGrantException");
    }
}
