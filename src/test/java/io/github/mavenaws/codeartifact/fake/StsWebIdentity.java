package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS AssumeRoleWithWebIdentity: query protocol like the rest of STS, but unsigned; the OIDC token in the form is
 * the credential. Answers like AWS: {@code InvalidIdentityToken} for a token no trusted provider issued,
 * {@code ExpiredTokenException} for an expired one, {@code AccessDenied} when the role does not trust it.
 */
final class StsWebIdentity {

    static final String ACTION = "AssumeRoleWithWebIdentity";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");

    private final FakeAws aws;
    private final WebIdentityTokens tokens;
    private final StsApi sts;

    StsWebIdentity(FakeAws aws, WebIdentityTokens tokens, StsApi sts) {
        this.aws = aws;
        this.tokens = tokens;
        this.sts = sts;
    }

    FakeReply handle(Map<String, String> form, FakeCall.Notes notes) {
        String roleArn = form.get("RoleArn");
        String sessionName = form.get("RoleSessionName");
        String jwt = form.get("WebIdentityToken");
        if (roleArn == null || roleArn.length() < 20) {
            return sts.validation(notes, roleArn, "roleArn", roleArn == null ? "Member must not be null"
                    : "Member must have length greater than or equal to 20");
        }
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            return sts.validation(notes, sessionName, "roleSessionName", sessionName == null
                    ? "Member must not be null"
                    : "Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        if (jwt == null || jwt.length() < 4) {
            // the token is never echoed, not even in an error
            return sts.validation(notes, null, "webIdentityToken", "Member must have length greater than or equal to 4");
        }
        long seconds;
        try {
            seconds = Long.parseLong(form.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            return sts.validation(notes, form.get("DurationSeconds"), "durationSeconds", "Member must be a number");
        }
        WebIdentityToken token = tokens.find(jwt);
        if (token == null) {
            return sts.error(notes, 400, "InvalidIdentityToken",
                    "The web identity token that was passed could not be validated by AWS. Get a new identity token"
                            + " from the identity provider and then retry the request.");
        }
        if (!aws.now().isBefore(token.expiresAt())) {
            return sts.error(notes, 400, "ExpiredTokenException", "Token expired: current date/time " + aws.now()
                    + " must be before the expiration date/time " + token.expiresAt());
        }
        FakeRole role = aws.findRole(roleArn);
        if (role == null || role != token.role()) {
            return sts.error(notes, 403, "AccessDenied", "Not authorized to perform sts:AssumeRoleWithWebIdentity");
        }
        if (seconds < 900 || seconds > 43_200 || Duration.ofSeconds(seconds).compareTo(role.maxSessionDuration()) > 0) {
            return sts.error(notes, 400, "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        FakePrincipal session = aws.newSession(role, sessionName, Duration.ofSeconds(seconds));
        return sts.ok(ACTION, "<Credentials>"
                + "<AccessKeyId>" + session.accessKeyId() + "</AccessKeyId>"
                + "<SecretAccessKey>" + Escaping.xml(session.secretAccessKey()) + "</SecretAccessKey>"
                + "<SessionToken>" + Escaping.xml(session.sessionToken()) + "</SessionToken>"
                + "<Expiration>" + session.expiration().truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
                + "</Credentials>"
                + "<SubjectFromWebIdentityToken>" + Escaping.xml(token.subject()) + "</SubjectFromWebIdentityToken>"
                + "<AssumedRoleUser><AssumedRoleId>" + Escaping.xml(session.userId()) + "</AssumedRoleId>"
                + "<Arn>" + Escaping.xml(session.arn()) + "</Arn></AssumedRoleUser>"
                + "<Provider>" + Escaping.xml(token.issuer()) + "</Provider>"
                + "<Audience>" + Escaping.xml(token.audience()) + "</Audience>");
    }
}
