package io.github.mavenaws.codeartifact.token;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An AWS call made again while AWS throttles it, within the fetch's deadline. CodeArtifact allows 40
 * GetAuthorizationToken calls per second per account and region: a fleet of CI jobs that start together exceeds it,
 * and the SDK's own retries (4 tries over a few seconds, each pause at least the answer's {@code Retry-After}) do not
 * drain a burst of hundreds. A call still throttled after them is made again after its {@code Retry-After} plus a
 * random share of a pause that doubles from {@link #FIRST_PAUSE} to {@link #LONGEST_PAUSE} ("full jitter": the
 * fleet spreads out instead of retrying in step), as long as the deadline leaves {@link #ROOM_FOR_A_CALL} after the
 * pause; then the throttling is the failure, with every attempt counted. Other failures are not retried here.
 */
final class ThrottledCalls {
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(8);
    /** One call with the SDK's retries, when throttled: its 4 tries and their pauses. */
    static final Duration ROOM_FOR_A_CALL = Duration.ofSeconds(10);

    private final Random random;

    /** @param random the jitter's source, not null */
    ThrottledCalls(Random random) {
        this.random = Objects.requireNonNull(random, "random cannot be null");
    }

    /**
     * @param call the AWS call, with the SDK's own retries, not null
     * @param deadline the fetch's deadline, not null
     * @return the call's answer
     * @throws AwsServiceException the last throttling, its attempts those of every round, or another failure
     */
    <T> T call(Supplier<T> call, FetchDeadline deadline) {
        Objects.requireNonNull(call, "call cannot be null");
        Objects.requireNonNull(deadline, "deadline cannot be null");
        int attempts = 0;
        for (int round = 0; ; round++) {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (!e.isThrottlingException()) {
                    throw e;
                }
                attempts += e.numAttempts() == null ? 1 : e.numAttempts();
                long pause = pauseMillis(e, round);
                if (deadline.remainingNanos() < TimeUnit.MILLISECONDS.toNanos(pause) + ROOM_FOR_A_CALL.toNanos()) {
                    throw (AwsServiceException) e.toBuilder().numAttempts(attempts).build();
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    // given up on at the deadline: the throttling is what happened
                    Thread.currentThread().interrupt();
                    throw (AwsServiceException) e.toBuilder().numAttempts(attempts).build();
                }
            }
        }
    }

    /** The answer's Retry-After, at least, plus a random share of this round's pause. */
    long pauseMillis(AwsServiceException e, int round) {
        long cap = Math.min(LONGEST_PAUSE.toMillis(), FIRST_PAUSE.toMillis() << Math.min(round, 10));
        return retryAfterMillis(e) + (long) (random.nextDouble() * cap);
    }

    /** {@code Retry-After} in seconds, as CodeArtifact and the SDK read it; 0 when absent or not a number. */
    static long retryAfterMillis(AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        if (details == null || details.sdkHttpResponse() == null) {
            return 0;
        }
        String value = details.sdkHttpResponse().firstMatchingHeader("Retry-After").orElse(null);
        try {
            return value == null ? 0 : Math.max(0, TimeUnit.SECONDS.toMillis(Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            // an HTTP date: the SDK's own retries ignore it too
            return 0;
        }
    }
}
