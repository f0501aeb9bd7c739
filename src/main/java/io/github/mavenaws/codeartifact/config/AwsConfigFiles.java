package io.github.mavenaws.codeartifact.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS config and credentials files, found where the AWS SDK looks for them (system property, then variable, then
 * {@code ~/.aws}), and the profile names they define. Only section headers are read, without the SDK: checking a
 * profile name at the build's start must not load the SDK into builds that never call AWS.
 */
final class AwsConfigFiles {
    /** {@code [default]} or {@code [profile name]} in the config file; other sections (sso-session...) are not. */
    private static final Pattern CONFIG_PROFILE = Pattern.compile("\\[\\s*(?:(default)|profile\\s+([^\\]]*?))\\s*\\]");

    /** {@code [name]} in the credentials file. */
    private static final Pattern CREDENTIALS_PROFILE = Pattern.compile("\\[\\s*([^\\]]*?)\\s*\\]");

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
     * Fails unless {@code setting} names a profile of either file.
     *
     * @return the profile's name
     * @throws ConfigurationException naming the setting, the files looked in, the profiles found and the fix
     */
    String requireProfile(Setting setting) throws ConfigurationException {
        Set<String> profiles = new TreeSet<>();
        boolean configRead = read(config, CONFIG_PROFILE, profiles);
        boolean credentialsRead = read(credentials, CREDENTIALS_PROFILE, profiles);
        if (profiles.contains(setting.value())) {
            return setting.value();
        }
        throw new ConfigurationException(setting + " names AWS profile '" + setting.value() + "', which is in"
                + " neither " + config + (configRead ? "" : " (not readable)") + " nor " + credentials
                + (credentialsRead ? "" : " (not readable)") + "; "
                + (profiles.isEmpty() ? "they define no profile" : "their profiles are " + String.join(", ", profiles))
                + ". Set " + setting + " to one of those, create the profile (aws configure --profile "
                + setting.value() + ", or aws configure sso), or remove " + setting
                + " to use the AWS SDK's default credentials (AWS_PROFILE included).");
    }

    /** Adds the profile names of {@code file}; false when it cannot be read (a missing file is common: no names). */
    private static boolean read(String file, Pattern header, Set<String> profiles) {
        try {
            Path path = Paths.get(file);
            if (!Files.isReadable(path)) {
                return false;
            }
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                Matcher m = header.matcher(line.trim());
                if (m.lookingAt()) {
                    profiles.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
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
