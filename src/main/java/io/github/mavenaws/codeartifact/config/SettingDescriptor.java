package io.github.mavenaws.codeartifact.config;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One setting of the extension, described once: its Maven property and its environment variable (either may be
 * absent), the value it takes when unset, whether {@code codeartifact.<domain>-<owner>.} narrows it to one domain,
 * and the parser that checks a value the user set. {@link Settings} lists every one of them; reading, the case
 * check, the per-domain keys and the messages' fixes all go through this list.
 *
 * @param <T> the type of the setting's value
 */
public final class SettingDescriptor<T> {
    /** Checks a value the user set and turns it into the setting's type. */
    @FunctionalInterface
    interface Parser<T> {
        /**
         * @param setting the value and where it was set, not null
         * @param environment the process environment, for parsers that look at files it names, not null
         * @param properties Maven's properties, likewise, not null
         * @throws ConfigurationException naming the setting, the value's shape and the fix
         */
        T parse(Setting setting, Map<String, String> environment, Map<?, ?> properties) throws ConfigurationException;
    }

    private final String property;
    private final String variable;
    private final T defaultValue;
    private final boolean perDomain;
    private final Parser<T> parser;

    /**
     * @param property the Maven property, or null for a variable only
     * @param variable the environment variable, or null for a property only
     * @param defaultValue the value when unset, or null when unset means "none"
     * @param perDomain whether {@code codeartifact.<domain>-<owner>.<name>} overrides it for one domain
     * @param parser checks a value the user set, not null
     */
    SettingDescriptor(String property, String variable, T defaultValue, boolean perDomain, Parser<T> parser) {
        if (property == null && variable == null) {
            throw new IllegalArgumentException("a setting needs a property or a variable");
        }
        if (perDomain && property == null) {
            throw new IllegalArgumentException("a per-domain setting needs a property");
        }
        this.property = property;
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.perDomain = perDomain;
        this.parser = Objects.requireNonNull(parser, "parser cannot be null");
    }

    /** The Maven property, {@code codeartifact.<name>}, or null when the setting is a variable only. */
    public String property() {
        return property;
    }

    /** The environment variable, or null when the setting is a Maven property only. */
    public String variable() {
        return variable;
    }

    /** The value when the setting is unset, or null when unset means "none". */
    public T defaultValue() {
        return defaultValue;
    }

    /** Whether {@code codeartifact.<domain>-<owner>.<name>} overrides the setting for the repositories of a domain. */
    public boolean perDomain() {
        return perDomain;
    }

    /** The property without {@link Settings#PREFIX}: {@code roleArn} for {@code codeartifact.roleArn}; null if none. */
    String suffix() {
        return property == null ? null : property.substring(Settings.PREFIX.length());
    }

    /**
     * The per-domain property: {@code codeartifact.acme-111122223333.roleArn} for {@code acme-111122223333} and the
     * role's setting.
     *
     * @param domainOwner the domain and its owner's account id as in the repository host, not null
     * @throws IllegalStateException when the setting has no per-domain form
     */
    public String property(String domainOwner) {
        Objects.requireNonNull(domainOwner, "domainOwner cannot be null");
        if (!perDomain) {
            throw new IllegalStateException(name() + " has no per-domain form");
        }
        return Settings.PREFIX + domainOwner + "." + suffix();
    }

    /** The Maven property if the setting has one, else the variable: how documentation and messages name it. */
    public String name() {
        return property != null ? property : variable;
    }

    /** The value the user set, the property winning over the variable, or null when neither is set. */
    Setting find(Map<String, String> environment, Map<?, ?> properties) {
        return Setting.find(environment, properties, property, variable);
    }

    /** The value of the per-domain property, or null when it is not set; a per-domain setting has no variable. */
    Setting find(String domainOwner, Map<?, ?> properties) {
        return Setting.find(Collections.<String, String>emptyMap(), properties, property(domainOwner), null);
    }

    /**
     * @param setting a value of this setting, build-wide or per-domain, not null
     * @throws ConfigurationException naming the setting, the value's shape and the fix
     */
    T parse(Setting setting, Map<String, String> environment, Map<?, ?> properties) throws ConfigurationException {
        return parser.parse(Objects.requireNonNull(setting, "setting cannot be null"), environment, properties);
    }

    /**
     * The setting's value: the user's, checked, else the default.
     *
     * @throws ConfigurationException when the user's value cannot be used
     */
    T read(Map<String, String> environment, Map<?, ?> properties) throws ConfigurationException {
        Setting setting = find(environment, properties);
        return setting == null ? defaultValue : parse(setting, environment, properties);
    }
}
