package io.github.mavenaws.codeartifact.config;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
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
 * are reported at session start instead of at the first download. A Maven property wins over its environment
 * variable (see {@link ConfigKeys}).
 */
public final class ExtensionConfig {
    private final String envToken;
    private final String codeartifactEnvToken;
    private final boolean skip;
    private final boolean cache;
    private final Path cacheDir;
    private final AwsSettings aws;
    private final Map<String, AwsSettings> domainAws;
    private final Set<String> blankTokenVariables;
    private final AllowedOwners allowedOwners;

    private ExtensionConfig(
            String envToken,
            String codeartifactEnvToken,
            boolean skip,
            boolean cache,
            Path cacheDir,
            AwsSettings aws,
            Map<String, AwsSettings> domainAws,
            Set<String> blankTokenVariables,
            AllowedOwners allowedOwners) {
        this.envToken = envToken;
        this.codeartifactEnvToken = codeartifactEnvToken;
        this.skip = skip;
        this.cache = cache;
        this.cacheDir = cacheDir;
        this.aws = aws;
        this.domainAws = domainAws;
        this.blankTokenVariables = blankTokenVariables;
        this.allowedOwners = allowedOwners;
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
        checkCase(properties);
        String envToken = token(ConfigKeys.ENV_AUTH_TOKEN, environment.get(ConfigKeys.ENV_AUTH_TOKEN));
        String codeartifactEnvToken =
                token(ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN, environment.get(ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN));

        boolean skip = bool(find(environment, properties, ConfigKeys.SKIP, ConfigKeys.ENV_SKIP), false);
        boolean cache = bool(find(environment, properties, ConfigKeys.CACHE, ConfigKeys.ENV_CACHE),
                ConfigKeys.DEFAULT_CACHE);
        Path cacheDir = cacheDir(environment, properties, cache);
        AwsSettings aws = aws(environment, properties);
        return new ExtensionConfig(envToken, codeartifactEnvToken, skip, cache, cacheDir, aws,
                DomainOverrides.resolve(aws, environment, properties), blankTokenVariables(environment),
                AllowedOwners.from(environment, properties));
    }

    /**
     * A miscased key would be ignored, and the build would quietly run without the setting (another account's role,
     * a longer token); Maven property names are case sensitive, so say so instead.
     */
    private static void checkCase(Map<?, ?> properties) throws ConfigurationException {
        String[] keys = {ConfigKeys.ROLE_ARN, ConfigKeys.PROFILE, ConfigKeys.DURATION_SECONDS,
            ConfigKeys.ROLE_SESSION_NAME, ConfigKeys.SKIP, ConfigKeys.CACHE, ConfigKeys.CACHE_DIR,
            ConfigKeys.ALLOWED_OWNERS};
        for (Object key : properties.keySet().toArray()) {
            for (String known : keys) {
                if (key instanceof String && known.equalsIgnoreCase((String) key) && !known.equals(key)) {
                    throw new ConfigurationException(key + " is not a setting of the extension: setting names are"
                            + " case sensitive. Rename it to " + known + ".");
                }
            }
        }
    }

    /** The build-wide AWS settings, before any per-domain override. */
    private static AwsSettings aws(Map<String, String> environment, Map<?, ?> properties)
            throws ConfigurationException {
        Setting profile = find(environment, properties, ConfigKeys.PROFILE, ConfigKeys.ENV_PROFILE);
        AwsIdentity identity;
        if (profile != null) {
            AwsConfigFiles.locate(environment, properties).requireProfile(profile);
            identity = AwsIdentity.profile(profile.value(), environment, properties);
        } else {
            identity = AwsIdentity.defaultCredentials(environment, properties);
        }
        Setting role = find(environment, properties, ConfigKeys.ROLE_ARN, ConfigKeys.ENV_ROLE_ARN);
        RoleArn roleArn = role == null ? null : RoleArn.parse(role.name(), role.value());
        Setting sessionName =
                find(environment, properties, ConfigKeys.ROLE_SESSION_NAME, ConfigKeys.ENV_ROLE_SESSION_NAME);
        Setting duration = find(environment, properties, ConfigKeys.DURATION_SECONDS, ConfigKeys.ENV_DURATION_SECONDS);
        return new AwsSettings(
                profile == null ? null : profile.value(),
                profile == null ? null : profile.name(),
                identity,
                roleArn,
                role == null ? ConfigKeys.ENV_ROLE_ARN : role.name(),
                sessionName == null ? ConfigKeys.DEFAULT_ROLE_SESSION_NAME : RoleSessionName.parse(sessionName),
                duration == null ? null : DurationSeconds.parse(duration));
    }

    /**
     * The cache directory, checked but not created: only a build that fetches a token from AWS creates it. A file in
     * its place is reported now, when the cache is on, rather than silently costing every build its cache.
     */
    private static Path cacheDir(Map<String, String> environment, Map<?, ?> properties, boolean cache)
            throws ConfigurationException {
        Setting configured = find(environment, properties, ConfigKeys.CACHE_DIR, ConfigKeys.ENV_CACHE_DIR);
        Path dir;
        if (configured != null) {
            try {
                dir = Paths.get(configured.value()).toAbsolutePath();
            } catch (InvalidPathException e) {
                throw new ConfigurationException(configured + " is not a valid path on this system: "
                        + e.getReason() + ". Set it to a directory, e.g. "
                        + configured.example("/home/me/.m2/" + ConfigKeys.DEFAULT_CACHE_DIR) + ", or remove it.");
            }
        } else {
            String mavenHome = blankToNull(string(properties, "maven.user.home"));
            String userHome = blankToNull(string(properties, "user.home"));
            Path home = mavenHome != null
                    ? Paths.get(mavenHome)
                    : Paths.get(userHome != null ? userHome : System.getProperty("user.home"), ".m2");
            // A home that is not absolute ('?' in a container without a passwd entry) is kept as it is: resolved,
            // it would put tokens under the project; the cache refuses such a folder with a warning.
            dir = home.resolve(ConfigKeys.DEFAULT_CACHE_DIR);
            dir = dir.isAbsolute() ? dir : dir.normalize();
        }
        if (cache && dir.isAbsolute() && Files.exists(dir) && !Files.isDirectory(dir)) {
            String setting = configured != null ? configured.name() : ConfigKeys.CACHE_DIR;
            throw new ConfigurationException((configured != null
                            ? setting + " names a file, not a directory: " + dir
                            : dir + " (the default of " + setting + ") is a file, not a directory")
                    + ". Point " + setting + " at a directory (it is created when missing), remove the"
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

    private static boolean bool(Setting setting, boolean defaultValue) throws ConfigurationException {
        if (setting == null) {
            return defaultValue;
        }
        if ("true".equalsIgnoreCase(setting.value())) {
            return true;
        }
        if ("false".equalsIgnoreCase(setting.value())) {
            return false;
        }
        throw new ConfigurationException(setting + " must be true or false, but its value is not a boolean: "
                + setting.shape() + ". Use "
                + setting.example(String.valueOf(!defaultValue)) + " or remove it for the default, "
                + defaultValue + ".");
    }

    private static Setting find(Map<String, String> environment, Map<?, ?> properties, String property,
            String variable) {
        return Setting.find(environment, properties, property, variable);
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

    /** The build-wide role to fall back to, or null; a domain may override it (see {@link #aws(DomainKey)}). */
    public RoleArn roleArn() {
        return aws.roleArn();
    }

    /** Which setting named the build-wide role: the Maven property when given, else the environment variable. */
    public String roleSetting() {
        return aws.roleSetting();
    }

    public boolean skip() {
        return skip;
    }

    /** Whether tokens from AWS are shared between Maven processes through {@link #cacheDir()}. */
    public boolean cache() {
        return cache;
    }

    /**
     * The token cache's directory, never null; it may not exist yet. Absolute, unless it is the default and the user's
     * home is not an absolute path: the cache then refuses it rather than resolve it against the project.
     */
    public Path cacheDir() {
        return cacheDir;
    }

    /** Who the build-wide AWS credentials are, as named by the settings; never null. */
    public AwsIdentity awsIdentity() {
        return aws.identity();
    }

    /** The build-wide AWS settings, those of every domain without per-domain settings; never null. */
    public AwsSettings aws() {
        return aws;
    }

    /** The accounts whose repositories may be given a token ({@link ConfigKeys#ALLOWED_OWNERS}); never null. */
    public AllowedOwners allowedOwners() {
        return allowedOwners;
    }

    /**
     * The AWS settings for the domain: its per-domain settings over the build-wide ones, if it has any.
     *
     * @param key the domain (any region), not null
     * @return never null
     */
    public AwsSettings aws(DomainKey key) {
        AwsSettings domain = domainAws.get(key.domain() + "-" + key.owner());
        return domain != null ? domain : aws;
    }

    @Override
    public String toString() {
        return "ExtensionConfig[" + ConfigKeys.ENV_AUTH_TOKEN + (envToken == null ? " not set" : " set") + ", "
                + ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN + (codeartifactEnvToken == null ? " not set" : " set")
                + ", skip=" + skip + ", cache=" + (cache ? cacheDir.toString() : "off") + ", aws=" + aws
                + (domainAws.isEmpty() ? "" : ", per domain=" + domainAws)
                + (allowedOwners.restricted() ? ", allowed owners=" + allowedOwners : "") + "]";
    }
}
