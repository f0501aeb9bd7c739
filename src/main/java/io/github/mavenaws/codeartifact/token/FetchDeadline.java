package io.github.mavenaws.codeartifact.token;

import java.util.concurrent.TimeUnit;

/**
 * The one time bound on getting a token, started when the build needs it: resolving the AWS credentials
 * ({@code credential_process}, container and instance endpoints, SSO, web identity), AssumeRole and
 * GetAuthorizationToken, and any wait for another thread or process fetching the same token, all fit in it. A
 * fetch that is still running at the deadline is abandoned and its step named in the failure.
 */
public final class FetchDeadline {
    /**
     * Long enough for the slowest healthy path (a credential helper that opens a browser-less SSO refresh, then
     * AssumeRole and GetAuthorizationToken, each answered in well under a second, or one AWS call that needs its
     * retries), short enough that a stuck helper or network fails a build in about a minute rather than never.
     */
    public static final long TIMEOUT_SECONDS = 60;

    private final long start;
    private final long end;

    private FetchDeadline(long start, long timeoutNanos) {
        this.start = start;
        this.end = start + timeoutNanos;
    }

    /** A deadline {@link #TIMEOUT_SECONDS} from now. */
    public static FetchDeadline start() {
        return new FetchDeadline(System.nanoTime(), TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS));
    }

    /** A deadline {@code timeoutNanos} from now. */
    public static FetchDeadline after(long timeoutNanos) {
        return new FetchDeadline(System.nanoTime(), timeoutNanos);
    }

    /** Nanoseconds left, zero once the deadline has passed. */
    public long remainingNanos() {
        return Math.max(0, end - System.nanoTime());
    }

    /** Whether the deadline has passed. */
    public boolean passed() {
        return remainingNanos() == 0;
    }

    /** The whole bound in seconds, rounded up, for messages. */
    public long timeoutSeconds() {
        return (TimeUnit.NANOSECONDS.toMillis(end - start) + 999) / 1000;
    }

    /** "did not finish within 60 s", the words every deadline failure uses. */
    public String missed() {
        return "did not finish within " + timeoutSeconds() + " s, the time the extension gives getting a token";
    }

    @Override
    public String toString() {
        return "FetchDeadline[" + TimeUnit.NANOSECONDS.toMillis(remainingNanos()) + " ms left]";
    }
}
