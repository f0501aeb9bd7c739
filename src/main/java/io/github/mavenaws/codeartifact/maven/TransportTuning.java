package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Map;

/**
 * One setting that makes a transport send the token with its first request instead of waiting for a 401
 * challenge, which would cost a round trip per transporter. Each implementation works around one resolver's
 * transport and names it; {@link PreemptiveAuthSession} applies them all to the delegate connector's session.
 */
interface TransportTuning {

    /** Maven's choice of transport (3.9 and later); absent, {@code default} and {@code auto} leave it to priorities. */
    String TRANSPORT = "maven.resolver.transport";

    /**
     * Adjusts the config properties the delegate connector of one CodeArtifact repository will see.
     *
     * @param config a private, modifiable copy of Maven's config properties, not null
     * @param repositoryId the id of the repository whose transport is tuned, not null
     * @param token the token the repository's authentication holds, not null
     */
    void tune(Map<String, Object> config, String repositoryId, AuthorizationToken token);
}
