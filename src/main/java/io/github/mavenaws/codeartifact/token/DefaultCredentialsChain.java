package io.github.mavenaws.codeartifact.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.auth.credentials.WebIdentityTokenFileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The SDK's default credentials chain, the same providers in the same order as {@code DefaultCredentialsProvider}
 * (2.40.2): system properties, environment, web identity, profile ({@code AWS_PROFILE} or default), container,
 * instance. Walked here rather than by the SDK's chain, which keeps only each provider's outermost message: for a
 * failing {@code credential_process} that is "Failed to refresh process-based credentials.", and the helper's
 * advice on stderr is lost. The failure keeps the SDK's message shape, so it reads as the SDK's would.
 */
final class DefaultCredentialsChain implements AwsCredentialsProvider, SdkAutoCloseable {
    /**
     * Each provider is built when the walk first reaches it: with keys in the environment, the second answers, and
     * the web identity, profile, container and instance providers (their classes, the profile files, the metadata
     * client's settings) are never built.
     */
    private static final List<Source> SOURCES = Collections.unmodifiableList(Arrays.asList(
            new Source("SystemPropertyCredentialsProvider", SystemPropertyCredentialsProvider::create),
            new Source("EnvironmentVariableCredentialsProvider", EnvironmentVariableCredentialsProvider::create),
            new Source("WebIdentityTokenFileCredentialsProvider", () -> WebIdentityTokenFileCredentialsProvider
                    .builder().asyncCredentialUpdateEnabled(false).build()),
            new Source("ProfileCredentialsProvider", () -> ProfileCredentialsProvider.builder().build()),
            new Source("ContainerCredentialsProvider", () -> ContainerCredentialsProvider.builder()
                    .asyncCredentialUpdateEnabled(false).build()),
            new Source("InstanceProfileCredentialsProvider", () -> InstanceProfileCredentialsProvider.builder()
                    .asyncCredentialUpdateEnabled(false).build())));

    /** The providers built so far, by their place in the chain; built ones are kept, as the SDK's chain keeps all. */
    private final AwsCredentialsProvider[] built = new AwsCredentialsProvider[SOURCES.size()];
    /** The provider that last gave credentials, asked first next time (the SDK's reuseLastProviderEnabled). */
    private volatile AwsCredentialsProvider last;
    /** Set by close: nothing is built after it, so nothing built escapes closing. */
    private boolean closed;

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider reused = last;
        if (reused != null) {
            return reused.resolveCredentials();
        }
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < SOURCES.size(); i++) {
            AwsCredentialsProvider provider = null;
            try {
                // built inside the try: a provider that cannot even be built is one more reason, as a refusal is
                provider = provider(i);
                AwsCredentials credentials = provider.resolveCredentials();
                last = provider;
                return credentials;
            } catch (RuntimeException e) {
                String process = CredentialProcessFailure.describe(e);
                reasons.add((provider == null ? SOURCES.get(i).name : provider) + ": "
                        + (process != null ? process : e.getMessage()));
            }
        }
        throw SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain " + this + " : "
                        + reasons)
                .build();
    }

    /** The chain's {@code index}th provider, built on first use. */
    private synchronized AwsCredentialsProvider provider(int index) {
        if (closed) {
            throw new IllegalStateException("AWS clients are closed");
        }
        if (built[index] == null) {
            built[index] = SOURCES.get(index).build.get();
        }
        return built[index];
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (AwsCredentialsProvider provider : built) {
            if (provider instanceof AutoCloseable) {
                try {
                    ((AutoCloseable) provider).close();
                } catch (Exception ignored) {
                    // best effort, as the build is over
                }
            }
        }
    }

    @Override
    public String toString() {
        return "DefaultCredentialsChain(" + SOURCES.size() + " providers)";
    }

    /** One provider of the chain: its name, for a reason when it cannot even be built, and how to build it. */
    private static final class Source {
        final String name;
        final Supplier<AwsCredentialsProvider> build;

        Source(String name, Supplier<AwsCredentialsProvider> build) {
            this.name = name;
            this.build = build;
        }
    }
}
