package io.github.mavenaws.codeartifact.config;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What a profile says about the principal it signs in as, read by {@link ProfileFiles} (the SDK's own parser) from
 * the files the SDK reads: the access key id, the role and its source profile (followed), the IAM Identity Center
 * account, role and start URL (through its {@code sso-session} section too), the web identity token file, the
 * credential process and any endpoint. Editing any of these in place changes the principal under the same profile
 * name, so it must change the identity too; rotating a secret key or changing the output format does not.
 *
 * <p>Reads files only, never calls AWS; the secret key and session token are never read into the text.
 */
final class ProfilePrincipal {
    /** Profile properties that name, or lead to, the principal the profile signs in as. */
    private static final List<String> PRINCIPAL_PROPERTIES = Arrays.asList(
            "aws_access_key_id", "role_arn", "source_profile", "credential_source", "external_id",
            "web_identity_token_file", "credential_process", "sso_session", "sso_start_url", "sso_region",
            "sso_account_id", "sso_role_name", "login_session", "endpoint_url", "services");

    /** Properties of an {@code [sso-session name]} section that say which IAM Identity Center instance signs in. */
    private static final List<String> SSO_SESSION_PROPERTIES = Arrays.asList("sso_start_url", "sso_region");

    /** A role chain longer than this is a mistake the SDK reports; the identity need not follow it further. */
    private static final int MAX_CHAIN = 10;

    private ProfilePrincipal() {}

    /**
     * One line per principal setting of {@code profile} and the profiles it draws on, in a stable order; empty when
     * neither file exists. A file the SDK cannot read or parse gives a marker line, so the SDK's own error surfaces
     * later.
     *
     * @param profile the profile name, not null
     * @param files where the shared config and credentials files are, not null; they may not exist
     */
    static String describe(String profile, AwsConfigFiles files) {
        ProfileFiles read = ProfileFiles.read(files);
        if (read.failure() != null) {
            return "profile-files-unreadable=" + read.failure().getClass().getName() + "\n";
        }
        return read.any() ? describe(profile, read.profileFile()) : "";
    }

    private static String describe(String profile, ProfileFile files) {
        StringBuilder text = new StringBuilder();
        Set<String> seen = new HashSet<>();
        String next = profile;
        for (int depth = 0; next != null && depth < MAX_CHAIN && seen.add(next); depth++) {
            Optional<Profile> found = files.profile(next);
            if (!found.isPresent()) {
                text.append("profile[").append(next).append("]=missing\n");
                break;
            }
            Map<String, String> properties = found.get().properties();
            for (String property : PRINCIPAL_PROPERTIES) {
                String value = properties.get(property);
                if (value != null) {
                    text.append("profile[").append(next).append("].").append(property).append('=').append(value.trim())
                            .append('\n');
                }
            }
            String ssoSession = properties.get("sso_session");
            if (ssoSession != null) {
                Optional<Profile> session = files.getSection("sso-session", ssoSession.trim());
                for (String property : SSO_SESSION_PROPERTIES) {
                    String value = session.flatMap(s -> s.property(property)).orElse(null);
                    if (value != null) {
                        text.append("sso-session[").append(ssoSession.trim()).append("].").append(property).append('=')
                                .append(value.trim()).append('\n');
                    }
                }
            }
            String source = properties.get("source_profile");
            next = source == null ? null : source.trim();
        }
        return text.toString();
    }
}
