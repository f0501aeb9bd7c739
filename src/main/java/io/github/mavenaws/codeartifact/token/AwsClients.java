package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
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
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Owns every AWS SDK object of a build: one HTTP client, one client per service, region and profile, one credentials
 * provider per identity. Nothing is built until the first call, so builds that need no token never load the SDK's
 * clients, and everything is closed once at the end of the build.
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

    /**
     * The SDK logs each signed request at debug, session token included, and Maven's {@code -X} shows every debug
     * line. Maven's simple loggers take a logger's level from this system property when the logger is created, so
     * setting it before the first SDK class loads keeps the SDK at info, unless the user chose a level. The SDK's
     * loggers are named after its classes, which the extension's jar relocates: the package is read from a class
     * name, never written out, so that the jar and the classes (unit tests, IDEs) each name their SDK's package.
     */
    static final String SDK_LOG_LEVEL = "org.slf4j.simpleLogger.log." + sdkPackage();

    /** Maven 4's logger reads this name, and the one above only with a deprecation warning per logger. */
    static final String MAVEN4_SDK_LOG_LEVEL = "maven.logger.log." + sdkPackage();

    /**
     * SDK loggers that warn, with a full stack trace, about what the "no token" message already says in one line:
     * an {@code sso_session} login whose refresh IAM Identity Center refused, and the expired login it then falls
     * back to. The user is told to run {@code aws sso login}; the trace helps nobody. Kept at error, under both
     * Maven 3's and Maven 4's property names, unless the user chose a level for the SDK.
     */
    static final String[] QUIET_SDK_LOGGERS = {
        ".services.ssooidc.SsoOidcTokenProvider", ".utils.cache.CachedSupplier"
    };

    private final Map<String, Object> clients = new HashMap<>();
    private final List<SdkAutoCloseable> closeables = new ArrayList<>();
    /** Endpoints that did not answer in time, by client name: the build does not wait for them a second time. */
    private final Map<String, SdkException> unanswered = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** The time a token's expiration is checked against (TokenAnswer). */
    private final Clock clock = Clock.systemUTC();
    private volatile SdkHttpClient httpClient;

    /** {@code software.amazon.awssdk}, or where the extension's jar relocated it; initialises no SDK class. */
    static String sdkPackage() {
        String region = Region.class.getName();
        return region.substring(0, region.length() - ".regions.Region".length());
    }

    public AwsClients() {
        if (System.getProperty(SDK_LOG_LEVEL) == null && System.getProperty(MAVEN4_SDK_LOG_LEVEL) == null) {
            // both: Maven 4 reads its own name first and warns about the other only when its own is missing
            System.setProperty(MAVEN4_SDK_LOG_LEVEL, "info");
            System.setProperty(SDK_LOG_LEVEL, "info");
            for (String logger : QUIET_SDK_LOGGERS) {
                System.setProperty(MAVEN4_SDK_LOG_LEVEL + logger, "error");
                System.setProperty(SDK_LOG_LEVEL + logger, "error");
            }
        }
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
        String client = "codeartifact:" + key.region() + ":" + profileKey(profile);
        SdkException earlier = unanswered.get(client);
        if (earlier != null) {
            throw earlier;
        }
        GetAuthorizationTokenResponse response;
        try {
            response = withExtensionClassLoader(() -> codeartifact(key.region(), profile).getAuthorizationToken(request));
        } catch (SdkException e) {
            if (AwsFailures.isTimeout(e)) {
                unanswered.putIfAbsent(client, e);
            }
            throw e;
        }
        return TokenAnswer.check(response.authorizationToken(), response.expiration(), source, clock.instant());
    }

    /** The SDK's default chain: environment, system properties, web identity, profiles (SSO too), container, IMDS. */
    AwsCredentialsProvider defaultCredentials() {
        return client("credentials:default", () -> DefaultCredentialsProvider.builder().build());
    }

    /**
     * The credentials of a profile, as {@code aws --profile} finds them (static keys, {@code role_arn}, SSO,
     * {@code credential_process}), or the SDK's default chain when {@code profile} is null.
     */
    AwsCredentialsProvider credentials(String profile) {
        if (profile == null) {
            return defaultCredentials();
        }
        return client("credentials:profile:" + profile,
                () -> ProfileCredentialsProvider.builder().profileName(profile).build());
    }

    /**
     * Credentials of {@code roleArn}, assumed with the credentials of {@code profile} (null: the default chain)
     * through the regional STS endpoint, and renewed by the SDK.
     */
    AwsCredentialsProvider assumedRole(String profile, String roleArn, String region, String sessionName) {
        return client(roleName(profile, roleArn, region, sessionName), () -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts(region, profile))
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
        Object provider = clients.remove(roleName(profile, roleArn, region, sessionName));
        if (provider != null) {
            closeables.remove(provider);
            ((SdkAutoCloseable) provider).close();
        }
    }

    private static String roleName(String profile, String roleArn, String region, String sessionName) {
        return "credentials:role:" + region + ":" + roleArn + ":" + sessionName + ":" + profileKey(profile);
    }

    /** A client reading {@code profile}'s configuration (endpoint_url, retries) as {@code aws --profile} would. */
    private CodeartifactClient codeartifact(String region, String profile) {
        return client("codeartifact:" + region + ":" + profileKey(profile), () -> CodeartifactClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient())
                .credentialsProvider(credentials(profile))
                .overrideConfiguration(configuration(profile))
                .build());
    }

    /** STS signs AssumeRole with the client's own credentials: those of {@code profile}. */
    private StsClient sts(String region, String profile) {
        return client("sts:" + region + ":" + profileKey(profile), () -> StsClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient())
                .credentialsProvider(credentials(profile))
                .overrideConfiguration(configuration(profile))
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

    /** A profile in a client's name; no profile name holds a bracket, so none collides with the default chain. */
    private static String profileKey(String profile) {
        return profile == null ? "[default chain]" : "profile " + profile;
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

    @SuppressWarnings("unchecked")
    private synchronized <T extends SdkAutoCloseable> T client(String name, Supplier<T> factory) {
        if (closed.get()) {
            throw new IllegalStateException("AWS clients are closed");
        }
        Object client = clients.get(name);
        if (client == null) {
            client = withExtensionClassLoader(factory);
            clients.put(name, client);
            closeables.add((SdkAutoCloseable) client);
        }
        return (T) client;
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
        if (closed.compareAndSet(false, true)) {
            // Close in reverse creation order: credentials providers before the clients and HTTP client they use.
            for (int i = closeables.size() - 1; i >= 0; i--) {
                try {
                    closeables.get(i).close();
                } catch (RuntimeException ignored) {
                    // Closing is best effort: the build's outcome is already decided.
                }
            }
            closeables.clear();
            clients.clear();
        }
    }
}
