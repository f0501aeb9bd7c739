package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
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
        return fetch(key, FetchDeadline.start());
    }

    /**
     * The role's steps one by one, each within the deadline and each remembered on its own when it does not answer:
     * the base credentials, AssumeRole, GetAuthorizationToken. Any failure, the SDK's or not, is this source's reason.
     */
    @Override
    public AuthorizationToken fetch(DomainKey key, FetchDeadline deadline) throws TokenProviderException {
        if (settings.roleArn() == null) {
            throw new TokenProviderException(settings.roleSetting() + " not set");
        }
        try {
            clients.resolveCredentials(settings.profile(), deadline);
        } catch (RuntimeException e) {
            throw new TokenProviderException(
                    AwsFailures.reason("AssumeRole's own credentials", e, settings.profile()), e);
        }
        try {
            return getAuthorizationToken(key, deadline);
        } catch (RuntimeException e) {
            if (AwsFailures.find(e, StsException.class) != null || !AwsFailures.isExpiredCredentials(e)) {
                throw failure(e);
            }
        }
        // CodeArtifact found the role's credentials expired while the SDK still counted them valid (revoked, or a
        // clock that drifted): assume the role afresh, once.
        clients.forgetAssumedRole(settings.profile(), settings.roleArn().toString(), key.region(),
                settings.roleSessionName());
        try {
            return getAuthorizationToken(key, deadline);
        } catch (RuntimeException e) {
            if (AwsFailures.find(e, StsException.class) == null && AwsFailures.isExpiredCredentials(e)) {
                throw new TokenProviderException("GetAuthorizationToken as the role refused: "
                        + AwsFailures.answer(AwsFailures.find(e, AwsServiceException.class))
                        + ". The role's credentials from AssumeRole were refused as expired, freshly assumed ones"
                        + " too: check this machine's clock (NTP, timedatectl), and whether the sessions of "
                        + settings.roleArn() + " are being revoked", e);
            }
            throw failure(e);
        }
    }

    private AuthorizationToken getAuthorizationToken(DomainKey key, FetchDeadline deadline)
            throws TokenProviderException {
        String roleArn = settings.roleArn().toString();
        clients.failIfUnanswered(key, settings.profile());
        try {
            clients.assumeRole(settings.profile(), roleArn, key.region(), settings.roleSessionName(), deadline);
        } catch (RuntimeException e) {
            throw new AssumeRoleFailure(e);
        }
        return clients.getAuthorizationToken(key, settings.profile(),
                clients.assumedRole(settings.profile(), roleArn, key.region(), settings.roleSessionName()),
                settings.durationSeconds(), describe(), deadline);
    }

    /** AssumeRole's own failure, told apart from GetAuthorizationToken's as the role. */
    private static final class AssumeRoleFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AssumeRoleFailure(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private TokenProviderException failure(RuntimeException e) {
        // An STS refusal may also arrive wrapped in the CodeArtifact call, when the role's credentials are renewed.
        StsException refusal = AwsFailures.find(e, StsException.class);
        if (refusal == null && e instanceof AssumeRoleFailure) {
            return new TokenProviderException(
                    AwsFailures.reason("AssumeRole", (RuntimeException) e.getCause(), settings.profile()), e.getCause());
        }
        if (refusal == null) {
            return new TokenProviderException(
                    AwsFailures.reason("GetAuthorizationToken as the role", e, settings.profile()), e);
        }
        String reason = AwsFailures.reason("AssumeRole", refusal);
        if (refusal.statusCode() == 403 && !AwsFailures.isExpiredCredentials(refusal)) {
            reason += ". To use the role, your AWS identity must be allowed to assume it: the trust policy of "
                    + settings.roleArn() + " must name your identity, and your identity's policies must allow"
                    + " sts:AssumeRole on it; or unset " + settings.roleSetting() + " if the role is not meant for you";
        }
        return new TokenProviderException(reason, e);
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
