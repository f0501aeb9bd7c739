package io.github.mavenaws.codeartifact.config;

/**
 * The token lifetime GetAuthorizationToken accepts: 0 (as long as the role session) or 900 to 43200 seconds. Checked
 * here so that a typo stops the build at its start, not as a ValidationException at the first download.
 */
final class DurationSeconds {
    private static final long MIN = 900;
    private static final long MAX = 43_200;

    private DurationSeconds() {}

    /**
     * @param setting the setting holding the value, not null
     * @return the seconds, 0 or within [{@value #MIN}, {@value #MAX}]
     * @throws ConfigurationException naming the setting, what is wrong with the value and the fix
     */
    static long parse(Setting setting) throws ConfigurationException {
        String value = setting.value();
        long seconds;
        if (!value.matches("[+-]?\\d{1,18}")) {
            throw invalid(setting, value.matches("[+-]?\\d+") ? "a number far too large"
                    : setting.shape() + ", not a whole number of seconds"
                            + (value.matches("\\d+\\s*[a-zA-Z]+") ? " (no unit allowed)" : ""));
        }
        seconds = Long.parseLong(value);
        if (seconds < 0) {
            throw invalid(setting, seconds + ", a negative number");
        }
        if (seconds != 0 && seconds < MIN) {
            throw invalid(setting, seconds + ", below the minimum of " + MIN + " (15 minutes)");
        }
        if (seconds > MAX) {
            throw invalid(setting, seconds + ", above the maximum of " + MAX + " (12 hours)");
        }
        return seconds;
    }

    private static ConfigurationException invalid(Setting setting, String shape) {
        return new ConfigurationException(setting + " must be 0 (the token lasts as long as the assumed role's"
                + " session) or " + MIN + " to " + MAX + " seconds, but it is " + shape + ". Set e.g. "
                + setting.example("3600") + " for one hour, or remove it for CodeArtifact's default of 12 hours.");
    }
}
