package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * STS in the AWS query protocol: a form-encoded {@code POST /} naming the Action, answered with XML in the
 * 2011-06-15 namespace; errors as {@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}, which is what the
 * SDK's query unmarshaller reads. AssumeRole and GetCallerIdentity are served, and the unsigned
 * AssumeRoleWithWebIdentity ({@link StsWebIdentity}).
 */
final class StsApi {

    private static final String NS = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final Pattern SESSION_NAME = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Duration ROLE_CHAINING_LIMIT = Duration.ofHours(1);

    private final FakeAws aws;
    private final StsWebIdentity webIdentity;

    StsApi(FakeAws aws) {
        this.aws = aws;
        this.webIdentity = new StsWebIdentity(aws, aws.webIdentityTokens(), this);
    }

    /** Whether the request is an STS query call, whatever host it was sent to (endpoint overrides use localhost). */
    static boolean accepts(FakeRequest request) {
        String type = request.header("content-type");
        return "POST".equals(request.method()) && "/".equals(request.rawPath()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    FakeReply handle(FakeRequest request, FakeCall.Notes notes) {
        Map<String, String> form = request.form();
        String action = form.getOrDefault("Action", "");
        notes.service(FakeCall.Service.STS, action.isEmpty() ? "Unknown" : action);
        if (!"POST".equals(request.method())) {
            return error(notes, 400, "InvalidAction", "STS accepts POST only");
        }
        if (StsWebIdentity.ACTION.equals(action)) {
            return webIdentity.handle(form, notes);
        }
        SigV4.Result signature = SigV4.verify(request, "sts", aws::principal, aws.now());
        notes.accessKeyId = signature.accessKeyId();
        notes.region = signature.region();
        if (!signature.ok()) {
            return switch (signature.failure()) {
                case MISSING -> error(notes, 403, "MissingAuthenticationToken", "Request is missing Authentication Token");
                case UNKNOWN_KEY, BAD_SESSION_TOKEN -> error(notes, 403, "InvalidClientTokenId", signature.message());
                case EXPIRED_SESSION -> error(notes, 403, "ExpiredToken", signature.message());
                default -> error(notes, 403, "SignatureDoesNotMatch", signature.message());
            };
        }
        return switch (action) {
            case "AssumeRole" -> assumeRole(form, signature.principal(), notes);
            case "GetCallerIdentity" -> ok("GetCallerIdentity", "<Arn>" + Escaping.xml(signature.principal().arn())
                    + "</Arn><UserId>" + Escaping.xml(signature.principal().userId()) + "</UserId><Account>"
                    + signature.principal().account() + "</Account>");
            default -> error(notes, 400, "InvalidAction",
                    "Could not find operation " + action + " for version " + form.get("Version"));
        };
    }

    private FakeReply assumeRole(Map<String, String> form, FakePrincipal caller, FakeCall.Notes notes) {
        String roleArn = form.get("RoleArn");
        String sessionName = form.get("RoleSessionName");
        if (roleArn == null || roleArn.length() < 20) {
            return validation(notes, roleArn, "roleArn", roleArn == null ? "Member must not be null"
                    : "Member must have length greater than or equal to 20");
        }
        if (sessionName == null || !SESSION_NAME.matcher(sessionName).matches()) {
            return validation(notes, sessionName, "roleSessionName", sessionName == null ? "Member must not be null"
                    : "Member must have length between 2 and 64 and satisfy regular expression pattern: [\\w+=,.@-]*");
        }
        long seconds;
        try {
            seconds = Long.parseLong(form.getOrDefault("DurationSeconds", "3600"));
        } catch (NumberFormatException e) {
            return validation(notes, form.get("DurationSeconds"), "durationSeconds", "Member must be a number");
        }
        if (seconds < 900 || seconds > 43_200) {
            return validation(notes, Long.toString(seconds), "durationSeconds", seconds < 900
                    ? "Member must have value greater than or equal to 900"
                    : "Member must have value less than or equal to 43200");
        }
        FakeRole role = aws.findRole(roleArn);
        // AWS does not reveal whether a role exists: unknown and forbidden roles are both AccessDenied
        if (role == null || !caller.mayAssume(role)) {
            return error(notes, 403, "AccessDenied", "User: " + caller.arn()
                    + " is not authorized to perform: sts:AssumeRole on resource: " + roleArn);
        }
        Duration duration = Duration.ofSeconds(seconds);
        if (caller.isSession() && duration.compareTo(ROLE_CHAINING_LIMIT) > 0) {
            return error(notes, 400, "ValidationError",
                    "The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.");
        }
        if (duration.compareTo(role.maxSessionDuration()) > 0) {
            return error(notes, 400, "ValidationError",
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        FakePrincipal session = aws.newSession(role, sessionName, duration);
        return ok("AssumeRole", "<Credentials>"
                + "<AccessKeyId>" + session.accessKeyId() + "</AccessKeyId>"
                + "<SecretAccessKey>" + Escaping.xml(session.secretAccessKey()) + "</SecretAccessKey>"
                + "<SessionToken>" + Escaping.xml(session.sessionToken()) + "</SessionToken>"
                + "<Expiration>" + session.expiration().truncatedTo(ChronoUnit.SECONDS) + "</Expiration>"
                + "</Credentials>"
                + "<AssumedRoleUser><AssumedRoleId>" + Escaping.xml(session.userId()) + "</AssumedRoleId>"
                + "<Arn>" + Escaping.xml(session.arn()) + "</Arn></AssumedRoleUser>");
    }

    FakeReply ok(String action, String result) {
        return FakeReply.text(200, "text/xml", "<" + action + "Response xmlns=\"" + NS + "\">"
                + "<" + action + "Result>" + result + "</" + action + "Result>"
                + "<ResponseMetadata><RequestId>" + aws.newRequestId() + "</RequestId></ResponseMetadata>"
                + "</" + action + "Response>");
    }

    FakeReply validation(FakeCall.Notes notes, String value, String member, String constraint) {
        return error(notes, 400, "ValidationError", "1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + member
                + "' failed to satisfy constraint: " + constraint);
    }

    FakeReply error(FakeCall.Notes notes, int status, String code, String message) {
        notes.errorCode = code;
        return FakeReply.text(status, "text/xml", "<ErrorResponse xmlns=\"" + NS + "\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + Escaping.xml(message) + "</Message>"
                + "</Error><RequestId>" + aws.newRequestId() + "</RequestId></ErrorResponse>");
    }
}
