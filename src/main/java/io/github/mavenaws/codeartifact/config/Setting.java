package io.github.mavenaws.codeartifact.config;

import java.util.Map;
import java.util.Objects;

/**
 * A value the user set and where it was set: the Maven property or the environment variable. Messages about a bad
 * value name the very setting the user wrote, and show the fix in the same form.
 */
final class Setting {
    private final String name;
    private final String value;
    private final boolean variable;

    private Setting(String name, String value, boolean variable) {
        this.name = name;
        this.value = value;
        this.variable = variable;
    }

    /**
     * The Maven property if set, else the environment variable, else null; values are trimmed and blank counts as
     * unset.
     *
     * @param environment the process environment, not null
     * @param properties Maven's properties (non-strings are ignored), not null
     * @param property the Maven property's name, or null when the setting has none
     * @param variable the variable's name, or null when the setting has none
     */
    static Setting find(Map<String, String> environment, Map<?, ?> properties, String property, String variable) {
        Objects.requireNonNull(environment, "environment cannot be null");
        Objects.requireNonNull(properties, "properties cannot be null");
        Object fromProperties = property == null ? null : properties.get(property);
        if (fromProperties instanceof String && !((String) fromProperties).trim().isEmpty()) {
            return new Setting(property, ((String) fromProperties).trim(), false);
        }
        String fromEnvironment = variable == null ? null : environment.get(variable);
        if (fromEnvironment != null && !fromEnvironment.trim().isEmpty()) {
            return new Setting(variable, fromEnvironment.trim(), true);
        }
        return null;
    }

    /** The setting's name: the property's or the variable's, whichever gave the value. */
    public String name() {
        return name;
    }

    /** The trimmed, non-blank value. */
    public String value() {
        return value;
    }

    /**
     * The value for a message about a non-secret setting: quoted when short and plain, otherwise only its length, so
     * that a pasted secret or a page of text is never echoed.
     */
    public String shape() {
        return value.length() <= 32 && value.matches("[\\x21-\\x7e]+(?: [\\x21-\\x7e]+)*")
                ? "'" + value + "'"
                : "a value of " + value.length() + " characters";
    }

    /** How to give this setting {@code example} in the form the user chose: {@code -Dname=x} or {@code NAME=x}. */
    public String example(String example) {
        return (variable ? "" : "-D") + name + "=" + example;
    }

    /** Names the setting only: values may be secrets or long, and messages describe them instead. */
    @Override
    public String toString() {
        return name;
    }
}
