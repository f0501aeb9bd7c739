package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/** codeartifact:GetAuthorizationToken with the credentials the AWS SDK finds on its own (its default chain). */
public final class GetAuthorizationTokenProvider implements TokenProvider {
    private final AwsClients clients;
    private final Long durationSeconds;

    /**
     * @param clients the build's SDK clients, not null
     * @param durationSeconds the token lifetime to ask for, or null for the service default
     */
    public GetAuthorizationTokenProvider(AwsClients clients, Long durationSeconds) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.durationSeconds = durationSeconds;
    }

    @Override
    public String describe() {
        return "codeartifact:GetAuthorizationToken with the default AWS credentials";
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        try {
            return clients.getAuthorizationToken(key, clients.defaultCredentials(), durationSeconds, describe());
        } catch (SdkException e) {
            throw new TokenProviderException(AwsFailures.reason("GetAuthorizationToken", e), e);
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public String toString() {
        return "GetAuthorizationTokenProvider";
    }
}
