package io.github.mavenaws.codeartifact.token;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The HTTP client the SDK builds for itself, through the build's proxy: the STS, SSO and SSO-OIDC clients inside
 * its credentials providers ({@code role_arn} profiles, web identity, IAM Identity Center) take no client from the
 * caller, only from this service, found by {@code ServiceLoader}. The extension's jar registers it in place of the
 * URL connection client's own service (pom.xml, shade); on a plain class path (unit tests, IDEs) the SDK's stays.
 *
 * <p>The proxies are those of the open {@link AwsClients} ({@link OpenProxies}); without any, the environment's.
 */
public final class ProxiedHttpService implements SdkHttpService {

    /** For the service loader. */
    public ProxiedHttpService() {}

    @Override
    public SdkHttpClient.Builder createHttpClientBuilder() {
        return new Builder();
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            AwsProxies proxies = OpenProxies.current();
            return ProxiedConnections.httpClient(proxies != null ? proxies
                    : AwsProxies.fromEnvironment(System.getenv(), System.getProperties()));
        }
    }
}
