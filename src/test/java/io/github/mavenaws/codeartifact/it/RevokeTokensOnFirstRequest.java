package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeCall;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes every token stop working in the middle of a build: revokes all tokens the first time, after
 * {@link #arm()}, that a repository request's path contains a marker. The fake records a call before it sends the
 * response, so the revocation takes effect before Maven can send its next request, with no race.
 */
final class RevokeTokensOnFirstRequest {

    private final String pathMarker;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile boolean fired;

    private RevokeTokensOnFirstRequest(String pathMarker) {
        this.pathMarker = pathMarker;
    }

    /** Listens to the fake for as long as it runs; disarmed until {@link #arm()}. */
    static RevokeTokensOnFirstRequest install(FakeAws aws, String pathMarker) {
        RevokeTokensOnFirstRequest trigger = new RevokeTokensOnFirstRequest(pathMarker);
        aws.onCall(call -> trigger.seen(aws, call));
        return trigger;
    }

    void arm() {
        fired = false;
        armed.set(true);
    }

    /** Whether it revoked since the last {@link #arm()}; disarms it, so a later run is left alone. */
    boolean disarm() {
        armed.set(false);
        return fired;
    }

    private void seen(FakeAws aws, FakeCall call) {
        if (call.service() == FakeCall.Service.REPOSITORY && call.path().contains(pathMarker)
                && armed.compareAndSet(true, false)) {
            aws.revokeAllTokens();
            fired = true;
        }
    }
}
