package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.RoleArn;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * sts:AssumeRole on the configured role (regional STS in the domain's region), then
 * codeartifact:GetAuthorizationToken as that role. The SDK's assume-role provider caches and renews the role's
 * credentials.
 */
public final class AssumeRoleTokenProvider implements TokenProvider {
    private final AwsClients clients;
    private final RoleArn role;
    private final String roleSetting;
    private final String sessionName;
    private final Long durationSeconds;

    /**
     * @param clients the build's SDK clients, not null
     * @param role the role to assume, or null when none is configured
     * @param roleSetting the setting that names the role, for messages, not null
     * @param sessionName the RoleSessionName, visible in the account's CloudTrail, not null
     * @param durationSeconds the token lifetime to ask for, or null for the service default
     */
    public AssumeRoleTokenProvider(
            AwsClients clients, RoleArn role, String roleSetting, String sessionName, Long durationSeconds) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.role = role;
        this.roleSetting = Objects.requireNonNull(roleSetting, "roleSetting cannot be null");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName cannot be null");
        this.durationSeconds = durationSeconds;
    }

    @Override
    public String describe() {
        return role == null
                ? "sts:AssumeRole on the role in " + roleSetting
                : "sts:AssumeRole on " + role + " (" + roleSetting + "), then codeartifact:GetAuthorizationToken";
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        if (role == null) {
            throw new TokenProviderException(roleSetting + " not set");
        }
        try {
            return clients.getAuthorizationToken(
                    key, clients.assumedRole(role.toString(), key.region(), sessionName), durationSeconds, describe());
        } catch (SdkException e) {
            // The role's credentials are resolved inside the CodeArtifact call, so an STS refusal may arrive wrapped.
            StsException refusal = AwsFailures.find(e, StsException.class);
            throw refusal != null
                    ? new TokenProviderException(AwsFailures.reason("AssumeRole", refusal), e)
                    : new TokenProviderException(AwsFailures.reason("GetAuthorizationToken as the role", e), e);
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public String toString() {
        return "AssumeRoleTokenProvider[" + (role == null ? "no role" : role) + "]";
    }
}
