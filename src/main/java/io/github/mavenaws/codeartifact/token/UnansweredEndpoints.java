package io.github.mavenaws.codeartifact.token;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The AWS endpoints that did not answer in time during this build: each costs a build its call timeout once, not
 * once per domain or retry, so later calls to the same client fail at once with the first failure. Kept per step of
 * a fetch (credentials, STS, CodeArtifact), service and region: an STS that does not answer on the role path never
 * marks CodeArtifact itself as unanswered for the build's other domains.
 */
final class UnansweredEndpoints {
    private final Map<ClientKey, SdkException> unanswered = new ConcurrentHashMap<>();

    /** Remembers {@code client}'s endpoint as not answering, with {@code failure} for later calls. */
    void remember(ClientKey client, SdkException failure) {
        unanswered.putIfAbsent(client, failure);
    }

    /** @throws SdkException the earlier timeout of {@code client}'s endpoint, if it did not answer before */
    void failIfUnanswered(ClientKey client) {
        SdkException earlier = unanswered.get(client);
        if (earlier != null) {
            throw earlier;
        }
    }

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
