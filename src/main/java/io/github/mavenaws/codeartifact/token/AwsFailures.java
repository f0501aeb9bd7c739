package io.github.mavenaws.codeartifact.token;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into the one-line reasons of the "no token" message. */
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

    static String reason(String operation, SdkException e) {
        return reason(operation, e, null);
    }

    /**
     * @param profile the profile the extension's settings chose for the credentials, or null for the SDK's default
     *     chain: a failure of that profile's SSO login is told as such
     */
    static String reason(String operation, SdkException e, String profile) {
        if (e instanceof AwsServiceException) {
            AwsServiceException service = (AwsServiceException) e;
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details == null ? null : details.errorCode();
            String message = details == null ? null : details.errorMessage();
            return operation + " refused: HTTP " + service.statusCode()
                    + (code == null ? "" : " " + code)
                    + (message == null ? "" : ": " + message);
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
}
