package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
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
 * Owns every AWS SDK object of a build: one HTTP client, one client per service and region, one credentials
 * provider per identity. Nothing is built until the first call, so builds that need no token never load the SDK's
 * clients, and everything is closed once at the end of the build.
 */
public final class AwsClients implements AutoCloseable {
    /** Bounds every AWS call: a build must fail with a message, never hang on an unresponsive endpoint. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(90);

    /**
     * The SDK logs each signed request at debug, session token included, and Maven's {@code -X} shows every debug
     * line. Maven's simple loggers take a logger's level from this system property when the logger is created, so
     * setting it before the first SDK class loads keeps the SDK at info, unless the user chose a level. The SDK's
     * loggers are named after its classes, which the extension's jar relocates: the package is read from a class
     * name, never written out, so that the jar and the classes (unit tests, IDEs) each name their SDK's package.
     */
    static final String SDK_LOG_LEVEL = "org.slf4j.simpleLogger.log." + sdkPackage();

    private final Map<String, Object> clients = new HashMap<>();
    private final List<SdkAutoCloseable> closeables = new ArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SdkHttpClient httpClient;

    /** {@code software.amazon.awssdk}, or where the extension's jar relocated it; initialises no SDK class. */
    static String sdkPackage() {
        String region = Region.class.getName();
        return region.substring(0, region.length() - ".regions.Region".length());
    }

    public AwsClients() {
        if (System.getProperty(SDK_LOG_LEVEL) == null) {
            System.setProperty(SDK_LOG_LEVEL, "info");
        }
    }

    /**
     * Calls codeartifact:GetAuthorizationToken in the domain's region.
     *
     * @param key the domain, not null
     * @param credentials the identity to call with, not null
     * @param durationSeconds requested token lifetime, or null for the service default (12 hours)
     * @param source how the identity was found, for messages, not null
     */
    AuthorizationToken getAuthorizationToken(
            DomainKey key, AwsCredentialsProvider credentials, Long durationSeconds, String source) {
        GetAuthorizationTokenRequest request = GetAuthorizationTokenRequest.builder()
                .domain(key.domain())
                .domainOwner(key.owner())
                .durationSeconds(durationSeconds)
                .overrideConfiguration(AwsRequestOverrideConfiguration.builder()
                        .credentialsProvider(credentials)
                        .build())
                .build();
        GetAuthorizationTokenResponse response =
                withExtensionClassLoader(() -> codeartifact(key.region()).getAuthorizationToken(request));
        return new AuthorizationToken(response.authorizationToken(), response.expiration(), source);
    }

    /** The SDK's default chain: environment, system properties, web identity, profiles (SSO too), container, IMDS. */
    AwsCredentialsProvider defaultCredentials() {
        return client("credentials:default", () -> DefaultCredentialsProvider.builder().build());
    }

    /** Credentials of {@code roleArn}, assumed through the regional STS endpoint and renewed by the SDK. */
    AwsCredentialsProvider assumedRole(String roleArn, String region, String sessionName) {
        return client("credentials:role:" + region + ":" + roleArn, () -> StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts(region))
                .refreshRequest(AssumeRoleRequest.builder()
                        .roleArn(roleArn)
                        .roleSessionName(sessionName)
                        .build())
                .build());
    }

    private CodeartifactClient codeartifact(String region) {
        return client("codeartifact:" + region, () -> CodeartifactClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient())
                .credentialsProvider(defaultCredentials())
                .overrideConfiguration(timeouts())
                .build());
    }

    private StsClient sts(String region) {
        return client("sts:" + region, () -> StsClient.builder()
                .region(Region.of(region))
                .httpClient(httpClient())
                .credentialsProvider(defaultCredentials())
                .overrideConfiguration(timeouts())
                .build());
    }

    private static ClientOverrideConfiguration timeouts() {
        return ClientOverrideConfiguration.builder().apiCallTimeout(CALL_TIMEOUT).build();
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
