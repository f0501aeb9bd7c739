package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
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
    /** GetAuthorizationToken again while CodeArtifact throttles it, beyond the SDK's own retries. */
    private final ThrottledCalls throttled = new ThrottledCalls(new Random());
    /** The time a token's expiration is checked against (TokenAnswer). */
    private final Clock clock;
    private final SdkLogLevels logLevels;
    private SdkHttpClient httpClient;
    /** Runs each step of a fetch, so that the fetching thread can give up on it at the deadline. */
    private ExecutorService workers;
    private boolean closed;

    private final AwsProxies proxies;

    /**
     * With the proxies of the environment and the JVM ({@link AwsProxies#fromEnvironment}).
     *
     * @param clock this machine's time, which AWS's answers are checked against, not null
     */
    public AwsClients(Clock clock) {
        this(clock, AwsProxies.fromEnvironment(System.getenv(), System.getProperties()));
    }

    /**
     * @param clock this machine's time, which AWS's answers are checked against, not null
     * @param proxies the proxy of each AWS host, not null
     */
    public AwsClients(Clock clock, AwsProxies proxies) {
        this.clock = Objects.requireNonNull(clock, "clock cannot be null");
        this.proxies = Objects.requireNonNull(proxies, "proxies cannot be null");
        // the SDK's own STS, SSO and SSO-OIDC clients (role profiles, web identity, SSO) go through them too
        OpenProxies.use(proxies);
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
     * @param deadline the fetch's time bound, not null
     * @throws SdkException when AWS refuses, fails or does not answer
     * @throws TokenProviderException when AWS's answer holds no usable token, or none came by the deadline
     */
    AuthorizationToken getAuthorizationToken(DomainKey key, String profile, AwsCredentialsProvider credentials,
            Long durationSeconds, String source, FetchDeadline deadline) throws TokenProviderException {
        GetAuthorizationTokenRequest request = GetAuthorizationTokenRequest.builder()
                .domain(key.domain())
                .domainOwner(key.owner())
                .durationSeconds(durationSeconds)
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .credentialsProvider(credentials)
                        .build())
                .build();
        ClientKey client = ClientKey.client(CODEARTIFACT, key.region(), profile);
        GetAuthorizationTokenResponse response = step("codeartifact:GetAuthorizationToken in " + key.region(),
                client, deadline, () -> throttled.call(() -> codeartifact(client).getAuthorizationToken(request),
                        deadline));
        return TokenAnswer.check(response.authorizationToken(), response.expiration(), source, clock.instant());
    }

    /**
     * Fails at once, with the earlier failure, when CodeArtifact in the domain's region did not answer before: the
     * role path need not assume a role for a call that cannot be made.
     */
    void failIfUnanswered(DomainKey key, String profile) {
        unanswered.failIfUnanswered(ClientKey.client(CODEARTIFACT, key.region(), profile));
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
                ? new DefaultCredentialsChain()
                : ProfileCredentialsProvider.builder().profileName(profile).build());
    }

    /**
     * The access key id of {@link #credentials(String) the credentials} of {@code profile}, resolved locally by the
     * SDK's own provider (a container endpoint, the instance metadata, a {@code credential_process}), which keeps
     * them for the build's AWS calls: the disk cache keys entries of sources whose settings do not name the
     * principal by it. Never returns or logs the secret parts. Bounded like a fetch: a credential_process that
     * hangs is stopped.
     *
     * @param profile the profile, or null for the SDK's default chain
     * @throws RuntimeException when the credentials cannot be resolved, or not in time
     */
    String accessKeyId(String profile) {
        try {
            return resolveCredentials(profile, FetchDeadline.start()).accessKeyId();
        } catch (TokenProviderException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Resolves {@link #credentials(String)} within the deadline, before any AWS call, so that a credential helper,
     * SSO portal or container endpoint that does not answer is named as such, and never counted against the
     * service the credentials are for. The SDK's providers cache what they resolve; the call that follows reuses it.
     *
     * @throws SdkException or another RuntimeException when the credentials cannot be resolved
     * @throws TokenProviderException when they were not resolved by the deadline
     */
    AwsCredentials resolveCredentials(String profile, FetchDeadline deadline) throws TokenProviderException {
        AwsCredentialsProvider provider = credentials(profile);
        String step = profile == null
                ? "Resolving the default AWS credentials (environment, web identity, AWS_PROFILE's or the default"
                        + " profile with its credential_process, SSO login or role, container or instance endpoint)"
                : "Resolving the credentials of AWS profile '" + profile + "' (its credential_process, SSO login,"
                        + " role or keys)";
        return step(step, ClientKey.credentials(profile), deadline, provider::resolveCredentials);
    }

    /**
     * Assumes the role as {@link #assumedRole} names it, within the deadline, so that an STS that does not answer is
     * remembered as STS's in that region, never as CodeArtifact's.
     *
     * @throws SdkException when STS refuses, fails or does not answer
     * @throws TokenProviderException when STS did not answer by the deadline
     */
    AwsCredentials assumeRole(String profile, String roleArn, String region, String sessionName,
            FetchDeadline deadline) throws TokenProviderException {
        AwsCredentialsProvider role = assumedRole(profile, roleArn, region, sessionName);
        return step("sts:AssumeRole on " + roleArn + " in " + region, ClientKey.client(STS, region, profile), deadline,
                role::resolveCredentials);
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

    /**
     * Runs one step of a fetch in a worker thread, giving up on it at the deadline: the SDK bounds its HTTP calls but
     * not credential resolution ({@code credential_process} has no timeout at all). A step given up on is
     * interrupted, its {@code credential_process} stopped, and its endpoint remembered as not answering, so that the
     * build's other domains do not wait for it again.
     *
     * @param step what the step does, in words, for the message when it does not finish
     * @throws SdkException or another RuntimeException, the step's own failure
     * @throws TokenProviderException when the step did not finish by the deadline
     */
    private <T> T step(String step, ClientKey endpoint, FetchDeadline deadline, Supplier<T> action)
            throws TokenProviderException {
        long started = System.currentTimeMillis();
        Future<T> future;
        try {
            future = workers().submit(() -> unanswered.call(endpoint, () -> withExtensionClassLoader(action)));
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("AWS clients are closed", e);
        }
        try {
            return future.get(deadline.remainingNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        } catch (TimeoutException e) {
            future.cancel(true);
            boolean stopped = CredentialProcesses.stopStartedSince(started);
            String message = step + " " + deadline.missed() + (stopped ? "; its credential_process was stopped" : "")
                    + ". Check that step on its own (aws sts get-caller-identity, or aws codeartifact"
                    + " get-authorization-token with the same profile): a credential_process that waits for input"
                    + " or for a network, a credentials endpoint or AWS endpoint that does not answer";
            unanswered.remember(endpoint, SdkClientException.create(message));
            throw new TokenProviderException(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new TokenProviderException(step + " was interrupted");
        }
    }

    private synchronized ExecutorService workers() {
        if (closed) {
            throw new IllegalStateException("AWS clients are closed");
        }
        if (workers == null) {
            AtomicInteger count = new AtomicInteger();
            workers = Executors.newCachedThreadPool(task -> {
                Thread thread = new Thread(task, "codeartifact-token-fetch-" + count.incrementAndGet());
                // a step given up on must not keep Maven's JVM alive
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
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
            // our connections, not the SDK's: its proxy support cannot authenticate to a proxy for HTTPS
            httpClient = ProxiedConnections.httpClient(proxies);
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
        if (workers != null) {
            workers.shutdownNow();
        }
        // Close in reverse creation order: credentials providers before the clients and HTTP client they use.
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (RuntimeException ignored) {
                // Closing is best effort: the build's outcome is already decided.
            }
        }
        closeables.clear();
        OpenProxies.release(proxies);
        codeartifactClients.clear();
        stsClients.clear();
        credentials.clear();
        roles.clear();
        logLevels.close();
    }
}
