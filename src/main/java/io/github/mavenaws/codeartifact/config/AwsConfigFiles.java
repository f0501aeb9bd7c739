package io.github.mavenaws.codeartifact.config;

import java.util.Map;
import java.util.Objects;

/**
 * Where the AWS config and credentials files are, found where the AWS SDK looks for them (system property, then
 * variable, then {@code ~/.aws}). Locating them reads nothing and loads no SDK class, so that every build can name
 * its AWS identity; what they say is read by {@link ProfileFiles}, the SDK's own parser, only when needed.
 */
final class AwsConfigFiles {
    private final String config;
    private final String credentials;

    private AwsConfigFiles(String config, String credentials) {
        this.config = config;
        this.credentials = credentials;
    }

    /**
     * @param environment the process environment, not null
     * @param properties Maven's properties (non-strings are ignored), not null
     */
    static AwsConfigFiles locate(Map<String, String> environment, Map<?, ?> properties) {
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(properties, "properties cannot be null");
        String home = home(environment, properties);
        return new AwsConfigFiles(
                file(environment, properties, "aws.configFile", "AWS_CONFIG_FILE", home, "config"),
                file(environment, properties, "aws.sharedCredentialsFile", "AWS_SHARED_CREDENTIALS_FILE", home,
                        "credentials"));
    }

    /** The config file's path as the SDK would open it. */
    String config() {
        return config;
    }

    /** The credentials file's path as the SDK would open it. */
    String credentials() {
        return credentials;
    }

    /**
     * Fails unless {@code setting} names a profile the AWS SDK finds in either file. This reads the files with the
     * SDK's parser at the build's start, which loads the SDK's profile classes into builds that name a profile even
     * when they need no token: the alternative, checking at the first token, would report a misspelt profile only
     * once a download needs it, and a parser of our own would accept what the SDK ignores. Builds that name no
     * profile load nothing.
     *
     * @param setting the setting naming the profile, not null
     * @return the profile's name
     * @throws ConfigurationException naming the setting, the files looked in, the profiles found and the fix
     */
    String requireProfile(Setting setting) throws ConfigurationException {
        ProfileFiles.read(this).requireProfile(setting);
        return setting.value();
    }

    private static String file(Map<String, String> environment, Map<?, ?> properties, String property,
            String variable, String home, String name) {
        Setting setting = Setting.find(environment, properties, property, variable);
        if (setting == null) {
            return home + "/.aws/" + name;
        }
        String value = setting.value();
        // The SDK expands a leading ~ in these settings; so do we, to look where it looks.
        return value.equals("~") || value.startsWith("~/") ? home + value.substring(1) : value;
    }

    /** The home the SDK expands {@code ~/.aws} in: HOME first, then Windows' USERPROFILE, then user.home. */
    private static String home(Map<String, String> environment, Map<?, ?> properties) {
        for (String variable : new String[] {"HOME", "USERPROFILE"}) {
            String value = environment.get(variable);
            if (value != null && !value.trim().isEmpty()) {
                return value.trim();
            }
        }
        Object home = properties.get("user.home");
        return home instanceof String ? (String) home : "~";
    }
}
