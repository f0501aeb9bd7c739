package io.github.mavenaws.codeartifact.token;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK exceptions into the one-line reasons of the "no token" message. */
final class AwsFailures {
    /** The SDK's "no credentials" message lists every provider; enough to act on, but not without bound. */
    private static final int MAX_REASON_LENGTH = 1200;

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
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return operation + " failed: " + message;
    }
}
