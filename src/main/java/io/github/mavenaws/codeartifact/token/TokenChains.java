package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.config.Settings;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The token chain of each domain. Domains with per-domain settings (another role or profile, for builds that span
 * accounts) get a chain of their own, whose AWS calls and disk cache entries use those settings; domains with equal
 * settings share one. All chains share the build's SDK clients, closed with this object.
 */
public final class TokenChains implements AutoCloseable {
    /** Picks the chain of a domain. */
    public interface Selector {
        /** @param key the domain, not null; returns its chain, never null */
        TokenProviderChain chainFor(DomainKey key);
    }

    private final Selector selector;
    private final Runnable close;

    /**
     * @param selector the chain of each domain, not null
     * @param close releases what the chains share (the SDK clients), run once by {@link #close()}, not null
     */
    public TokenChains(Selector selector, Runnable close) {
        this.selector = Objects.requireNonNull(selector, "selector cannot be null");
        this.close = Objects.requireNonNull(close, "close cannot be null");
    }

    /**
     * The product's chains: for each domain's AWS settings, the two token variables, GetAuthorizationToken with the
     * profile's or the default credentials, then the configured role; the two AWS sources kept by {@code cache},
     * keyed by the identity the settings name. The SDK clients are built when a chain first calls AWS.
     *
     * @param config the build's settings, not null
     * @param cache keeps the AWS sources' tokens beyond the build, not null ({@link TokenProviderCache#NONE})
     */
    public static TokenChains create(ExtensionConfig config, TokenProviderCache cache) {
        return create(config, cache, AwsProxies.fromEnvironment(System.getenv(), System.getProperties()));
    }

    /**
     * As {@link #create(ExtensionConfig, TokenProviderCache)}, the AWS calls through {@code proxies}.
     *
     * @param proxies the proxy of each AWS host (Maven's, else the environment's), not null
     */
    public static TokenChains create(ExtensionConfig config, TokenProviderCache cache, AwsProxies proxies) {
        Objects.requireNonNull(config, "config cannot be null");
        Objects.requireNonNull(cache, "cache cannot be null");
        AwsClients clients = new AwsClients(Clock.systemUTC(), proxies);
        Map<AwsSettings, TokenProviderChain> chains = new HashMap<>();
        Selector selector = key -> {
            synchronized (chains) {
                return chains.computeIfAbsent(config.aws(key), aws -> chain(config, aws, clients, cache));
            }
        };
        return new TokenChains(selector, clients::close);
    }

    private static TokenProviderChain chain(
            ExtensionConfig config, AwsSettings aws, AwsClients clients, TokenProviderCache cache) {
        TokenProvider role = new AssumeRoleTokenProvider(clients, aws);
        // sources whose settings do not name the principal (container, instance role, credential_process) are told
        // apart by the access key id their credentials resolve to
        Supplier<String> accessKeyId = () -> clients.accessKeyId(aws.profile());
        return new TokenProviderChain(Arrays.asList(
                environment(Settings.AUTH_TOKEN.variable(), config.envToken(), config),
                environment(Settings.CODEARTIFACT_AUTH_TOKEN.variable(), config.codeartifactEnvToken(), config),
                cache.cached(new GetAuthorizationTokenProvider(clients, aws), aws.identity().resolvedWith(accessKeyId)),
                // without a role the provider fails at once, with nothing to keep
                aws.roleArn() == null ? role : cache.cached(role, aws.roleIdentity().resolvedWith(accessKeyId))));
    }

    private static TokenProvider environment(String variable, String value, ExtensionConfig config) {
        return new EnvironmentTokenProvider(variable, value, config.isSetButBlank(variable));
    }

    /**
     * The chain for the domain.
     *
     * @param key the domain, not null
     */
    public TokenProviderChain forDomain(DomainKey key) {
        return selector.chainFor(Objects.requireNonNull(key, "key cannot be null"));
    }

    @Override
    public void close() {
        close.run();
    }
}
