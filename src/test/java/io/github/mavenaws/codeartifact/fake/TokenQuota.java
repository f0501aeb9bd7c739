package io.github.mavenaws.codeartifact.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * CodeArtifact's request quota on GetAuthorizationToken (40 calls per second per account and region on AWS): beyond
 * the set number of calls in any one-second window of a region, a call is answered 429 ThrottlingException with
 * {@code Retry-After} instead of a token. Off until {@link FakeAws#tokenQuota} sets it; a refused call uses none of
 * the quota.
 */
final class TokenQuota {
    private static final long WINDOW_NANOS = 1_000_000_000L;

    private final Map<String, Deque<Long>> calls = new HashMap<>();
    private int perSecond;

    /** @param perSecond calls allowed per second and region; 0 for no quota */
    synchronized void set(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("perSecond must be 0 or more: " + perSecond);
        }
        this.perSecond = perSecond;
        calls.clear();
    }

    /**
     * Counts a call in {@code region}.
     *
     * @return whether it is within the quota
     */
    synchronized boolean admit(String region) {
        if (perSecond == 0) {
            return true;
        }
        long now = System.nanoTime();
        Deque<Long> window = calls.computeIfAbsent(region, r -> new ArrayDeque<>());
        while (!window.isEmpty() && now - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        boolean admitted = window.size() < perSecond;
        if (admitted) {
            window.addLast(now);
        }
        return admitted;
    }
}
