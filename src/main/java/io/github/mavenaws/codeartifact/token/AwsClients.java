package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenRequest;
import software.amazon.awssdk.services.codeartifact.model.GetAuthorizationTokenResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Owns every AWS SDK object of a build: one HTTP client, one client per service, region and profile, one credentials
 * provider per identity. Nothing is built until the first call, so builds that need no token never load the SDK's
 * clients, and everything is closed once at the end of the build, the SDK's log levels put back as found.
 */
public final class AwsClients implements AutoCloseable {
    /*
     * Bounds on every AWS call: a build must fail with a message, never hang on an unresponsive endpoint. The calls
     * are tiny (GetAuthorizationToken and AssumeRole answer in well under a second), so a try that takes 10 s will
     * not succeed by waiting longer. The SDK's default (legacy) retry policy makes up to 4 tries; the call limit cuts
     * that to 25 s, 3 tries, when the endpoint accepts connections and never answers. With the build's own start,
     * that fails a build in about 30 s; see the README's troubleshooting section.
     */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(25);

    private static final String CODEARTIFACT = "codeartifact";
    private static final String STS = "sts";

    private final Map<ClientKey, CodeartifactClient> codeartifactClients = new HashMap<>();
    private final Map<ClientKey, StsClient> stsClients = new HashMap<>();
    private final Map<ClientKey, AwsCredentialsProvider> credentials = new HashMap<>();
    private final Map<ClientKey, StsAssumeRoleCredentialsProvider> roles = new HashMap<>();
    /** Everything built, in creation order, for closing in reverse. */
    private final List<SdkAutoCloseable> closeables = new ArrayList<>();
    private final UnansweredEndpoints unanswered = new UnansweredEndpoints();
    /** The time a token's expiration is checked against (TokenAnswer). */
    private final Clock clock;
    private final SdkLogLevels logLevels;
    private SdkHttpClient httpClient;
    private boolean closed;

    /** @param clock this machine's time, which AWS's answers are checked against, not null */
    public AwsClients(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        // before any SDK class initialises: its loggers read their level when they are created
        this.logLevels = SdkLogLevels.quiet();
    }

    /**
     * Calls codeartifact:GetAuthorizationToken in the domain's region.
     *
     * @param key the domain, not null
     * @param profile the profile whose configuration the client reads, or null for the SDK's default profile
     * @param credentials the identity to call with, not null
     * @param durationSeconds requested token lifetime, or null for the service default (12 hours)
     * @param source how the identity was found, for messages, not null
     * @throws SdkException when AWS refuses, fails or does not answer
     * @throws TokenProviderException when AWS's answer holds no usable token
     */
    AuthorizationToken getAuthorizationToken(DomainKey key, String profile, AwsCredentialsProvider credentials,
            Long durationSeconds, String source) throws TokenProviderException {
        GetAuthorizationTokenRequest request = GetAuthorizationTokenRequest.builder()
                .domain(key.domain())
                .domainOwner(key.owner())
                .durationSeconds(durationSeconds)
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .credentialsProvider(credentials)
                        .build())
                .build();
        ClientKey client = ClientKey.client(CODEARTIFACT, key.region(), profile);
        GetAuthorizationTokenResponse response = unanswered.call(client,
                () -> withExtensionClassLoader(() -> codeartifact(client).getAuthorizationToken(request)));
        return TokenAnswer.check(response.authorizationToken(), response.expiration(), source, clock.instant());
    }

    /**
     * Calls sts:GetCallerIdentity (which needs no permission) in {@code region} with the credentials of
     * {@code profile}, or of the SDK's default chain when null: who those credentials are.
     *
     * @throws SdkException when AWS refuses, fails or does not answer
     */
    GetCallerIdentityResponse callerIdentity(String profile, String region) {
        return withExtensionClassLoader(() -> sts(ClientKey.client(STS, region, profile)).getCallerIdentity());
    }

    /**
     * The credentials of a profile, as {@code aws --profile} finds them (static keys, {@code role_arn}, SSO,
     * {@code credential_process}), or the SDK's default chain (environment, system properties, web identity,
     * profiles, container, IMDS) when {@code profile} is null.
     */
    AwsCredentialsProvider credentials(String profile) {
        return cached(credentials, ClientKey.credentials(profile), () -> profile == null
                ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.builder().profileName(profile).build());
    }

    /**
     * Credentials of {@code roleArn}, assumed with the credentials of {@code profile} (null: the default chain)
     * through the regional STS endpoint, and renewed by the SDK.
     */
    AwsCredentialsProvider assumedRole(String profile, String roleArn, String region, String sessionName) {
        return cached(roles, ClientKey.role(profile, roleArn, region, sessionName),
                () -> StsAssumeRoleCredentialsProvider.builder()
                        .stsClient(sts(ClientKey.client(STS, region, profile)))
                        .refreshRequest(AssumeRoleRequest.builder()
                                .roleArn(roleArn)
                                .roleSessionName(sessionName)
                                .build())
                        .build());
    }

    /**
     * Drops the role's cached credentials, so that the next {@link #assumedRole} call assumes the role afresh: for
     * credentials AWS refused as expired while the SDK still thought them valid.
     */
    synchronized void forgetAssumedRole(String profile, String roleArn, String region, String sessionName) {
        StsAssumeRoleCredentialsProvider provider = roles.remove(ClientKey.role(profile, roleArn, region, sessionName));
        if (provider != null) {
            closeables.remove(provider);
            provider.close();
        }
    }

    /** A client reading the key's profile configuration (endpoint_url, retries) as {@code aws --profile} would. */
    private CodeartifactClient codeartifact(ClientKey key) {
        return cached(codeartifactClients, key, () -> CodeartifactClient.builder()
                .region(Region.of(key.region()))
                .httpClient(httpClient())
                .credentialsProvider(credentials(key.profile()))
                .overrideConfiguration(configuration(key.profile()))
                .build());
    }

    /** STS signs AssumeRole with the client's own credentials: those of the key's profile. */
    private StsClient sts(ClientKey key) {
        return cached(stsClients, key, () -> StsClient.builder()
                .region(Region.of(key.region()))
                .httpClient(httpClient())
                .credentialsProvider(credentials(key.profile()))
                .overrideConfiguration(configuration(key.profile()))
                .build());
    }

    private static ClientOverrideConfiguration configuration(String profile) {
        ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT);
        if (profile != null) {
            configuration.defaultProfileName(profile);
        }
        return configuration.build();
    }

    private synchronized SdkHttpClient httpClient() {
        if (httpClient == null) {
            httpClient = UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT)
                    .build();
            closeables.add(httpClient);
        }
        return httpClient;
    }

    /**
     * The object of {@code kind} under {@code key}, built by {@code factory} on first use. Clients, the role and the
     * default and profile providers all hold resources (threads, HTTP connections) and are closed with the build.
     */
    private synchronized <V> V cached(Map<ClientKey, V> kind, ClientKey key, Supplier<? extends V> factory) {
        if (closed) {
            throw new IllegalStateException("AWS clients are closed");
        }
        V object = kind.get(key);
        if (object == null) {
            object = withExtensionClassLoader(factory);
            kind.put(key, object);
            if (object instanceof SdkAutoCloseable) {
                closeables.add((SdkAutoCloseable) object);
            }
        }
        return object;
    }

    /**
     * The SDK finds interceptors, profile credential factories and services through the context class loader;
     * inside Maven that is a project or core realm that cannot see the extension's SDK jars.
     */
    private static <T> T withExtensionClassLoader(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AwsClients.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Close in reverse creation order: credentials providers before the clients and HTTP client they use.
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (RuntimeException ignored) {
                // Closing is best effort: the build's outcome is already decided.
            }
        }
        closeables.clear();
        codeartifactClients.clear();
        stsClients.clear();
        credentials.clear();
        roles.clear();
        logLevels.close();
    }
}
