package io.github.mavenaws.codeartifact.config;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The extension's settings, read once from the environment and Maven's properties and checked, so that mistakes
 * are reported at session start instead of at the first download. A Maven property wins over its environment
 * variable (see {@link Settings}).
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

    private ExtensionConfig(
            String envToken,
            String codeartifactEnvToken,
            boolean skip,
            boolean cache,
            Path cacheDir,
            AwsSettings aws,
            Map<String, AwsSettings> domainAws,
            Set<String> blankTokenVariables) {
        this.envToken = envToken;
        this.codeartifactEnvToken = codeartifactEnvToken;
        this.skip = skip;
        this.cache = cache;
        this.cacheDir = cacheDir;
        this.aws = aws;
        this.domainAws = domainAws;
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
        checkCase(properties);
        String envToken = Settings.AUTH_TOKEN.read(environment, properties);
        String codeartifactEnvToken = Settings.CODEARTIFACT_AUTH_TOKEN.read(environment, properties);
        boolean skip = Settings.SKIP.read(environment, properties);
        boolean cache = Settings.CACHE.read(environment, properties);
        Path cacheDir = CacheDir.resolve(environment, properties, cache);
        AwsSettings aws = aws(environment, properties);
        return new ExtensionConfig(envToken, codeartifactEnvToken, skip, cache, cacheDir, aws,
                DomainOverrides.resolve(aws, environment, properties), blankTokenVariables(environment));
    }

    /**
     * A miscased key would be ignored, and the build would quietly run without the setting (another account's role,
     * a longer token); Maven property names are case sensitive, so say so instead.
     */
    private static void checkCase(Map<?, ?> properties) throws ConfigurationException {
        for (Object key : properties.keySet().toArray()) {
            for (SettingDescriptor<?> setting : Settings.all()) {
                String known = setting.property();
                if (known != null && key instanceof String && known.equalsIgnoreCase((String) key)
                        && !known.equals(key)) {
                    throw new ConfigurationException(key + " is not a setting of the extension: setting names are"
                            + " case sensitive. Rename it to " + known + ".");
                }
            }
        }
    }

    /** The build-wide AWS settings, before any per-domain override. */
    private static AwsSettings aws(Map<String, String> environment, Map<?, ?> properties)
            throws ConfigurationException {
        Setting profile = Settings.PROFILE.find(environment, properties);
        String profileName = profile == null ? null : Settings.PROFILE.parse(profile, environment, properties);
        AwsIdentity identity = profileName == null
                ? AwsIdentity.defaultCredentials(environment, properties)
                : AwsIdentity.profile(profileName, environment, properties);
        Setting role = Settings.ROLE_ARN.find(environment, properties);
        return new AwsSettings(
                profileName,
                profile == null ? null : profile.name(),
                identity,
                role == null ? null : Settings.ROLE_ARN.parse(role, environment, properties),
                role == null ? Settings.ROLE_ARN.variable() : role.name(),
                Settings.ROLE_SESSION_NAME.read(environment, properties),
                Settings.DURATION_SECONDS.read(environment, properties));
    }

    /** Names of the token variables that are set but hold nothing but whitespace. */
    private static Set<String> blankTokenVariables(Map<String, String> environment) {
        Set<String> blank = new HashSet<>();
        for (SettingDescriptor<?> token : new SettingDescriptor<?>[] {
            Settings.AUTH_TOKEN, Settings.CODEARTIFACT_AUTH_TOKEN
        }) {
            String value = environment.get(token.variable());
            if (value != null && value.trim().isEmpty()) {
                blank.add(token.variable());
            }
        }
        return Collections.unmodifiableSet(blank);
    }

    /** The token exported in {@link Settings#AUTH_TOKEN}, or null. */
    public String envToken() {
        return envToken;
    }

    /** The token exported in {@link Settings#CODEARTIFACT_AUTH_TOKEN}, or null. */
    public String codeartifactEnvToken() {
        return codeartifactEnvToken;
    }

    /**
     * Whether a token variable is set but empty or only whitespace: ignored like an unset one (CI systems export
     * missing secrets that way), yet worth saying so when no token can be found.
     *
     * @param variable {@link Settings#AUTH_TOKEN} or {@link Settings#CODEARTIFACT_AUTH_TOKEN}, not null
     */
    public boolean isSetButBlank(String variable) {
        return blankTokenVariables.contains(variable);
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
        return "ExtensionConfig[" + Settings.AUTH_TOKEN.variable() + (envToken == null ? " not set" : " set") + ", "
                + Settings.CODEARTIFACT_AUTH_TOKEN.variable() + (codeartifactEnvToken == null ? " not set" : " set")
                + ", skip=" + skip + ", cache=" + (cache ? cacheDir.toString() : "off") + ", aws=" + aws
                + (domainAws.isEmpty() ? "" : ", per domain=" + domainAws) + "]";
    }
}
