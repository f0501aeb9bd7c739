package io.github.mavenaws.codeartifact.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Accepts GetAuthorizationToken's answer only when it holds a token that can be used: a value, and an expiration that
 * is still ahead. A token AWS says has already expired is refused rather than fetched again: AWS computes the
 * expiration from its own clock, so a second answer would say the same, and the usual cause, this machine's clock
 * running ahead, is for the user to fix. Sending it would only earn a 401 that looks like a permissions problem.
 */
final class TokenAnswer {
    private TokenAnswer() {}

    /**
     * @param value the answer's authorizationToken, may be null
     * @param expiration the answer's expiration, may be null
     * @param source the provider, for the token and messages, not null
     * @param now this machine's time
     * @return the token
     * @throws TokenProviderException naming what is wrong with the answer, never quoting the token
     */
    static AuthorizationToken check(String value, Instant expiration, String source, Instant now)
            throws TokenProviderException {
        if (value == null || value.isEmpty()) {
            throw new TokenProviderException("GetAuthorizationToken answered without a token (an incomplete answer;"
                    + " a proxy on the way to AWS?). Build again; if it persists, check for a proxy");
        }
        if (expiration == null) {
            throw new TokenProviderException("GetAuthorizationToken answered without the token's expiration (an"
                    + " incomplete answer; a proxy on the way to AWS?). Build again; if it persists, check for a"
                    + " proxy");
        }
        if (!expiration.isAfter(now)) {
            throw new TokenProviderException("GetAuthorizationToken answered with a token that had already expired"
                    + " (at " + expiration + ", this machine's clock says " + now.truncatedTo(ChronoUnit.MILLIS)
                    + "), so it is not used. AWS sets"
                    + " the expiration, so this machine's clock is probably ahead: set it right (NTP, timedatectl)"
                    + " and build again");
        }
        return new AuthorizationToken(value, now, expiration, source);
    }
}
