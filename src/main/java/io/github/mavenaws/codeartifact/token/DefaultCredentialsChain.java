package io.github.mavenaws.codeartifact.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final List<AwsCredentialsProvider> providers;
    /** The provider that last gave credentials, asked first next time (the SDK's reuseLastProviderEnabled). */
    private volatile AwsCredentialsProvider last;

    DefaultCredentialsChain() {
        this.providers = Arrays.asList(
                SystemPropertyCredentialsProvider.create(),
                EnvironmentVariableCredentialsProvider.create(),
                WebIdentityTokenFileCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build(),
                ProfileCredentialsProvider.builder().build(),
                ContainerCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build(),
                InstanceProfileCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build());
    }

    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider reused = last;
        if (reused != null) {
            return reused.resolveCredentials();
        }
        List<String> reasons = new ArrayList<>();
        for (AwsCredentialsProvider provider : providers) {
            try {
                AwsCredentials credentials = provider.resolveCredentials();
                last = provider;
                return credentials;
            } catch (RuntimeException e) {
                String process = CredentialProcessFailure.describe(e);
                reasons.add(provider + ": " + (process != null ? process : e.getMessage()));
            }
        }
        throw SdkClientException.builder()
                .message("Unable to load credentials from any of the providers in the chain " + this + " : "
                        + reasons)
                .build();
    }

    @Override
    public void close() {
        for (AwsCredentialsProvider provider : providers) {
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
        return "DefaultCredentialsChain(" + providers.size() + " providers)";
    }
}
