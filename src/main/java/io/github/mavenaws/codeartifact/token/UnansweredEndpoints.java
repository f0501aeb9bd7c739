package io.github.mavenaws.codeartifact.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The AWS endpoints that did not answer in time during this build: each costs a build its call timeout once, not
 * once per domain or retry, so later calls to the same client fail at once with the first failure.
 */
final class UnansweredEndpoints {
    private final Map<ClientKey, SdkException> unanswered = new ConcurrentHashMap<>();

    /**
     * Runs {@code call} against {@code client}'s endpoint unless it did not answer before.
     *
     * @throws SdkException the earlier timeout, or the call's own failure
     */
    <T> T call(ClientKey client, Supplier<T> call) {
        SdkException earlier = unanswered.get(client);
        if (earlier != null) {
            throw earlier;
        }
        try {
            return call.get();
        } catch (SdkException e) {
            if (AwsFailures.isTimeout(e)) {
                unanswered.putIfAbsent(client, e);
            }
            throw e;
        }
    }
}
