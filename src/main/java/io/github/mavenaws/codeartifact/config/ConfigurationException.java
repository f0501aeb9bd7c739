package io.github.mavenaws.codeartifact.config;

/**
 * A setting has a value the extension cannot use. The message names the setting, the shape of the bad value and
 * the fix, and never repeats a secret.
 */
public final class ConfigurationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
