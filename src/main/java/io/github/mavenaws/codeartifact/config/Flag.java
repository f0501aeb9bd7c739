package io.github.mavenaws.codeartifact.config;

/** A boolean setting: {@code true} or {@code false} in any case, nothing else, so that a typo is not read as false. */
final class Flag {
    private Flag() {}

    /**
     * @param setting the setting holding the value, not null
     * @param defaultValue the setting's default, which the message offers as the other way out
     * @throws ConfigurationException naming the setting, the value's shape and the fix
     */
    static boolean parse(Setting setting, boolean defaultValue) throws ConfigurationException {
        if ("true".equalsIgnoreCase(setting.value())) {
            return true;
        }
        if ("false".equalsIgnoreCase(setting.value())) {
            return false;
        }
        throw new ConfigurationException(setting + " must be true or false, but its value is not a boolean: "
                + setting.shape() + ". Use " + setting.example(String.valueOf(!defaultValue))
                + " or remove it for the default, " + defaultValue + ".");
    }
}
