package io.github.mavenaws.codeartifact.fake;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real SDK clients aimed at a FakeAws in this JVM: endpoint override to localhost, trust in the fake only,
 * explicit credentials (no provider chain, no instance metadata) and no retries so errors surface at once.
 */
final class SdkClients {

    private SdkClients() {
    }

    static SdkHttpClient httpClient(FakeAws aws) {
        return UrlConnectionHttpClient.builder().tlsTrustManagersProvider(aws::trustManagers).build();
    }

    static CodeartifactClient codeArtifact(FakeAws aws, AwsCredentials credentials, String region) {
        return CodeartifactClient.builder()
                .endpointOverride(aws.localEndpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(httpClient(aws))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static StsClient sts(FakeAws aws, AwsCredentials credentials, String region) {
        return StsClient.builder()
                .endpointOverride(aws.localEndpoint())
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(httpClient(aws))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
