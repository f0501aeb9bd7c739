package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Who the credentials of a domain's AWS settings are, by sts:GetCallerIdentity (which needs no permission): what
 * {@code aws sts get-caller-identity} shows, for the command line's doctor. The credentials are found as the
 * token chain finds them (the settings' profile, else the SDK's default chain) with the same timeouts, and the
 * failures are told in the chain's words; nothing but the principal's ARN, user id and account is kept.
 *
 * <p>Its own short-lived clients rather than the build's {@link AwsClients}: one call, made once.
 */
public final class CallerIdentity {
    private final String arn;
    private final String userId;
    private final String account;

    private CallerIdentity(String arn, String userId, String account) {
        this.arn = arn;
        this.userId = userId;
        this.account = account;
    }

    /**
     * @param settings whose credentials to ask about, not null
     * @param region the regional STS endpoint to ask, e.g. the domain's, not null
     * @return the identity, never null
     * @throws TokenProviderException with the reason, naming the fix where one is known, never a secret
     */
    public static CallerIdentity of(AwsSettings settings, String region) throws TokenProviderException {
        Objects.requireNonNull(settings, "settings cannot be null");
        Objects.requireNonNull(region, "region cannot be null");
        String profile = settings.profile();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // as AwsClients: the SDK finds its services through the context class loader
        thread.setContextClassLoader(CallerIdentity.class.getClassLoader());
        SdkHttpClient http = null;
        AwsCredentialsProvider credentials = null;
        StsClient sts = null;
        try {
            http = UrlConnectionHttpClient.builder()
                    .connectionTimeout(AwsClients.CONNECT_TIMEOUT)
                    .socketTimeout(AwsClients.READ_TIMEOUT)
                    .build();
            credentials = profile == null
                    ? DefaultCredentialsProvider.builder().build()
                    : ProfileCredentialsProvider.builder().profileName(profile).build();
            ClientOverrideConfiguration.Builder configuration = ClientOverrideConfiguration.builder()
                    .apiCallAttemptTimeout(AwsClients.ATTEMPT_TIMEOUT)
                    .apiCallTimeout(AwsClients.CALL_TIMEOUT);
            if (profile != null) {
                configuration.defaultProfileName(profile);
            }
            sts = StsClient.builder()
                    .region(Region.of(region))
                    .httpClient(http)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(configuration.build())
                    .build();
            GetCallerIdentityResponse response = sts.getCallerIdentity();
            return new CallerIdentity(response.arn(), response.userId(), response.account());
        } catch (SdkException e) {
            throw new TokenProviderException(AwsFailures.reason("GetCallerIdentity", e, profile), e);
        } catch (IllegalStateException e) {
            // a profile's failing credential_process, or a missing SDK module, is no SdkException
            throw new TokenProviderException("GetCallerIdentity failed: " + e.getMessage(), e);
        } finally {
            close(sts);
            if (credentials instanceof SdkAutoCloseable) {
                close((SdkAutoCloseable) credentials);
            }
            close(http);
            thread.setContextClassLoader(previous);
        }
    }

    private static void close(SdkAutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (RuntimeException ignored) {
                // best effort: the answer is in
            }
        }
    }

    /** The principal, e.g. {@code arn:aws:iam::123456789012:user/alice} or an assumed role's session. */
    public String arn() {
        return arn;
    }

    /** The principal's unique id (AIDA..., AROA...:session). */
    public String userId() {
        return userId;
    }

    /** The 12-digit account of the principal. */
    public String account() {
        return account;
    }

    @Override
    public String toString() {
        return arn;
    }
}
