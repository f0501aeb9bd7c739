package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Map;

/**
 * Turns on the preemptive authentication that resolver's HTTP transports have but leave off: resolver 1.9's
 * native transport (Maven 3.9) and resolver 2's Apache transport (Maven 3.10, 4.0) each read their own key. Scoped
 * to the repository's id; a value the user set wins.
 */
final class PreemptiveAuthFlags implements TransportTuning {

    /** Resolver 1.9's native HTTP transport (Maven 3.9). */
    private static final String RESOLVER1 = "aether.connector.http.preemptiveAuth.";

    /** Resolver 2's Apache transport (Maven 3.10, 4.0). */
    private static final String RESOLVER2 = "aether.transport.http.preemptiveAuth.";

    @Override
    public void tune(Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        config.putIfAbsent(RESOLVER1 + repositoryId, Boolean.TRUE);
        config.putIfAbsent(RESOLVER2 + repositoryId, Boolean.TRUE);
    }
}
