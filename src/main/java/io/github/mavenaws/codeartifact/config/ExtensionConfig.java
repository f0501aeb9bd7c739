package io.github.mavenaws.codeartifact.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The extension's settings, read once from the environment and Maven's properties and checked, so that mistakes
 * are reported at session start instead of at the first download.
 */
public final class ExtensionConfig {
    private final String envToken;
    private final String codeartifactEnvToken;
    private final RoleArn roleArn;
    private final String roleSetting;
    private final boolean skip;
    private final boolean cache;
    private final Path cacheDir;
    private final AwsIdentity awsIdentity;
    private final Set<String> blankTokenVariables;

    private ExtensionConfig(
            String envToken,
            String codeartifactEnvToken,
            RoleArn roleArn,
            String roleSetting,
            boolean skip,
            boolean cache,
            Path cacheDir,
            AwsIdentity awsIdentity,
            Set<String> blankTokenVariables) {
        this.envToken = envToken;
        this.codeartifactEnvToken = codeartifactEnvToken;
        this.roleArn = roleArn;
        this.roleSetting = roleSetting;
        this.skip = skip;
        this.cache = cache;
        this.cacheDir = cacheDir;
        this.awsIdentity = awsIdentity;
        this.blankTokenVariables = blankTokenVariables;
    }

    /**
     * @param environment the process environment, not null
     * @param properties Maven's user and system properties (values of any type; non-strings are ignored), not null
     * @throws ConfigurationException for the first setting whose value cannot be used
     */
    public static ExtensionConfig from(Map<String, String> environment, Map<?, ?> properties)
            throws ConfigurationException {
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(properties, "properties cannot be null");
        String envToken = token(ConfigKeys.ENV_AUTH_TOKEN, environment.get(ConfigKeys.ENV_AUTH_TOKEN));
        String codeartifactEnvToken =
                token(ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN, environment.get(ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN));

        String roleSetting = ConfigKeys.ENV_ROLE_ARN;
        String role = blankToNull(environment.get(ConfigKeys.ENV_ROLE_ARN));
        String roleProperty = blankToNull(string(properties, ConfigKeys.ROLE_ARN));
        if (roleProperty != null) {
            roleSetting = ConfigKeys.ROLE_ARN;
            role = roleProperty;
        }
        RoleArn roleArn = role == null ? null : RoleArn.parse(roleSetting, role);

        boolean skip = bool(ConfigKeys.SKIP, string(properties, ConfigKeys.SKIP), false);
        boolean cache = bool(ConfigKeys.CACHE, string(properties, ConfigKeys.CACHE), ConfigKeys.DEFAULT_CACHE);
        Path cacheDir = cacheDir(properties, cache);
        return new ExtensionConfig(envToken, codeartifactEnvToken, roleArn, roleSetting, skip, cache, cacheDir,
                AwsIdentity.defaultCredentials(environment, properties), blankTokenVariables(environment));
    }

    /**
     * The cache directory, checked but not created: only a build that fetches a token from AWS creates it. A file in
     * its place is reported now, when the cache is on, rather than silently costing every build its cache.
     */
    private static Path cacheDir(Map<?, ?> properties, boolean cache) throws ConfigurationException {
        String configured = blankToNull(string(properties, ConfigKeys.CACHE_DIR));
        Path dir;
        if (configured != null) {
            try {
                dir = Paths.get(configured).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new ConfigurationException(ConfigKeys.CACHE_DIR + " is not a valid path on this system: "
                        + e.getReason() + ". Set it to a directory, e.g. -D" + ConfigKeys.CACHE_DIR
                        + "=/home/me/.m2/" + ConfigKeys.DEFAULT_CACHE_DIR + ", or remove it.");
            }
        } else {
            String mavenHome = blankToNull(string(properties, "maven.user.home"));
            String userHome = blankToNull(string(properties, "user.home"));
            Path home = mavenHome != null
                    ? Paths.get(mavenHome)
                    : Paths.get(userHome != null ? userHome : System.getProperty("user.home"), ".m2");
            dir = home.resolve(ConfigKeys.DEFAULT_CACHE_DIR).toAbsolutePath();
        }
        if (cache && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigurationException((configured != null
                            ? ConfigKeys.CACHE_DIR + " names a file, not a directory: " + dir
                            : dir + " (the default of " + ConfigKeys.CACHE_DIR + ") is a file, not a directory")
                    + ". Point " + ConfigKeys.CACHE_DIR + " at a directory (it is created when missing), remove the"
                    + " file, or turn the token cache off with -D" + ConfigKeys.CACHE + "=false.");
        }
        return dir;
    }

    /**
     * A token from a variable: trimmed (shells and CI secrets add newlines), else left alone and never echoed. A
     * CodeArtifact token is one run of printable ASCII; anything else in it is a pasting or quoting mistake that
     * would only surface as an unexplained 401, so it is refused here, naming the position but never the value.
     */
    private static String token(String variable, String value) throws ConfigurationException {
        String token = blankToNull(value);
        if (token == null) {
            return null;
        }
        String fix = " Export only the token, e.g. " + variable + "=$(aws codeartifact get-authorization-token"
                + " --domain <domain> --domain-owner <account-id> --query authorizationToken --output text).";
        if (token.length() > ConfigKeys.MAX_TOKEN_LENGTH) {
            throw new ConfigurationException(variable + " holds " + token.length()
                    + " characters, far more than a CodeArtifact token (about 1,000)." + fix);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String where = " (character " + (i + 1) + " of " + token.length() + ")";
            // isSpaceChar: no-break and other Unicode spaces, which trim() keeps and isWhitespace misses
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new ConfigurationException(variable + " contains whitespace or a line break inside the value"
                        + where + ", so it is not a single CodeArtifact token." + fix);
            }
            if (c > '~') {
                throw new ConfigurationException(variable + " contains a character that is not printable ASCII"
                        + where + ", which no CodeArtifact token has: it was probably pasted with a look-alike or"
                        + " invisible character." + fix);
            }
        }
        return token;
    }

    /** Names of the token variables that are set but hold nothing but whitespace. */
    private static Set<String> blankTokenVariables(Map<String, String> environment) {
        Set<String> blank = new HashSet<>();
        for (String variable : new String[] {ConfigKeys.ENV_AUTH_TOKEN, ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN}) {
            String value = environment.get(variable);
            if (value != null && value.trim().isEmpty()) {
                blank.add(variable);
            }
        }
        return Collections.unmodifiableSet(blank);
    }

    private static boolean bool(String key, String value, boolean defaultValue) throws ConfigurationException {
        if (value == null || value.trim().isEmpty()) {
            return defaultValue;
        }
        String v = value.trim();
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new ConfigurationException(key + " must be true or false, but its value is not a boolean. Use -D" + key
                + "=" + !defaultValue + " or remove it.");
    }

    private static String string(Map<?, ?> properties, String key) {
        Object value = properties.get(key);
        return value instanceof String ? (String) value : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    /** The token exported in {@link ConfigKeys#ENV_AUTH_TOKEN}, or null. */
    public String envToken() {
        return envToken;
    }

    /** The token exported in {@link ConfigKeys#ENV_CODEARTIFACT_AUTH_TOKEN}, or null. */
    public String codeartifactEnvToken() {
        return codeartifactEnvToken;
    }

    /**
     * Whether a token variable is set but empty or only whitespace: ignored like an unset one (CI systems export
     * missing secrets that way), yet worth saying so when no token can be found.
     *
     * @param variable {@link ConfigKeys#ENV_AUTH_TOKEN} or {@link ConfigKeys#ENV_CODEARTIFACT_AUTH_TOKEN}, not null
     */
    public boolean isSetButBlank(String variable) {
        return blankTokenVariables.contains(variable);
    }

    /** The role to fall back to, or null. */
    public RoleArn roleArn() {
        return roleArn;
    }

    /** Which setting named the role: the Maven property when given, else the environment variable. */
    public String roleSetting() {
        return roleSetting;
    }

    public boolean skip() {
        return skip;
    }

    /** Whether tokens from AWS are shared between Maven processes through {@link #cacheDir()}. */
    public boolean cache() {
        return cache;
    }

    /** The token cache's directory, absolute, never null; it may not exist yet. */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Who the default AWS credentials are, as named by the settings; never null. */
    public AwsIdentity awsIdentity() {
        return awsIdentity;
    }

    @Override
    public String toString() {
        return "ExtensionConfig[" + ConfigKeys.ENV_AUTH_TOKEN + (envToken == null ? " not set" : " set") + ", "
                + ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN + (codeartifactEnvToken == null ? " not set" : " set")
                + ", role=" + (roleArn == null ? "none" : roleArn) + ", skip=" + skip
                + ", cache=" + (cache ? cacheDir.toString() : "off") + ", AWS identity=" + awsIdentity + "]";
    }
}
