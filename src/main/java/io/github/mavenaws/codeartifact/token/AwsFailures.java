package io.github.mavenaws.codeartifact.token;

import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into the one-line reasons of the "no token" message: what AWS answered, and for the faults a
 * user can act on (throttling, AWS's own errors, expired credentials, no answer, an unreadable answer) what to do.
 */
final class AwsFailures {
    /** The SDK's "no credentials" message lists every provider; enough to act on, but not without bound. */
    private static final int MAX_REASON_LENGTH = 2000;

    /**
     * The default chain's failure: "Unable to load credentials from any of the providers in the chain
     * AwsCredentialsProviderChain(...) : [Provider(): reason, Provider(): reason]". The reasons are what a user needs.
     */
    private static final Pattern NO_CREDENTIALS =
            Pattern.compile("Unable to load credentials from any of the providers in the chain .*? : \\[(.*)\\]",
                    Pattern.DOTALL);

    /** Splits the reasons before each "SomethingCredentialsProvider(" or "SomethingProvider(". */
    private static final Pattern NEXT_PROVIDER = Pattern.compile(", (?=[A-Z][A-Za-z]*Provider\\()");

    /** The URL connection client's socket timeouts: "Read timed out", "connect timed out". */
    private static final Pattern TIMED_OUT = Pattern.compile("(?i).*\\btimed out\\b.*", Pattern.DOTALL);

    /** CodeArtifact's and STS's codes for credentials past their end. */
    private static final Set<String> EXPIRED_CREDENTIALS =
            new HashSet<>(Arrays.asList("ExpiredTokenException", "ExpiredToken"));

    private AwsFailures() {}

    /** The first {@code type} in the cause chain of {@code e}, or null. */
    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** Whether AWS refused the request because the credentials that signed it have expired. */
    static boolean isExpiredCredentials(Throwable e) {
        AwsServiceException service = find(e, AwsServiceException.class);
        AwsErrorDetails details = service == null ? null : service.awsErrorDetails();
        return details != null && EXPIRED_CREDENTIALS.contains(details.errorCode());
    }

    /** Whether the endpoint did not answer in time: a connection, read, attempt or whole-call timeout. */
    static boolean isTimeout(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ApiCallTimeoutException || t instanceof ApiCallAttemptTimeoutException
                    || t instanceof SocketTimeoutException
                    || t.getMessage() != null && TIMED_OUT.matcher(t.getMessage()).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the SDK could not read AWS's answer: a body that is not the JSON or XML the protocol promises (a
     * proxy's error page, a response cut short). The SDK's message may quote the body, which may hold a token.
     */
    static boolean isUnreadableAnswer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (name.contains(".jackson.") || name.contains("XMLStream")
                    || message.startsWith("Unable to unmarshall") || message.startsWith("Unable to parse")) {
                return true;
            }
        }
        return false;
    }

    static String reason(String operation, RuntimeException e) {
        return reason(operation, e, null);
    }

    /**
     * A failure the SDK signals with no {@link SdkException}, as an explicit profile's {@code credential_process}
     * or a missing SDK module does ({@code IllegalStateException}): the credential helper's exit code and stderr, or
     * the failure's type and message. Never a stack trace; the cause is kept for {@code -X}.
     */
    static String unexpected(RuntimeException e) {
        String process = CredentialProcessFailure.describe(e);
        if (process != null) {
            return process;
        }
        String message = e.getMessage();
        if (message != null && message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /**
     * @param profile the profile the extension's settings chose for the credentials, or null for the SDK's default
     *     chain: a failure of that profile's SSO login is told as such
     */
    static String reason(String operation, RuntimeException failure, String profile) {
        if (!(failure instanceof SdkException)) {
            String message = unexpected(failure);
            String sso = SsoLoginHint.forProfile(profile, String.valueOf(failure.getMessage()));
            return operation + " failed: " + (sso != null ? sso + "\n       The AWS SDK said: " + message : message);
        }
        SdkException e = (SdkException) failure;
        if (e instanceof AwsServiceException) {
            return serviceReason(operation, (AwsServiceException) e);
        }
        if (isTimeout(e)) {
            return operation + " failed: AWS did not answer in time (" + AwsClients.ATTEMPT_TIMEOUT.getSeconds()
                    + " s a try, " + AwsClients.CALL_TIMEOUT.getSeconds() + " s in all" + attempts(e, "; ")
                    + "). Check the network between this machine and AWS: a proxy or firewall, a VPC endpoint, an"
                    + " AWS_ENDPOINT_URL* setting; the build does not ask that endpoint again";
        }
        if (isUnreadableAnswer(e)) {
            // never the SDK's own message: a parser's message may quote the body, and the body may hold a token
            return operation + " failed: AWS's answer could not be read (not the JSON or XML AWS sends; a proxy"
                    + " between this machine and AWS, or an answer cut short). Build again; if it persists, check"
                    + " for a proxy on the way to AWS";
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher noCredentials = NO_CREDENTIALS.matcher(message);
        if (noCredentials.matches()) {
            List<String> reasons = Arrays.asList(NEXT_PROVIDER.split(noCredentials.group(1)));
            String ssoLogin = SsoLoginHint.find(reasons);
            message = (ssoLogin != null ? ssoLogin + "\n       No other AWS credentials found either"
                            : "no AWS credentials found")
                    + "; the SDK's default chain tried:\n       - " + String.join("\n       - ", reasons);
        } else if (SsoLoginHint.forProfile(profile, message) != null) {
            message = SsoLoginHint.forProfile(profile, message) + "\n       The AWS SDK said: " + message;
        }
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return operation + " failed: " + message;
    }

    /** What AWS answered: "HTTP 403 AccessDeniedException: User: ... is not authorized ...". */
    static String answer(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        return "HTTP " + e.statusCode() + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message);
    }

    private static String serviceReason(String operation, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String answer = answer(e);
        if (e.isThrottlingException()) {
            return operation + " was throttled by AWS (" + answer + attempts(e, "; still so after ")
                    + "): the account makes more AWS requests than its quota allows. Build again in a"
                    + " minute; if it keeps happening, look for jobs that call AWS in a loop, or ask AWS for a higher"
                    + " quota";
        }
        if (e.statusCode() >= 500) {
            return operation + " failed on AWS's side (" + answer + attempts(e, "; still so after ")
                    + "). Build again in a few minutes; if it keeps failing, see the AWS Health Dashboard";
        }
        if (code != null && EXPIRED_CREDENTIALS.contains(code)) {
            return operation + " refused: " + answer + ". The AWS credentials have expired: renew them (aws sso"
                    + " login, a fresh AWS_SESSION_TOKEN, your CI's credentials step) and check this machine's clock";
        }
        return operation + " refused: " + answer;
    }

    /** {@code prefix + "4 attempts"} when the SDK made more than one, else nothing. */
    private static String attempts(SdkException e, String prefix) {
        Integer attempts = e.numAttempts();
        return attempts == null || attempts <= 1 ? "" : prefix + String.format(Locale.ROOT, "%d attempts", attempts);
    }
}
