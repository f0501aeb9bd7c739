package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session the delegate connector of one CodeArtifact repository sees: Maven's own, plus the settings that make
 * each transport send the token with the first request instead of waiting for a 401 challenge, which would cost a
 * round trip per transporter. The settings are scoped to the repository's id and visible to its connector only.
 *
 * <p>Every transport keeps credentials scoped to the repository host, so a redirect to S3 still carries none. The
 * JDK transport of resolver 2 (Maven 4's default) has no such setting: the only preemptive route there, a fixed
 * Authorization header, is forwarded to redirect targets by the JDK 17 HTTP client. So where the user left the
 * transport to Maven, CodeArtifact repositories get resolver's Apache transport, which Maven 4 ships too. A user who
 * asks for {@code -Dmaven.resolver.transport=jdk} keeps it: on Java 25 and later, whose HTTP client drops an
 * Authorization header when a redirect leaves the host, it gets the header; before, the JDK client's challenges.
 */
final class PreemptiveAuthSession extends AbstractForwardingRepositorySystemSession {
    private static final Logger LOGGER = LoggerFactory.getLogger(PreemptiveAuthSession.class);

    /** Resolver 1.9's native HTTP transport (Maven 3.9). */
    static final String RESOLVER1_PREEMPTIVE = "aether.connector.http.preemptiveAuth.";

    /** Resolver 2's Apache transport (Maven 3.10, 4.0). */
    static final String RESOLVER2_PREEMPTIVE = "aether.transport.http.preemptiveAuth.";

    /**
     * Resolver 1's wagon transport (Maven 3.8, and 3.9 with {@code -Dmaven.resolver.transport=wagon}) reads the
     * {@code <server><configuration>} of the repository here.
     */
    static final String WAGON_CONFIG = "aether.connector.wagon.config.";

    /** Resolver 2's wagon transport (Maven 3.10 and 4.0 with {@code -Dmaven.resolver.transport=wagon}). */
    static final String RESOLVER2_WAGON_CONFIG = "aether.transport.wagon.config.";

    /** Maven's choice of transport (3.9 and later); absent, {@code default} and {@code auto} leave it to priorities. */
    static final String TRANSPORT = "maven.resolver.transport";

    /** Resolver 2 ranks transporter factories by these keys; Maven 4 sets one to the maximum for a chosen transport. */
    static final String APACHE_PRIORITY = "aether.priority.ApacheTransporterFactory";

    private static final String[] TRANSPORTER_PRIORITIES = {
        APACHE_PRIORITY, "aether.priority.JdkTransporterFactory", "aether.priority.WagonTransporterFactory"
    };

    /**
     * Resolver 2 memoises its ranking of transporters in the session data, which this session shares with Maven's:
     * a ranking made here must neither come from nor land in that memo.
     */
    static final String PRIORITY_CACHED = "aether.priority.cached";

    /** Resolver 2's extra HTTP headers, per repository id (a map of name to value). */
    static final String HEADERS = "aether.transport.http.headers";

    /** The first Java whose HTTP client was seen to drop Authorization on a redirect to another host (17 keeps it). */
    static final int JAVA_DROPPING_AUTHORIZATION_ON_REDIRECT = 25;

    private static final boolean RESOLVER2 = isResolver2();

    private final RepositorySystemSession session;
    private final Map<String, Object> configProperties;

    /**
     * @param session Maven's session, not null
     * @param repositoryId the id of the repository whose transport is configured, not null
     */
    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId) {
        this(session, repositoryId, null, javaFeatureVersion());
    }

    /**
     * @param session Maven's session, not null
     * @param repositoryId the id of the repository whose transport is configured, not null
     * @param token the token the repository's authentication holds, or null
     */
    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId, AuthorizationToken token) {
        this(session, repositoryId, token, javaFeatureVersion());
    }

    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId, AuthorizationToken token, int java) {
        this(session, repositoryId, token, java, JdkTransportShipped.inThisMaven());
    }

    /** @param jdkTransport whether this Maven ships the JDK transport (not 4.0.0-rc-6: {@link JdkTransportShipped}) */
    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId, AuthorizationToken token, int java,
            boolean jdkTransport) {
        this.session = Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(repositoryId, "repositoryId cannot be null");
        Map<String, Object> config = new HashMap<>(session.getConfigProperties());
        PrefixFileRepositoryId.inheritSettings(config, repositoryId);
        config.putIfAbsent(RESOLVER1_PREEMPTIVE + repositoryId, Boolean.TRUE);
        config.putIfAbsent(RESOLVER2_PREEMPTIVE + repositoryId, Boolean.TRUE);
        // A <server><configuration> of the user's (timeouts, headers) wins: wagon takes one configuration only.
        if (!config.containsKey(WAGON_CONFIG + repositoryId)
                && !config.containsKey(RESOLVER2_WAGON_CONFIG + repositoryId)) {
            Object wagonConfig = wagonPreemptiveConfiguration();
            if (wagonConfig != null) {
                config.put(WAGON_CONFIG + repositoryId, wagonConfig);
                config.put(RESOLVER2_WAGON_CONFIG + repositoryId, wagonConfig);
            }
        }
        if (transportLeftToMaven(config)) {
            config.put(APACHE_PRIORITY, String.valueOf(Float.MAX_VALUE));
            config.put(PRIORITY_CACHED, Boolean.FALSE);
        } else if (token != null && "jdk".equals(config.get(TRANSPORT))
                && java >= JAVA_DROPPING_AUTHORIZATION_ON_REDIRECT && jdkTransport) {
            config.put(HEADERS + "." + repositoryId, headersWithAuthorization(config, repositoryId, token));
        }
        this.configProperties = Collections.unmodifiableMap(config);
    }

    /** The user's headers for the repository (or for all), plus Basic credentials unless they set Authorization. */
    private static Map<String, String> headersWithAuthorization(
            Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        Map<String, String> headers = new HashMap<String, String>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() { // whoever logs the session's configuration sees no token
                return keySet().toString();
            }
        };
        Object users = config.containsKey(HEADERS + "." + repositoryId)
                ? config.get(HEADERS + "." + repositoryId)
                : config.get(HEADERS);
        if (users instanceof Map) {
            for (Map.Entry<?, ?> header : ((Map<?, ?>) users).entrySet()) {
                headers.put(String.valueOf(header.getKey()), String.valueOf(header.getValue()));
            }
        }
        boolean userAuthorization = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
        if (!userAuthorization) {
            String credentials = TokenAuthentication.USERNAME + ":" + token.value();
            headers.put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return Collections.unmodifiableMap(headers);
    }

    /** 8 for "1.8", 25 for "25". */
    static int javaFeatureVersion() {
        String version = System.getProperty("java.specification.version", "1.8");
        try {
            return version.startsWith("1.") ? Integer.parseInt(version.substring(2)) : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    /** True when neither {@code maven.resolver.transport} nor a transporter priority of the user's picks one. */
    private static boolean transportLeftToMaven(Map<String, Object> config) {
        Object transport = config.get(TRANSPORT);
        if (transport != null && !"default".equals(transport) && !"auto".equals(transport)) {
            return false;
        }
        for (String priority : TRANSPORTER_PRIORITIES) {
            if (config.containsKey(priority)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code <httpConfiguration><all><usePreemptive>true</usePreemptive></all></httpConfiguration>}, or null where
     * this Maven does not let extensions see plexus-utils' Xpp3Dom.
     */
    private static Object wagonPreemptiveConfiguration() {
        try {
            Xpp3Dom usePreemptive = new Xpp3Dom("usePreemptive");
            usePreemptive.setValue("true");
            Xpp3Dom all = new Xpp3Dom("all");
            all.addChild(usePreemptive);
            Xpp3Dom httpConfiguration = new Xpp3Dom("httpConfiguration");
            httpConfiguration.addChild(all);
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            configuration.addChild(httpConfiguration);
            return configuration;
        } catch (LinkageError e) {
            LOGGER.debug("Wagon preemptive authentication unavailable: {}", e.toString());
            return null;
        }
    }

    /**
     * The repository as the delegate's transport should see it: on resolver 2, with the URL's port spelled out.
     * Resolver 2.0.24's Apache transport (Maven 3.10) files the preemptive scheme in its auth cache under the URL's
     * host as written, while HttpClient looks it up under {@code host:443}; without the port the first request to
     * every repository would be challenged. Resolver 1 transports are left as they are: their Host header stays bare.
     */
    static RemoteRepository withExplicitPort(RemoteRepository repository) {
        return RESOLVER2 ? explicitPort(repository) : repository;
    }

    /** The repository with {@code :443} after the host of its https URL, or itself if that URL names a port. */
    static RemoteRepository explicitPort(RemoteRepository repository) {
        // by hand, not through URI's multi-argument constructors, which would quote the path's % escapes again
        String url = repository.getUrl();
        int authority = url.indexOf("://");
        if (authority != 5 || !url.regionMatches(true, 0, "https", 0, 5)) {
            return repository;
        }
        authority += 3;
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String hostPart = url.substring(authority, end);
        if (hostPart.isEmpty() || hostPart.indexOf(':') >= 0 || hostPart.indexOf('@') >= 0) {
            return repository; // a port already, an IPv6 literal or userinfo: not a CodeArtifact host we claimed
        }
        String explicit = url.substring(0, end) + ":443" + url.substring(end);
        return new RemoteRepository.Builder(repository).setUrl(explicit).build();
    }

    /** Resolver 2's API has the session builder; resolver 1's (Maven 3.8, 3.9) does not. */
    private static boolean isResolver2() {
        try {
            Class.forName("org.eclipse.aether.RepositorySystemSession$SessionBuilder", false,
                    RepositorySystemSession.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    @Override
    protected RepositorySystemSession getSession() {
        return session;
    }

    @Override
    public Map<String, Object> getConfigProperties() {
        return configProperties;
    }
}
