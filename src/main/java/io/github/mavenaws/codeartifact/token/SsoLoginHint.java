package io.github.mavenaws.codeartifact.token;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises, among the reasons the SDK's default credentials chain gives, a profile whose IAM Identity Center (AWS
 * SSO) login is missing or has expired, and says what to run. The SDK's own words name neither the profile nor,
 * for {@code sso_session} profiles, the cause ("Token is expired"). The reasons hold no token: the SDK never puts
 * the access token in a message, and neither does this hint.
 */
final class SsoLoginHint {
    /** "ProfileCredentialsProvider(profileName=sso-dev, profileFile=ProfileFile(...)): reason". */
    private static final Pattern PROFILE_REASON =
            Pattern.compile("ProfileCredentialsProvider\\(profileName=([^,()\\s]+)[^:]*?\\): (.*)", Pattern.DOTALL);

    /**
     * What the SDK says when the cached login cannot be used: the legacy {@code sso_start_url} form's expired or
     * missing cache file; the {@code sso_session} form's expired token whose refresh failed, or missing cache file.
     */
    private static final Pattern SSO_LOGIN_UNUSABLE = Pattern.compile(
            "The SSO session associated with this profile has expired"
                    + "|Token is expired"
                    + "|Unable to load SSO token"
                    + "|Failed to load cached token");

    private SsoLoginHint() {}

    /**
     * The hint for {@code profile}, named by the extension's own setting so that the SDK's credentials chain is not
     * involved, when {@code message} (the SDK's failure of that profile's credentials) says its SSO login is
     * unusable; null otherwise.
     *
     * @param profile the profile the credentials came from, or null for the default chain (no hint then)
     * @param message the SDK's message, not null
     */
    static String forProfile(String profile, String message) {
        return profile != null && SSO_LOGIN_UNUSABLE.matcher(message).find() ? hint(profile) : null;
    }

    private static String hint(String profile) {
        return "the IAM Identity Center (AWS SSO) login of profile " + profile + " has expired or was never made:"
                + " run `aws sso login --profile " + profile + "`, then build again.";
    }

    /**
     * The hint for the first profile whose SSO login is unusable, or null when no reason says so.
     *
     * @param reasons the chain's reasons, one per credentials provider, not null
     */
    static String find(List<String> reasons) {
        for (String reason : reasons) {
            Matcher profile = PROFILE_REASON.matcher(reason.trim());
            if (profile.matches() && SSO_LOGIN_UNUSABLE.matcher(profile.group(2)).find()) {
                return hint(profile.group(1));
            }
        }
        return null;
    }
}
