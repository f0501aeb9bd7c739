package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.AwsProxy;
import java.util.Objects;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.ProxySelector;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The active {@code settings.xml} {@code <proxy>} for the AWS calls, as Maven's own downloads use it: Maven's proxy
 * selector applies its {@code nonProxyHosts} to each AWS host, and hands its username and password decrypted (a
 * password encrypted with {@code mvn --encrypt-password} reaches the proxy as Maven decrypts it).
 */
final class MavenProxies implements AwsProxies {
    private final RepositorySystemSession session;

    MavenProxies(RepositorySystemSession session) {
        this.session = Objects.requireNonNull(session, "session cannot be null");
    }

    @Override
    public AwsProxy forHost(String host) {
        ProxySelector selector = session.getProxySelector();
        if (selector == null) {
            return null;
        }
        RemoteRepository aws = new RemoteRepository.Builder("aws", "default", "https://" + host + "/").build();
        Proxy proxy = selector.getProxy(aws);
        if (proxy == null) {
            return null;
        }
        String username = null;
        String password = null;
        try (AuthenticationContext context = AuthenticationContext.forProxy(session,
                new RemoteRepository.Builder(aws).setProxy(proxy).build())) {
            if (context != null) {
                username = context.get(AuthenticationContext.USERNAME);
                password = context.get(AuthenticationContext.PASSWORD);
            }
        }
        return new AwsProxy(proxy.getHost(), proxy.getPort(), username, password, "settings.xml <proxy>");
    }
}
