package io.github.mavenaws.codeartifact.config;

import java.util.Objects;

/**
 * How the extension calls AWS for a domain: whose credentials (a named profile or the SDK's default chain), which
 * role to fall back to, under which session name, and the token lifetime to ask for. One value serves every domain
 * without per-domain settings; a domain with overrides has its own. Immutable, with value equality, so that domains
 * with equal settings share their token chain; equal includes the names of the settings, which the chain's messages
 * show. The SDK's clients and credentials are shared by profile whatever the setting's name.
 */
public final class AwsSettings {
    private final String profile;
    private final String profileSetting;
    private final AwsIdentity identity;
    private final RoleArn roleArn;
    private final String roleSetting;
    private final String roleSessionName;
    private final Long durationSeconds;

    /**
     * @param profile the AWS profile to use, or null for the SDK's default credentials chain
     * @param profileSetting the setting that named the profile, or null when none did
     * @param identity who {@code profile} (or the default chain) is, as named by the settings, not null
     * @param roleArn the role to assume when the credentials cannot get a token, or null
     * @param roleSetting the setting that names the role (or would), for messages, not null
     * @param roleSessionName AssumeRole's RoleSessionName, not null
     * @param durationSeconds GetAuthorizationToken's duration, or null for the service default
     */
    AwsSettings(String profile, String profileSetting, AwsIdentity identity, RoleArn roleArn, String roleSetting,
            String roleSessionName, Long durationSeconds) {
        this.profile = profile;
        this.profileSetting = profileSetting;
        this.identity = Objects.requireNonNull(identity, "identity cannot be null");
        this.roleArn = roleArn;
        this.roleSetting = Objects.requireNonNull(roleSetting, "roleSetting cannot be null");
        this.roleSessionName = Objects.requireNonNull(roleSessionName, "roleSessionName cannot be null");
        this.durationSeconds = durationSeconds;
    }

    /** The AWS profile whose credentials make the calls, or null for the SDK's default credentials chain. */
    public String profile() {
        return profile;
    }

    /** The setting that named {@link #profile()}, for messages; null when no profile is set. */
    public String profileSetting() {
        return profileSetting;
    }

    /** Who the credentials are (the disk cache's key for tokens fetched with them); never null. */
    public AwsIdentity identity() {
        return identity;
    }

    /** The role to fall back to, or null. */
    public RoleArn roleArn() {
        return roleArn;
    }

    /** The setting that names the role, or would: the per-domain property, the Maven property or the variable. */
    public String roleSetting() {
        return roleSetting;
    }

    /** Who the role is when assumed with these credentials; null without a role. */
    public AwsIdentity roleIdentity() {
        return roleArn == null ? null : identity.assuming(roleArn, roleSessionName);
    }

    public String roleSessionName() {
        return roleSessionName;
    }

    /** GetAuthorizationToken's duration in seconds, or null for CodeArtifact's default (12 hours). */
    public Long durationSeconds() {
        return durationSeconds;
    }

    AwsSettings withProfile(String newProfile, String setting, AwsIdentity newIdentity) {
        return new AwsSettings(newProfile, setting, newIdentity, roleArn, roleSetting, roleSessionName,
                durationSeconds);
    }

    AwsSettings withRole(RoleArn role, String setting) {
        return new AwsSettings(profile, profileSetting, identity, role, setting, roleSessionName, durationSeconds);
    }

    AwsSettings withDurationSeconds(long seconds) {
        return new AwsSettings(profile, profileSetting, identity, roleArn, roleSetting, roleSessionName, seconds);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof AwsSettings)) {
            return false;
        }
        AwsSettings that = (AwsSettings) o;
        // The settings' names count: the chain these settings share names them in its messages.
        return Objects.equals(profile, that.profile) && Objects.equals(profileSetting, that.profileSetting)
                && identity.equals(that.identity)
                && Objects.equals(roleArn, that.roleArn) && roleSetting.equals(that.roleSetting)
                && roleSessionName.equals(that.roleSessionName)
                && Objects.equals(durationSeconds, that.durationSeconds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile, profileSetting, identity, roleArn, roleSetting, roleSessionName, durationSeconds);
    }

    /** Names profile, role and lifetime; the identity's own {@code toString} leaves access key ids out. */
    @Override
    public String toString() {
        return "AwsSettings[credentials=" + (profile == null ? "default chain (" + identity + ")" : identity)
                + ", role=" + (roleArn == null ? "none" : roleArn + " as " + roleSessionName)
                + ", durationSeconds=" + (durationSeconds == null ? "default" : durationSeconds) + "]";
    }
}
