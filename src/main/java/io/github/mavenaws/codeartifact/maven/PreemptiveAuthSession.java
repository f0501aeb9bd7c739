package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.aether.AbstractForwardingRepositorySystemSession;
import org.eclipse.aether.RepositorySystemSession;

/**
 * The session the delegate connector of one CodeArtifact repository sees: Maven's own, with config properties
 * changed by every {@link TransportTuning} so that each transport sends the token with the first request. The
 * changes are scoped to the repository's id and visible to its connector only, and every transport keeps
 * credentials scoped to the repository host, so a redirect to S3 still carries none. The repository's URL is
 * tuned apart, by {@link ExplicitHttpsPort}.
 */
final class PreemptiveAuthSession extends AbstractForwardingRepositorySystemSession {

    /** Every transport tuning, in the order applied; a new workaround is one class and one line here. */
    private static final List<TransportTuning> TUNINGS = Collections.unmodifiableList(Arrays.asList(
            new PreemptiveAuthFlags(),
            new WagonUsePreemptive(),
            new ApacheTransportPriority(),
            new JdkAuthorizationHeader(JdkAuthorizationHeader.runningJava())));

    private final RepositorySystemSession session;
    private final Map<String, Object> configProperties;

    /**
     * @param session Maven's session, not null
     * @param repositoryId the id of the repository whose transport is tuned, not null
     * @param token the token the repository's authentication holds, not null
     */
    PreemptiveAuthSession(RepositorySystemSession session, String repositoryId, AuthorizationToken token) {
        this.session = Objects.requireNonNull(session, "session cannot be null");
        Objects.requireNonNull(repositoryId, "repositoryId cannot be null");
        Objects.requireNonNull(token, "token cannot be null");
        Map<String, Object> config = new HashMap<>(session.getConfigProperties());
        for (TransportTuning tuning : TUNINGS) {
            tuning.tune(config, repositoryId, token);
        }
        this.configProperties = Collections.unmodifiableMap(config);
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
