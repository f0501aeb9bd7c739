package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;

/**
 * codeartifact:GetAuthorizationToken with the credentials of the configured AWS profile, or those the AWS SDK finds
 * on its own (its default chain) when none is configured.
 */
public final class GetAuthorizationTokenProvider implements TokenProvider {
    private final AwsClients clients;
    private final AwsSettings settings;

    /**
     * @param clients the build's SDK clients, not null
     * @param settings the profile and token lifetime to use, not null
     */
    public GetAuthorizationTokenProvider(AwsClients clients, AwsSettings settings) {
        this.clients = Objects.requireNonNull(clients, "clients cannot be null");
        this.settings = Objects.requireNonNull(settings, "settings cannot be null");
    }

    @Override
    public String describe() {
        return "codeartifact:GetAuthorizationToken with " + credentials(settings);
    }

    /** The credentials in words: "the default AWS credentials" or "AWS profile 'ci' (codeartifact.profile)". */
    static String credentials(AwsSettings settings) {
        return settings.profile() == null
                ? "the default AWS credentials"
                : "AWS profile '" + settings.profile() + "' (" + settings.profileSetting() + ")";
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        return fetch(key, FetchDeadline.start());
    }

    /** Resolves the credentials, then calls AWS; any failure of either, the SDK's or not, is this source's reason. */
    @Override
    public AuthorizationToken fetch(DomainKey key, FetchDeadline deadline) throws TokenProviderException {
        try {
            clients.resolveCredentials(settings.profile(), deadline);
            return clients.getAuthorizationToken(key, settings.profile(), clients.credentials(settings.profile()),
                    settings.durationSeconds(), describe(), deadline);
        } catch (RuntimeException e) {
            throw new TokenProviderException(AwsFailures.reason("GetAuthorizationToken", e, settings.profile()), e);
        }
    }

    @Override
    public boolean canRefresh() {
        return true;
    }

    @Override
    public String toString() {
        return "GetAuthorizationTokenProvider[" + settings + "]";
    }
}
