package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * sts:AssumeRole on the configured role (regional STS in the domain's region) with the configured profile's
 * credentials or the default ones, then codeartifact:GetAuthorizationToken as that role. The SDK's assume-role
 * provider caches and renews the role's credentials.
 */
public final class AssumeRoleTokenProvider implements TokenProvider {
    private final AwsClients clients;
    private final AwsSettings settings;

    /**
     * @param clients the build's SDK clients, not null
     * @param settings the role (may be unset), session name, profile and token lifetime to use, not null
     */
    public AssumeRoleTokenProvider(AwsClients clients, AwsSettings settings) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
    }

    @Override
    public String describe() {
        if (settings.roleArn() == null) {
            return "sts:AssumeRole on the role in " + settings.roleSetting();
        }
        return "sts:AssumeRole on " + settings.roleArn() + " (" + settings.roleSetting() + ")"
                + (settings.profile() == null ? "" : " with " + GetAuthorizationTokenProvider.credentials(settings))
                + ", then codeartifact:GetAuthorizationToken";
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        if (settings.roleArn() == null) {
            throw new TokenProviderException(settings.roleSetting() + " not set");
        }
        try {
            return clients.getAuthorizationToken(key, settings.profile(),
                    clients.assumedRole(settings.profile(), settings.roleArn().toString(), key.region(),
                            settings.roleSessionName()),
                    settings.durationSeconds(), describe());
        } catch (SdkException e) {
            // The role's credentials are resolved inside the CodeArtifact call, so an STS refusal may arrive wrapped.
            StsException refusal = AwsFailures.find(e, StsException.class);
            throw refusal != null
                    ? new TokenProviderException(AwsFailures.reason("AssumeRole", refusal), e)
                    : new TokenProviderException(
                            AwsFailures.reason("GetAuthorizationToken as the role", e, settings.profile()), e);
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public String toString() {
        return "AssumeRoleTokenProvider[" + (settings.roleArn() == null ? "no role" : settings.roleArn()) + "]";
    }
}
