package io.github.mavenaws.codeartifact.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;

/**
 * The AWS principal a token is obtained as, named from the settings the AWS SDK's default credentials chain reads
 * (system properties before environment variables, as the SDK does) without resolving any credentials: resolving
 * an SSO or {@code role_arn} profile calls AWS, and a token served from the disk cache must cost no call at all.
 * Settings that may name different principals give different identities, so switching {@code AWS_PROFILE} or the
 * role never hands over another principal's token.
 *
 * <p>Endpoint overrides ({@code AWS_ENDPOINT_URL*}) are part of the identity as well: a token of an emulator or a
 * test fake must never be offered to the real service, nor the other way round.
 *
 * <p>For a profile, what the profile files say about its principal is part of the identity as well (see
 * {@link #digest()}), so an SSO profile edited to another account or role, or a {@code role_arn} edited in place,
 * never gets the previous principal's token either.
 *
 * <p>Instances are immutable. The access key id is part of the identity but never of {@link #toString()}, and
 * files name an identity by its {@link #digest()} only.
 */
public final class AwsIdentity {
    private static final String[][] ENDPOINT_SETTINGS = {
        {"aws.endpointUrl", "AWS_ENDPOINT_URL"},
        {"aws.endpointUrlCodeartifact", "AWS_ENDPOINT_URL_CODEARTIFACT"},
        {"aws.endpointUrlSts", "AWS_ENDPOINT_URL_STS"}
    };

    /** Every setting that names the principal, one per line; may hold an access key id, so never printed. */
    private final String canonical;

    /** What a user recognises in a log line: the kind of credentials and where they are named. */
    private final String description;

    /** For a profile identity, the profile and its files, whose content is read when the digest is first needed. */
    private final String profile;
    private final AwsConfigFiles files;

    private volatile String digest;

    private AwsIdentity(String canonical, String description, String profile, AwsConfigFiles files) {
        this.canonical = canonical;
        this.description = description;
        this.profile = profile;
        this.files = files;
    }

    /**
     * The identity of the SDK's default credentials chain: an access key id when one is set, else a web identity
     * (role and token file), else a profile with the files it is read from.
     *
     * @param environment the process environment, not null
     * @param properties Maven's user and system properties (values of any type; non-strings are ignored), not null
     */
    public static AwsIdentity defaultCredentials(Map<String, String> environment, Map<?, ?> properties) {
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(properties, "properties cannot be null");
        StringBuilder canonical = new StringBuilder("default-credentials\n");
        String description;
        String profile = null;
        AwsConfigFiles files = null;
        String accessKeyId = setting(environment, properties, "aws.accessKeyId", "AWS_ACCESS_KEY_ID");
        String webIdentityRole = setting(environment, properties, "aws.roleArn", "AWS_ROLE_ARN");
        String webIdentityTokenFile =
                setting(environment, properties, "aws.webIdentityTokenFile", "AWS_WEB_IDENTITY_TOKEN_FILE");
        if (accessKeyId != null) {
            canonical.append("access-key-id=").append(accessKeyId).append('\n');
            description = "the access key in AWS_ACCESS_KEY_ID or aws.accessKeyId";
        } else if (webIdentityRole != null && webIdentityTokenFile != null) {
            canonical.append("web-identity-role=").append(webIdentityRole).append('\n')
                    .append("web-identity-token-file=").append(webIdentityTokenFile).append('\n');
            description = "web identity role " + webIdentityRole;
        } else {
            profile = setting(environment, properties, "aws.profile", "AWS_PROFILE");
            profile = profile == null ? "default" : profile;
            files = appendProfile(canonical, profile, environment, properties);
            description = "profile " + profile;
        }
        appendEndpoints(canonical, environment, properties);
        return new AwsIdentity(canonical.toString(), description, profile, files);
    }

    /**
     * The identity of the named profile, chosen by the extension's own profile setting rather than the SDK's
     * default chain: variables with keys or a web identity do not take part, as with {@code aws --profile}. The
     * canonical form is the default chain's for that profile, so both ways to one profile share their tokens.
     *
     * @param profile the profile name, not null
     * @param environment the process environment, not null
     * @param properties Maven's user and system properties, not null
     */
    static AwsIdentity profile(String profile, Map<String, String> environment, Map<?, ?> properties) {
        Objects.requireNonNull(profile, "profile cannot be null");
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(properties, "properties cannot be null");
        StringBuilder canonical = new StringBuilder("default-credentials\n");
        AwsConfigFiles files = appendProfile(canonical, profile, environment, properties);
        appendEndpoints(canonical, environment, properties);
        return new AwsIdentity(canonical.toString(), "profile " + profile, profile, files);
    }

    private static AwsConfigFiles appendProfile(
            StringBuilder canonical, String profile, Map<String, String> environment, Map<?, ?> properties) {
        AwsConfigFiles files = AwsConfigFiles.locate(environment, properties);
        canonical.append("profile=").append(profile).append('\n')
                .append("config-file=").append(files.config()).append('\n')
                .append("credentials-file=").append(files.credentials()).append('\n');
        return files;
    }

    private static void appendEndpoints(
            StringBuilder canonical, Map<String, String> environment, Map<?, ?> properties) {
        for (String[] endpoint : ENDPOINT_SETTINGS) {
            String url = setting(environment, properties, endpoint[0], endpoint[1]);
            if (url != null) {
                canonical.append(endpoint[1]).append('=').append(url).append('\n');
            }
        }
    }

    /**
     * The identity of {@code role} assumed with this identity's credentials under {@code sessionName}: the same role
     * reached from another principal is another identity, since that principal may not be allowed to assume it. The
     * session name is part of the assumed-role principal that CloudTrail records, so another name is another
     * identity. The default name adds nothing, which keeps the entries written before the name could be set.
     *
     * @param role the role, not null
     * @param sessionName the RoleSessionName, not null
     */
    public AwsIdentity assuming(RoleArn role, String sessionName) {
        Objects.requireNonNull(role, "role cannot be null");
        Objects.requireNonNull(sessionName, "sessionName cannot be null");
        String session = Settings.ROLE_SESSION_NAME.defaultValue().equals(sessionName)
                ? "" : "role-session-name=" + sessionName + "\n";
        return new AwsIdentity("assume-role=" + role + "\n" + session + canonical,
                "role " + role + " assumed with " + description, profile, files);
    }

    /**
     * Hex SHA-256 of every setting that names the principal: safe in file names and file contents. For a profile
     * that includes what the profile says about its principal (keys' id, role, source profile, IAM Identity Center
     * account and role...), read from the profile files now, once: a profile edited in place to another account or
     * role is another identity. Reading the files is left until here so that a build needing no token reads nothing
     * and loads no AWS SDK class.
     */
    public String digest() {
        String result = digest;
        if (result == null) {
            String content = profile == null ? ""
                    : ProfilePrincipal.describe(profile, files);
            result = sha256Hex(canonical + content);
            digest = result;
        }
        return result;
    }

    /**
     * Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}.
     *
     * @param text not null
     */
    public static String sha256Hex(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(hash.length * 2);
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The SDK reads the system property first, then the variable; blank counts as unset. */
    private static String setting(
            Map<String, String> environment, Map<?, ?> properties, String property, String variable) {
        Object value = properties.get(property);
        if (value instanceof String && !((String) value).trim().isEmpty()) {
            return ((String) value).trim();
        }
        String env = environment.get(variable);
        return env == null || env.trim().isEmpty() ? null : env.trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AwsIdentity && ((AwsIdentity) o).canonical.equals(canonical);
    }

    @Override
    public int hashCode() {
        return canonical.hashCode();
    }

    /** Names the kind of credentials and the profile or role, never the access key id. */
    @Override
    public String toString() {
        return description;
    }
}
