package io.github.mavenaws.codeartifact.config;

import java.util.Map;
import java.util.Objects;

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

    private ExtensionConfig(
            String envToken, String codeartifactEnvToken, RoleArn roleArn, String roleSetting, boolean skip) {
        this.envToken = envToken;
        this.codeartifactEnvToken = codeartifactEnvToken;
        this.roleArn = roleArn;
        this.roleSetting = roleSetting;
        this.skip = skip;
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

        boolean skip = bool(ConfigKeys.SKIP, string(properties, ConfigKeys.SKIP));
        return new ExtensionConfig(envToken, codeartifactEnvToken, roleArn, roleSetting, skip);
    }

    /** A token from a variable: trimmed (shells and CI secrets add newlines), else left alone and never echoed. */
    private static String token(String variable, String value) throws ConfigurationException {
        String token = blankToNull(value);
        if (token == null) {
            return null;
        }
        if (token.length() > ConfigKeys.MAX_TOKEN_LENGTH) {
            throw new ConfigurationException(variable + " holds " + token.length()
                    + " characters, far more than a CodeArtifact token (about 1,000). Export only the token, e.g. "
                    + variable + "=$(aws codeartifact get-authorization-token --domain <domain> --domain-owner"
                    + " <account-id> --query authorizationToken --output text).");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new ConfigurationException(variable + " contains whitespace or a line break inside the value,"
                        + " so it is not a single CodeArtifact token. Export only the token, e.g. " + variable
                        + "=$(aws codeartifact get-authorization-token --domain <domain> --domain-owner <account-id>"
                        + " --query authorizationToken --output text).");
            }
        }
        return token;
    }

    private static boolean bool(String key, String value) throws ConfigurationException {
        if (value == null || value.trim().isEmpty()) {
            return false;
        }
        String v = value.trim();
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new ConfigurationException(
                key + " must be true or false, but its value is not a boolean. Use -D" + key + "=true or remove it.");
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

    @Override
    public String toString() {
        return "ExtensionConfig[" + ConfigKeys.ENV_AUTH_TOKEN + (envToken == null ? " not set" : " set") + ", "
                + ConfigKeys.ENV_CODEARTIFACT_AUTH_TOKEN + (codeartifactEnvToken == null ? " not set" : " set")
                + ", role=" + (roleArn == null ? "none" : roleArn) + ", skip=" + skip + "]";
    }
}
