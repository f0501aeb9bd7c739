package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.ConfigKeys;
import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
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
    /** Shows up in CloudTrail as the assumed role's session: whoever reads the trail knows what assumed the role. */
    static final String ROLE_SESSION_NAME = "maven-aws-extension";

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
     * The product's chain: the two token variables, the default AWS credentials, then the configured role. When the
     * disk cache is on, the two AWS providers share their tokens with the user's other Maven processes; the
     * variables' tokens are never written.
     *
     * @param config the build's settings, not null
     */
    public static TokenProviderChain create(ExtensionConfig config) {
        AwsClients clients = new AwsClients();
        TokenProvider direct = new GetAuthorizationTokenProvider(clients, null);
        TokenProvider role =
                new AssumeRoleTokenProvider(clients, config.roleArn(), config.roleSetting(), ROLE_SESSION_NAME, null);
        if (config.cache()) {
            DiskTokenStore store = new DiskTokenStore(config.cacheDir(), DiskTokenStore.DEFAULT_LOCK_TIMEOUT);
            AwsIdentity identity = config.awsIdentity();
            direct = diskCached(direct, identity, store);
            // Without a role the provider fails at once, with nothing to cache.
            if (config.roleArn() != null) {
                role = diskCached(role, identity.assuming(config.roleArn()), store);
            }
        }
        return new TokenProviderChain(
                Arrays.asList(
                        environment(ConfigKeys.ENV_AUTH_TOKEN, config.envToken(), config),
                        environment(ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN, config.codeartifactEnvToken(), config),
                        direct,
                        role),
                clients);
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
