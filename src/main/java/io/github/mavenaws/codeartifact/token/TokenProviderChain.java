package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.config.Settings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The token sources in the order they are asked: first success wins. The chain only lists them; which one is asked
 * next, after a refusal, is the cache's decision.
 */
public final class TokenProviderChain implements AutoCloseable {
    private final List<TokenProvider> providers;
    private final AutoCloseable resources;

    /**
     * @param providers in the order to ask them, not null or empty
     * @param resources closed with the chain (SDK clients), not null
     */
    public TokenProviderChain(List<TokenProvider> providers, AutoCloseable resources) {
        Objects.requireNonNull(providers, "providers cannot be null");
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("providers cannot be empty");
        }
        this.providers = Collections.unmodifiableList(new ArrayList<>(providers));
        this.resources = Objects.requireNonNull(resources, "resources cannot be null");
    }

    /**
     * The product's chain for domains with these AWS settings: the two token variables, GetAuthorizationToken with
     * the profile's or the default credentials, then the configured role. With a disk store, the two AWS providers
     * share their tokens with the user's other Maven processes, keyed by the identity the settings name; the
     * variables' tokens are never written. The chain owns nothing: the clients and the store are the caller's.
     *
     * @param config the build's settings, not null
     * @param aws the AWS settings of the domains this chain serves, not null
     * @param clients the build's SDK clients, not null
     * @param store the disk cache, or null when it is off
     */
    public static TokenProviderChain create(
            ExtensionConfig config, AwsSettings aws, AwsClients clients, DiskTokenStore store) {
        TokenProvider direct = new GetAuthorizationTokenProvider(clients, aws);
        TokenProvider role = new AssumeRoleTokenProvider(clients, aws);
        if (store != null) {
            direct = diskCached(direct, aws.identity(), store);
            // Without a role the provider fails at once, with nothing to cache.
            if (aws.roleArn() != null) {
                role = diskCached(role, aws.roleIdentity(), store);
            }
        }
        return new TokenProviderChain(
                Arrays.asList(
                        environment(Settings.AUTH_TOKEN.variable(), config.envToken(), config),
                        environment(Settings.CODEARTIFACT_AUTH_TOKEN.variable(), config.codeartifactEnvToken(), config),
                        direct,
                        role),
                () -> {});
    }

    private static TokenProvider environment(String variable, String value, ExtensionConfig config) {
        return new EnvironmentTokenProvider(variable, value, config.isSetButBlank(variable));
    }

    private static TokenProvider diskCached(TokenProvider provider, AwsIdentity identity, DiskTokenStore store) {
        return new DiskCachedTokenProvider(
                provider, identity, store, Clock.systemUTC(), DiskCachedTokenProvider.REFRESH_WINDOW);
    }

    public int size() {
        return providers.size();
    }

    /** The provider at {@code index}, 0 being asked first. */
    public TokenProvider provider(int index) {
        return providers.get(index);
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }

    @Override
    public String toString() {
        return "TokenProviderChain" + providers;
    }
}
