package io.github.mavenaws.codeartifact.fake;

import java.time.Duration;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Real SDK clients aimed at a FakeAws in this JVM: endpoint override to localhost, trust in the fake only,
 * explicit credentials (no provider chain, no instance metadata) and no retries so errors surface at once, unless
 * a client's name says otherwise.
 */
final class SdkClients {

    private static final Consumer<ClientOverrideConfiguration.Builder> NO_RETRIES =
            o -> o.retryStrategy(AwsRetryStrategy.doNotRetry());

    private SdkClients() {
    }

    static CodeartifactClient codeArtifact(FakeAws aws, AwsCredentials credentials, String region) {
        return aimedAt(aws, CodeartifactClient.builder(), signedWith(credentials), region, httpClient(aws))
                .overrideConfiguration(NO_RETRIES).build();
    }

    /** Whose HTTP client gives up on a socket silent for {@code socketTimeout}. */
    static CodeartifactClient codeArtifact(FakeAws aws, AwsCredentials credentials, String region,
            Duration socketTimeout) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().tlsTrustManagersProvider(aws::trustManagers)
                .socketTimeout(socketTimeout).build();
        return aimedAt(aws, CodeartifactClient.builder(), signedWith(credentials), region, http)
                .overrideConfiguration(NO_RETRIES).build();
    }

    /** With the SDK's default retry policy, as the extension uses it. */
    static CodeartifactClient retryingCodeArtifact(FakeAws aws, AwsCredentials credentials, String region) {
        return aimedAt(aws, CodeartifactClient.builder(), signedWith(credentials), region, httpClient(aws)).build();
    }

    static StsClient sts(FakeAws aws, AwsCredentials credentials, String region) {
        return aimedAt(aws, StsClient.builder(), signedWith(credentials), region, httpClient(aws))
                .overrideConfiguration(NO_RETRIES).build();
    }

    /**
     * Unsigned, as the SDK's web identity provider builds its client: no credentials, the web identity token is the
     * credential.
     */
    static StsClient unsignedSts(FakeAws aws, String region) {
        return aimedAt(aws, StsClient.builder(), AnonymousCredentialsProvider.create(), region, httpClient(aws))
                .overrideConfiguration(NO_RETRIES).build();
    }

    /** Unsigned, as the SDK's SSO credentials provider calls the portal: the login's access token is the credential. */
    static SsoClient sso(FakeAws aws, String region) {
        return aimedAt(aws, SsoClient.builder(), AnonymousCredentialsProvider.create(), region, httpClient(aws))
                .overrideConfiguration(NO_RETRIES).build();
    }

    /** Unsigned, as the SDK's SSO token provider asks for a refreshed login. */
    static SsoOidcClient ssoOidc(FakeAws aws, String region) {
        return aimedAt(aws, SsoOidcClient.builder(), AnonymousCredentialsProvider.create(), region, httpClient(aws))
                .overrideConfiguration(NO_RETRIES).build();
    }

    /** The SDK credentials of a session STS issued. */
    static AwsSessionCredentials sessionOf(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    private static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B aimedAt(FakeAws aws,
            B builder, AwsCredentialsProvider credentials, String region, SdkHttpClient http) {
        return builder.endpointOverride(aws.localEndpoint())
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(http);
    }

    private static SdkHttpClient httpClient(FakeAws aws) {
        return UrlConnectionHttpClient.builder().tlsTrustManagersProvider(aws::trustManagers).build();
    }

    private static AwsCredentialsProvider signedWith(AwsCredentials credentials) {
        return StaticCredentialsProvider.create(credentials);
    }
}
