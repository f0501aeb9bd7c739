package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.codeartifact.model.AccessDeniedException;
import software.amazon.awssdk.services.codeartifact.model.ThrottlingException;

class ThrottledCallsTest {

    /** What the SDK throws after its 4 tries at a throttled CodeArtifact. */
    private static ThrottlingException throttled(String retryAfter) {
        SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(429);
        if (retryAfter != null) {
            response.putHeader("Retry-After", retryAfter);
        }
        return (ThrottlingException) ThrottlingException.builder().statusCode(429).numAttempts(4)
                .message("Rate exceeded")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException")
                        .sdkHttpResponse(response.build()).build())
                .build();
    }

    /** No jitter: each pause is the answer's Retry-After alone. */
    private static final Random NO_JITTER = new Random() {
        @Override
        public double nextDouble() {
            return 0;
        }
    };

    @Test
    void aCallStillThrottledAfterTheSdksRetriesIsMadeAgainAfterRetryAfter() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> starts = new ArrayList<>();
        long begin = System.nanoTime();

        String answer = new ThrottledCalls(NO_JITTER).call(() -> {
            starts.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
            if (calls.incrementAndGet() <= 2) {
                throw throttled("1");
            }
            return "token";
        }, FetchDeadline.start());

        assertEquals("token", answer);
        assertEquals(3, calls.get());
        // Retry-After: 1 honoured before each new round
        assertTrue(starts.get(1) - starts.get(0) >= 1000, starts.toString());
        assertTrue(starts.get(2) - starts.get(1) >= 1000, starts.toString());
    }

    @Test
    void throttlingStopsWhileTheDeadlineLeavesNoRoomForAnotherCall() {
        AtomicInteger calls = new AtomicInteger();
        long begin = System.nanoTime();
        // room for the first call and one pause of 1 s, not for a second pause
        FetchDeadline deadline = FetchDeadline.after(ThrottledCalls.ROOM_FOR_A_CALL.plusMillis(1900).toNanos());

        ThrottlingException e = assertThrows(ThrottlingException.class, () -> new ThrottledCalls(NO_JITTER).call(() -> {
            calls.incrementAndGet();
            throw throttled("1");
        }, deadline));

        assertEquals(2, calls.get());
        assertEquals(Integer.valueOf(8), e.numAttempts(), "the attempts of both rounds");
        assertTrue(!deadline.passed(), "gave up before the deadline");
        assertTrue(System.nanoTime() - begin < Duration.ofSeconds(3).toNanos());
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        AccessDeniedException denied = (AccessDeniedException) AccessDeniedException.builder().statusCode(403)
                .message("denied").build();

        assertThrows(AccessDeniedException.class, () -> new ThrottledCalls(new Random()).call(() -> {
            calls.incrementAndGet();
            throw denied;
        }, FetchDeadline.start()));
        assertEquals(1, calls.get());
    }

    @Test
    void pausesHonourRetryAfterAndSpreadWithinADoublingCap() {
        ThrottledCalls calls = new ThrottledCalls(new Random(42));
        for (int round = 0; round < 8; round++) {
            long cap = Math.min(8000, 1000L << round);
            for (int i = 0; i < 50; i++) {
                long pause = calls.pauseMillis(throttled("2"), round);
                assertTrue(pause >= 2000 && pause <= 2000 + cap, round + ": " + pause);
            }
        }
        assertEquals(0, ThrottledCalls.retryAfterMillis(throttled(null)));
        assertEquals(0, ThrottledCalls.retryAfterMillis(throttled("Wed, 21 Oct 2015 07:28:00 GMT")));
        assertEquals(3000, ThrottledCalls.retryAfterMillis(throttled("3")));
    }
}
