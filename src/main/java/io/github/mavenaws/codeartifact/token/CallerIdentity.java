package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.config.AwsSettings;
import java.time.Clock;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Who the credentials of a domain's AWS settings are, by sts:GetCallerIdentity (which needs no permission): what
 * {@code aws sts get-caller-identity} shows, for the command line's doctor. The credentials are found as the
 * token chain finds them (the settings' profile, else the SDK's default chain) with the same timeouts, and the
 * failures are told in the chain's words; nothing but the principal's ARN, user id and account is kept.
 *
 * <p>Its own short-lived {@link AwsClients}, built the way the token chain's are and closed after the one call.
 */
public final class CallerIdentity {
    private final String arn;
    private final String userId;
    private final String account;

    private CallerIdentity(String arn, String userId, String account) {
        this.arn = arn;
        this.userId = userId;
        this.account = account;
    }

    /**
     * @param settings whose credentials to ask about, not null
     * @param region the regional STS endpoint to ask, e.g. the domain's, not null
     * @param proxies the proxy of each AWS host, as the token chain's calls use them, not null
     * @return the identity, never null
     * @throws TokenProviderException with the reason, naming the fix where one is known, never a secret
     */
    public static CallerIdentity of(AwsSettings settings, String region, AwsProxies proxies)
            throws TokenProviderException {
        Objects.requireNonNull(settings, "settings cannot be null");
        Objects.requireNonNull(region, "region cannot be null");
        Objects.requireNonNull(proxies, "proxies cannot be null");
        String profile = settings.profile();
        try (AwsClients clients = new AwsClients(Clock.systemUTC(), proxies)) {
            GetCallerIdentityResponse response = clients.callerIdentity(profile, region);
            return new CallerIdentity(response.arn(), response.userId(), response.account());
        } catch (SdkException e) {
            throw new TokenProviderException(AwsFailures.reason("GetCallerIdentity", e, profile), e);
        } catch (IllegalStateException e) {
            // a profile's failing credential_process, or a missing SDK module, is no SdkException
            throw new TokenProviderException("GetCallerIdentity failed: " + e.getMessage(), e);
        }
    }

    /** The principal, e.g. {@code arn:aws:iam::123456789012:user/alice} or an assumed role's session. */
    public String arn() {
        return arn;
    }

    /** The principal's unique id (AIDA..., AROA...:session). */
    public String userId() {
        return userId;
    }

    /** The 12-digit account of the principal. */
    public String account() {
        return account;
    }

    @Override
    public String toString() {
        return arn;
    }
}
