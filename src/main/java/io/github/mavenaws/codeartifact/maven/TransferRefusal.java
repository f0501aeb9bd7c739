package io.github.mavenaws.codeartifact.maven;

import java.lang.reflect.Method;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises a transfer the repository refused with 401 or 403, as each Maven transport reports it. None of the
 * exception types is visible to extensions on every Maven, so they are matched by name and by reflection.
 */
final class TransferRefusal {
    /** Wagon (Maven 3.8) throws this for 401 and 403. */
    private static final String WAGON_AUTHORIZATION = "org.apache.maven.wagon.authorization.AuthorizationException";

    /** The JDK HTTP client (resolver 2's default transport) gives up on repeated 401s with a bare IOException. */
    private static final String JDK_TOO_MANY_AUTH = "too many authentication attempts";

    /**
     * Wagon reports other status codes only in text, e.g. "Return code is: 401, ReasonPhrase: Unauthorized", and its
     * AuthorizationException's as "authorization failed for <url>, status: 403 Forbidden".
     */
    private static final Pattern STATUS_IN_TEXT =
            Pattern.compile("(?i).*\\b(return code is|status code|status)[: ]+(401|403)\\b.*", Pattern.DOTALL);

    private TransferRefusal() {}

    /** Whether {@code failure}, or anything in its cause chain, is a 401/403 answer. */
    static boolean isRefusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (WAGON_AUTHORIZATION.equals(t.getClass().getName())) {
                return true;
            }
            int status = statusCode(t);
            if (status == 401 || status == 403) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains(JDK_TOO_MANY_AUTH) || STATUS_IN_TEXT.matcher(message).matches())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The refusal as a message can name it: {@code HTTP 403} when the transport tells the status, else
     * {@code HTTP 401/403}.
     *
     * @param failure a failure {@link #isRefusal} recognises, or null
     */
    static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            int status = statusCode(t);
            if (status == 401 || status == 403) {
                return "HTTP " + status;
            }
            String message = t.getMessage();
            if (message != null) {
                Matcher m = STATUS_IN_TEXT.matcher(message);
                if (m.matches()) {
                    return "HTTP " + m.group(2);
                }
            }
        }
        return "HTTP 401/403";
    }

    /**
     * {@code getStatusCode()} of Apache HttpClient's HttpResponseException (Maven 3.9) and resolver 2's
     * HttpTransporterException (Maven 3.10, 4.0), or -1.
     */
    private static int statusCode(Throwable t) {
        try {
            Method method = t.getClass().getMethod("getStatusCode");
            Object status = method.invoke(t);
            return status instanceof Integer ? (Integer) status : -1;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return -1;
        }
    }
}
