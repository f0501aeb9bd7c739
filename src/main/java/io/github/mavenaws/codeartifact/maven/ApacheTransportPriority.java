package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Map;

/**
 * Where the user left the transport to Maven, ranks resolver 2's Apache transport first for the repository. It
 * works around resolver 2's JDK transport (Maven 4's default), which has no preemptive setting: its only
 * preemptive route, a fixed Authorization header, is forwarded to redirect targets such as S3 by the JDK 17 HTTP
 * client, while the Apache transport, which Maven 4 ships too, keeps credentials to the repository host. A
 * transport the user chose is kept (see {@link JdkAuthorizationHeader} for the JDK one).
 */
final class ApacheTransportPriority implements TransportTuning {

    /** Resolver 2 ranks transporter factories by these keys; Maven 4 sets one to the maximum for a chosen transport. */
    private static final String APACHE_PRIORITY = "aether.priority.ApacheTransporterFactory";

    private static final String[] TRANSPORTER_PRIORITIES = {
        APACHE_PRIORITY, "aether.priority.JdkTransporterFactory", "aether.priority.WagonTransporterFactory"
    };

    /**
     * Resolver 2 memoises its ranking of transporters in the session data, which the tuned session shares with
     * Maven's: a ranking made there must neither come from nor land in that memo.
     */
    private static final String PRIORITY_CACHED = "aether.priority.cached";

    @Override
    public void tune(Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        if (transportLeftToMaven(config)) {
            config.put(APACHE_PRIORITY, String.valueOf(Float.MAX_VALUE));
            config.put(PRIORITY_CACHED, Boolean.FALSE);
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
}
