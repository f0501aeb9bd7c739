package io.github.mavenaws.codeartifact.config;

/**
 * Every setting the extension reads. Environment variables keep the Poetry AWS Plugin's names, which CI pipelines
 * already set; Maven properties come from {@code -D}, {@code .mvn/maven.config} or settings.xml profiles, and win
 * over the environment because they are the more specific choice.
 */
public final class ConfigKeys {
    /** Environment: a token used as is, with no AWS call. First in the chain. */
    public static final String ENV_AUTH_TOKEN = "POETRY_AWS_PLUGIN_AUTH_TOKEN";

    /** Environment: the variable AWS's own Maven guide exports; used as is, after {@link #ENV_AUTH_TOKEN}. */
    public static final String ENV_CODEARTIFACT_AUTH_TOKEN = "CODEARTIFACT_AUTH_TOKEN";

    /** Environment: ARN of an IAM role to assume when the default credentials cannot get a token. */
    public static final String ENV_ROLE_ARN = "POETRY_AWS_PLUGIN_ROLE_ARN";

    /** Maven property: same as {@link #ENV_ROLE_ARN}, which it overrides. */
    public static final String ROLE_ARN = "codeartifact.roleArn";

    /** Maven property, boolean, default false: leave every repository to Maven as if the extension were absent. */
    public static final String SKIP = "codeartifact.skip";

    /**
     * Maven property, boolean, default {@value #DEFAULT_CACHE}: share tokens obtained from AWS between all Maven
     * processes of the user through files in {@link #CACHE_DIR}, so that parallel and successive builds fetch one
     * token per domain and AWS identity instead of one each. Tokens from variables are never written.
     */
    public static final String CACHE = "codeartifact.cache";

    public static final boolean DEFAULT_CACHE = true;

    /**
     * Maven property, path, default {@value #DEFAULT_CACHE_DIR} in Maven's user home ({@code maven.user.home},
     * else {@code ~/.m2}): the directory of the token cache, created on first use with mode 0700. A relative path
     * is resolved against the working directory.
     */
    public static final String CACHE_DIR = "codeartifact.cacheDir";

    public static final String DEFAULT_CACHE_DIR = "codeartifact-tokens";

    /** Longest token accepted from a variable: real ones are about 1 KB; anything far longer is a pasted mistake. */
    static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private ConfigKeys() {}
}
