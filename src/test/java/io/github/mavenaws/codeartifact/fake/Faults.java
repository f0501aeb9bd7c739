package io.github.mavenaws.codeartifact.fake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What a domain's GetAuthorizationToken answers instead of a token: AWS's bad days, played over the real wire so
 * the SDK inside Maven meets them as it would meet AWS. A fault replaces only an answer that would have issued a
 * token (the call is signed right, the caller allowed): calls that fail anyway keep their own error, and a scenario
 * counts exactly the calls it means. Faults queued with {@link #next} are used up first, then {@link #always} applies
 * to every call until {@link #clear}.
 */
public final class Faults {

    /** Ways GetAuthorizationToken can go wrong. */
    public enum Fault {
        /** 429 ThrottlingException with {@code Retry-After: 1}, as when the account exceeds its request rate. */
        THROTTLING,
        /** 500 InternalServerException. */
        INTERNAL_ERROR,
        /** 200 with a body cut in the middle (after the token's value): JSON no parser accepts. */
        MALFORMED_JSON,
        /** 200 with a well-formed answer whose token expired an hour ago. */
        PAST_EXPIRATION,
        /** The request is read and never answered: the connection stays open until {@link #clear}. */
        NO_ANSWER
    }

    private final Deque<Fault> queued = new ArrayDeque<>();
    private Fault always;
    private CountDownLatch release = new CountDownLatch(1);

    Faults() {
    }

    /** The next {@code times} calls meet {@code fault}, after those queued before. */
    public synchronized Faults next(Fault fault, int times) {
        for (int i = 0; i < times; i++) {
            queued.add(fault);
        }
        return this;
    }

    /** Every call meets {@code fault} once the queued faults are used up, until {@link #clear}. */
    public synchronized Faults always(Fault fault) {
        this.always = fault;
        return this;
    }

    /** No more faults; requests held by {@link Fault#NO_ANSWER} are let go, their connections closed unanswered. */
    public synchronized Faults clear() {
        queued.clear();
        always = null;
        release.countDown();
        release = new CountDownLatch(1);
        return this;
    }

    /** The fault this call meets, or null for a normal answer. */
    synchronized Fault take() {
        Fault next = queued.poll();
        return next != null ? next : always;
    }

    /** Holds a {@link Fault#NO_ANSWER} request until {@link #clear} or the fake closes (which interrupts it). */
    void holdUnanswered() {
        CountDownLatch latch;
        synchronized (this) {
            latch = release;
        }
        try {
            // bounded all the same: a forgotten clear must not pin a server thread forever
            latch.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized String toString() {
        return "Faults[next=" + queued + ", always=" + always + "]";
    }
}
