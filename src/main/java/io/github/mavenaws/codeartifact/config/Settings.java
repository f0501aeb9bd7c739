package io.github.mavenaws.codeartifact.config;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Every setting the extension reads, each described once (in the spirit of the resolver's
 * {@code BasicRepositoryConnectorConfigurationKeys}); a new setting is one more descriptor here, and the README's
 * settings table, which a test holds against {@link #all()}.
 *
 * <p>An option is a Maven property and an environment variable: the Maven property ({@code -D},
 * {@code .mvn/maven.config}, {@code MAVEN_OPTS}, or a property of a settings.xml profile that is active by
 * {@code <activeProfiles>} or {@code -P}) wins over the variable, because it is the more specific choice; a blank
 * value counts as unset. Variables keep the Poetry AWS Plugin's names where it has one, since CI pipelines already
 * set them.
 *
 * <p>Per-domain settings, {@code codeartifact.<domain>-<owner>.<setting>} (e.g.
 * {@code codeartifact.acme-111122223333.roleArn}), override the settings whose {@link SettingDescriptor#perDomain()}
 * is true for the repositories of that domain in every region. They are Maven properties only: a domain's hyphens
 * cannot be part of a portable variable name.
 */
public final class Settings {
    /** Start of every Maven property of the extension, and of the per-domain ones. */
    public static final String PREFIX = "codeartifact.";

    /** Variable only, a token, default none: used as is, with no AWS call. First in the chain. */
    public static final SettingDescriptor<String> AUTH_TOKEN = new SettingDescriptor<>(
            null, "POETRY_AWS_PLUGIN_AUTH_TOKEN", null, false, (s, e, p) -> TokenValue.parse(s));

    /** Variable only, a token, default none: the one AWS's own Maven guide exports; used after {@link #AUTH_TOKEN}. */
    public static final SettingDescriptor<String> CODEARTIFACT_AUTH_TOKEN = new SettingDescriptor<>(
            null, "CODEARTIFACT_AUTH_TOKEN", null, false, (s, e, p) -> TokenValue.parse(s));

    /**
     * Property and variable, an IAM role ARN, default none: the role to assume when the credentials cannot get a
     * token. Per-domain override allowed.
     */
    public static final SettingDescriptor<RoleArn> ROLE_ARN = new SettingDescriptor<>(
            "codeartifact.roleArn", "POETRY_AWS_PLUGIN_ROLE_ARN", null, true,
            (s, e, p) -> RoleArn.parse(s.name(), s.value()));

    /**
     * Property and variable, an AWS profile name, default none: the profile whose credentials (static keys,
     * {@code role_arn}, SSO, {@code credential_process}) make the AWS calls, as {@code aws --profile} would, whatever
     * {@code AWS_PROFILE} or {@code AWS_ACCESS_KEY_ID} say. Unset: the AWS SDK's default credentials chain, which
     * honours {@code AWS_PROFILE}. It must name a profile of the AWS config or credentials file, as the AWS SDK reads
     * them. Per-domain override allowed.
     */
    public static final SettingDescriptor<String> PROFILE = new SettingDescriptor<>(
            "codeartifact.profile", "CODEARTIFACT_PROFILE", null, true,
            (s, e, p) -> AwsConfigFiles.locate(e, p).requireProfile(s));

    /**
     * Property and variable, seconds, default none (CodeArtifact's default, 12 hours): the lifetime of the tokens
     * GetAuthorizationToken issues. 0 means "as long as the role session" for assumed roles; otherwise 900 to 43200.
     * AssumeRole's own session length stays STS's default (one hour): a session is renewed as needed, a token is not.
     * Per-domain override allowed.
     */
    public static final SettingDescriptor<Long> DURATION_SECONDS = new SettingDescriptor<>(
            "codeartifact.durationSeconds", "CODEARTIFACT_DURATION_SECONDS", null, true,
            (s, e, p) -> DurationSeconds.parse(s));

    /**
     * Property and variable, default {@code maven-aws-extension}, so that whoever reads the role account's
     * CloudTrail knows what assumed the role: AssumeRole's RoleSessionName, 2 to 64 characters of letters, digits
     * and {@code +=,.@_-}. Build-wide only.
     */
    public static final SettingDescriptor<String> ROLE_SESSION_NAME = new SettingDescriptor<>(
            "codeartifact.roleSessionName", "CODEARTIFACT_ROLE_SESSION_NAME", "maven-aws-extension", false,
            (s, e, p) -> RoleSessionName.parse(s));

    /**
     * Property and variable, boolean, default false: leave every repository to Maven as if the extension were absent.
     */
    public static final SettingDescriptor<Boolean> SKIP = flag("codeartifact.skip", "CODEARTIFACT_SKIP", false);

    /**
     * Property and variable, boolean, default true: share tokens obtained from AWS between all Maven processes of
     * the user through files in {@link #CACHE_DIR}, so that parallel and successive builds fetch one token per
     * domain and AWS identity instead of one each. Tokens from variables are never written.
     */
    public static final SettingDescriptor<Boolean> CACHE = flag("codeartifact.cache", "CODEARTIFACT_CACHE", true);

    /**
     * Property and variable, a path, default {@code codeartifact-tokens} in Maven's user home
     * ({@code maven.user.home}, else {@code ~/.m2}): the directory of the token cache, created on first use with
     * mode 0700. A relative path is resolved against the working directory.
     */
    public static final SettingDescriptor<Path> CACHE_DIR = new SettingDescriptor<>(
            "codeartifact.cacheDir", "CODEARTIFACT_CACHE_DIR", Paths.get("codeartifact-tokens"), false,
            (s, e, p) -> CacheDir.parse(s));

    private static final List<SettingDescriptor<?>> ALL = Collections.unmodifiableList(Arrays.asList(
            AUTH_TOKEN, CODEARTIFACT_AUTH_TOKEN, ROLE_ARN, PROFILE, DURATION_SECONDS, ROLE_SESSION_NAME, SKIP, CACHE,
            CACHE_DIR));

    private static final List<SettingDescriptor<?>> PER_DOMAIN;

    static {
        List<SettingDescriptor<?>> perDomain = new ArrayList<>();
        for (SettingDescriptor<?> setting : ALL) {
            if (setting.perDomain()) {
                perDomain.add(setting);
            }
        }
        PER_DOMAIN = Collections.unmodifiableList(perDomain);
    }

    private Settings() {}

    /** Every setting, in the README's order; never null. */
    public static List<SettingDescriptor<?>> all() {
        return ALL;
    }

    /** The settings a domain may override, {@code codeartifact.<domain>-<owner>.<name>}; never null. */
    public static List<SettingDescriptor<?>> perDomain() {
        return PER_DOMAIN;
    }

    private static SettingDescriptor<Boolean> flag(String property, String variable, boolean defaultValue) {
        return new SettingDescriptor<>(property, variable, defaultValue, false,
                (s, e, p) -> Flag.parse(s, defaultValue));
    }
}
