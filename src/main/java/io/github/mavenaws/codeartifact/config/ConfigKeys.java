package io.github.mavenaws.codeartifact.config;

/**
 * Every setting the extension reads. Each option is a Maven property and an environment variable: the Maven
 * property ({@code -D}, {@code .mvn/maven.config}, {@code MAVEN_OPTS}, or a property of a settings.xml profile
 * that is active by {@code <activeProfiles>} or {@code -P}) wins over the variable, because it is the more specific
 * choice; a blank value counts as unset. Variables keep the Poetry AWS Plugin's names where it has one, since CI
 * pipelines already set them.
 *
 * <p>Per-domain settings, {@code codeartifact.<domain>-<owner>.<setting>} (e.g.
 * {@code codeartifact.acme-111122223333.roleArn}), override {@link #ROLE_ARN}, {@link #PROFILE} and
 * {@link #DURATION_SECONDS} for the repositories of that domain in every region. They are Maven properties only: a
 * domain's hyphens cannot be part of a portable variable name.
 */
public final class ConfigKeys {
    /** Environment: a token used as is, with no AWS call. First in the chain. */
    public static final String ENV_AUTH_TOKEN = "POETRY_AWS_PLUGIN_AUTH_TOKEN";

    /** Environment: the variable AWS's own Maven guide exports; used as is, after {@link #ENV_AUTH_TOKEN}. */
    public static final String ENV_CODEARTIFACT_AUTH_TOKEN = "CODEARTIFACT_AUTH_TOKEN";

    /** Environment: ARN of an IAM role to assume when the default credentials cannot get a token. */
    public static final String ENV_ROLE_ARN = "POETRY_AWS_PLUGIN_ROLE_ARN";

    /** Maven property: same as {@link #ENV_ROLE_ARN}, which it overrides. Per-domain override allowed. */
    public static final String ROLE_ARN = "codeartifact.roleArn";

    /**
     * Maven property, AWS profile name, default none: the profile whose credentials (static keys, {@code role_arn},
     * SSO, {@code credential_process}) make the AWS calls, as {@code aws --profile} would, whatever
     * {@code AWS_PROFILE} or {@code AWS_ACCESS_KEY_ID} say. Unset: the AWS SDK's default credentials chain, which
     * honours {@code AWS_PROFILE}. It must name a profile of the AWS config or credentials file. Per-domain override
     * allowed.
     */
    public static final String PROFILE = "codeartifact.profile";

    /** Environment: same as {@link #PROFILE}, which overrides it. */
    public static final String ENV_PROFILE = "CODEARTIFACT_PROFILE";

    /**
     * Maven property, seconds, default none (CodeArtifact's default, 12 hours): the lifetime of the tokens
     * GetAuthorizationToken issues. 0 means "as long as the role session" for assumed roles; otherwise 900 to 43200.
     * AssumeRole's own session length stays STS's default (one hour): a session is renewed as needed, a token is not.
     * Per-domain override allowed.
     */
    public static final String DURATION_SECONDS = "codeartifact.durationSeconds";

    /** Environment: same as {@link #DURATION_SECONDS}, which overrides it. */
    public static final String ENV_DURATION_SECONDS = "CODEARTIFACT_DURATION_SECONDS";

    /**
     * Maven property, default {@value #DEFAULT_ROLE_SESSION_NAME}: the RoleSessionName of AssumeRole, which the
     * role's account sees in CloudTrail; 2 to 64 characters of letters, digits and {@code +=,.@_-}.
     */
    public static final String ROLE_SESSION_NAME = "codeartifact.roleSessionName";

    /** Environment: same as {@link #ROLE_SESSION_NAME}, which overrides it. */
    public static final String ENV_ROLE_SESSION_NAME = "CODEARTIFACT_ROLE_SESSION_NAME";

    /** Shows up in CloudTrail as the assumed role's session: whoever reads the trail knows what assumed the role. */
    public static final String DEFAULT_ROLE_SESSION_NAME = "maven-aws-extension";

    /** Maven property, boolean, default false: leave every repository to Maven as if the extension were absent. */
    public static final String SKIP = "codeartifact.skip";

    /** Environment: same as {@link #SKIP}, which overrides it. */
    public static final String ENV_SKIP = "CODEARTIFACT_SKIP";

    /**
     * Maven property, boolean, default {@value #DEFAULT_CACHE}: share tokens obtained from AWS between all Maven
     * processes of the user through files in {@link #CACHE_DIR}, so that parallel and successive builds fetch one
     * token per domain and AWS identity instead of one each. Tokens from variables are never written.
     */
    public static final String CACHE = "codeartifact.cache";

    public static final boolean DEFAULT_CACHE = true;

    /** Environment: same as {@link #CACHE}, which overrides it. */
    public static final String ENV_CACHE = "CODEARTIFACT_CACHE";

    /**
     * Maven property, path, default {@value #DEFAULT_CACHE_DIR} in Maven's user home ({@code maven.user.home},
     * else {@code ~/.m2}): the directory of the token cache, created on first use with mode 0700. A relative path
     * is resolved against the working directory.
     */
    public static final String CACHE_DIR = "codeartifact.cacheDir";

    public static final String DEFAULT_CACHE_DIR = "codeartifact-tokens";

    /** Environment: same as {@link #CACHE_DIR}, which overrides it. */
    public static final String ENV_CACHE_DIR = "CODEARTIFACT_CACHE_DIR";

    /**
     * Maven property, comma-separated 12-digit AWS account ids, default every account: only CodeArtifact repositories
     * of these owners are given a token. A repository of another owner (declared by a dependency's POM, say) is left
     * to Maven without a token, and causes no AWS call.
     */
    public static final String ALLOWED_OWNERS = "codeartifact.allowedOwners";

    /** Environment: same as {@link #ALLOWED_OWNERS}, which overrides it. */
    public static final String ENV_ALLOWED_OWNERS = "CODEARTIFACT_ALLOWED_OWNERS";

    /** Start of every Maven property of the extension, and of the per-domain ones. */
    public static final String PREFIX = "codeartifact.";

    /** Longest token accepted from a variable: real ones are about 1 KB; anything far longer is a pasted mistake. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private ConfigKeys() {}

    /**
     * The per-domain form of {@code setting}: {@code perDomain("acme-111122223333", ROLE_ARN)} is
     * {@code codeartifact.acme-111122223333.roleArn}.
     *
     * @param domainOwner the domain and its owner's account id as in the repository host, not null
     * @param setting one of {@link #ROLE_ARN}, {@link #PROFILE}, {@link #DURATION_SECONDS}, not null
     */
    public static String perDomain(String domainOwner, String setting) {
        return PREFIX + domainOwner + "." + setting.substring(PREFIX.length());
    }
}
