package io.github.mavenaws.codeartifact.token;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpService;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The HTTP client the SDK builds for itself, through the build's proxy: the STS, SSO and SSO-OIDC clients inside
 * its credentials providers ({@code role_arn} profiles, web identity, IAM Identity Center) take no client from the
 * caller, only from this service, found by {@code ServiceLoader}. The extension's jar registers it in place of the
 * URL connection client's own service (pom.xml, shade); on a plain class path (unit tests, IDEs) the SDK's stays.
 *
 * <p>The one static state of the extension, because a service loader gives no other way in: the proxies of the
 * build whose SDK clients are open ({@link AwsClients} sets and clears them). Two builds at once in one JVM (a Maven
 * daemon) share the later one's proxies for these internal clients; without a build, the environment's.
 */
public final class ProxiedHttpService implements SdkHttpService {
    /** The proxies of the open AwsClients, latest last: one build may open several (the doctor does). */
    private static final List<AwsProxies> OPEN = new ArrayList<>();

    /** For the service loader. */
    public ProxiedHttpService() {}

    static void use(AwsProxies proxies) {
        synchronized (OPEN) {
            OPEN.add(proxies);
        }
    }

    static void release(AwsProxies proxies) {
        synchronized (OPEN) {
            OPEN.remove(proxies);
        }
    }

    private static AwsProxies current() {
        synchronized (OPEN) {
            return OPEN.isEmpty() ? null : OPEN.get(OPEN.size() - 1);
        }
    }

    @Override
    public SdkHttpClient.Builder createHttpClientBuilder() {
        return new Builder();
    }

    private static final class Builder implements SdkHttpClient.Builder<Builder> {
        @Override
        public SdkHttpClient buildWithDefaults(AttributeMap serviceDefaults) {
            AwsProxies proxies = current();
            return UrlConnectionHttpClient.create(new ProxiedConnections(
                    proxies != null ? proxies : AwsProxies.fromEnvironment(System.getenv(), System.getProperties()),
                    AwsClients.CONNECT_TIMEOUT, AwsClients.READ_TIMEOUT));
        }
    }
}
