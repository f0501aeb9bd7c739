package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.RoleArn;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
            return getAuthorizationToken(key);
        } catch (SdkException e) {
            if (AwsFailures.find(e, StsException.class) != null || !AwsFailures.isExpiredCredentials(e)) {
                throw failure(e);
            }
        }
        // CodeArtifact found the role's credentials expired while the SDK still counted them valid (revoked, or a
        // clock that drifted): assume the role afresh, once.
        clients.forgetAssumedRole(role.toString(), key.region());
        try {
            return getAuthorizationToken(key);
        } catch (SdkException e) {
            if (AwsFailures.find(e, StsException.class) == null && AwsFailures.isExpiredCredentials(e)) {
                throw new TokenProviderException("GetAuthorizationToken as the role refused: "
                        + AwsFailures.answer(AwsFailures.find(e, AwsServiceException.class))
                        + ". The role's credentials from AssumeRole were refused as expired, freshly assumed ones"
                        + " too: check this machine's clock (NTP, timedatectl), and whether the sessions of " + role
                        + " are being revoked", e);
            }
            throw failure(e);
        }
    }

    private AuthorizationToken getAuthorizationToken(DomainKey key) throws TokenProviderException {
        return clients.getAuthorizationToken(
                key, clients.assumedRole(role.toString(), key.region(), sessionName), durationSeconds, describe());
    }

    private TokenProviderException failure(SdkException e) {
        // The role's credentials are resolved inside the CodeArtifact call, so an STS refusal may arrive wrapped.
        StsException refusal = AwsFailures.find(e, StsException.class);
        if (refusal == null) {
            return new TokenProviderException(AwsFailures.reason("GetAuthorizationToken as the role", e), e);
        }
        String reason = AwsFailures.reason("AssumeRole", refusal);
        if (refusal.statusCode() == 403 && !AwsFailures.isExpiredCredentials(refusal)) {
            reason += ". To use the role, your AWS identity must be allowed to assume it: the trust policy of " + role
                    + " must name your identity, and your identity's policies must allow sts:AssumeRole on it; or"
                    + " unset " + roleSetting + " if the role is not meant for you";
        }
        return new TokenProviderException(reason, e);
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
