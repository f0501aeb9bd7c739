package io.github.mavenaws.codeartifact.config;

import io.github.mavenaws.codeartifact.endpoint.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-domain settings of builds that span accounts, {@code codeartifact.<domain>-<owner>.<setting>}, each read
 * from Maven's properties, checked, and applied over the build-wide settings: the result is one {@link AwsSettings}
 * per overridden domain. Which settings have a per-domain form is {@link Settings#perDomain()}'s to say.
 */
final class DomainOverrides {
    /** {@code codeartifact.<anything>.<setting>}, the setting in any case so that a miscased one is reported. */
    private static final Pattern KEY = key();

    private DomainOverrides() {}

    private static Pattern key() {
        StringBuilder suffixes = new StringBuilder();
        for (SettingDescriptor<?> setting : Settings.perDomain()) {
            suffixes.append(suffixes.length() == 0 ? "" : "|").append(Pattern.quote(setting.suffix()));
        }
        return Pattern.compile(Pattern.quote(Settings.PREFIX) + "(.+)\\.(" + suffixes + ")", Pattern.CASE_INSENSITIVE);
    }

    /**
     * @param defaults the build-wide settings, not null
     * @param environment the process environment, not null
     * @param properties Maven's properties, not null
     * @return the settings of each overridden domain, by {@code <domain>-<owner>}; never null
     * @throws ConfigurationException for the first per-domain setting (in key order) that cannot be used
     */
    static Map<String, AwsSettings> resolve(AwsSettings defaults, Map<String, String> environment,
            Map<?, ?> properties) throws ConfigurationException {
        SortedSet<String> names = new TreeSet<>();
        for (Object key : properties.keySet().toArray()) {
            if (key instanceof String) {
                names.add((String) key);
            }
        }
        SortedSet<String> domains = new TreeSet<>();
        for (String name : names) {
            Matcher m = KEY.matcher(name);
            if (!m.matches()) {
                continue;
            }
            String domainOwner = m.group(1);
            SettingDescriptor<?> setting = perDomainSetting(m.group(2));
            String canonical = setting.property(domainOwner);
            if (!canonical.equals(name)) {
                throw new ConfigurationException(name + " is not a setting of the extension: setting names are case"
                        + " sensitive. Rename it to " + canonical + ".");
            }
            if (!Names.isDomainOwner(domainOwner)) {
                throw new ConfigurationException(name + " does not name a CodeArtifact domain: the part between '"
                        + Settings.PREFIX + "' and '." + m.group(2) + "' must be <domain>-<owner> as in the repository"
                        + " host, a lower-case domain name, a hyphen and the owner's 12-digit account id, e.g. "
                        + setting.property("acme-111122223333") + ".");
            }
            domains.add(domainOwner);
        }
        Map<String, AwsSettings> overrides = new LinkedHashMap<>();
        for (String domainOwner : domains) {
            overrides.put(domainOwner, apply(defaults, domainOwner, environment, properties));
        }
        return Collections.unmodifiableMap(overrides);
    }

    private static AwsSettings apply(AwsSettings defaults, String domainOwner, Map<String, String> environment,
            Map<?, ?> properties) throws ConfigurationException {
        AwsSettings settings = defaults;
        Setting profile = Settings.PROFILE.find(domainOwner, properties);
        if (profile != null) {
            String name = Settings.PROFILE.parse(profile, environment, properties);
            settings = settings.withProfile(name, profile.name(), AwsIdentity.profile(name, environment, properties));
        }
        Setting role = Settings.ROLE_ARN.find(domainOwner, properties);
        if (role != null) {
            settings = settings.withRole(Settings.ROLE_ARN.parse(role, environment, properties), role.name());
        }
        Setting duration = Settings.DURATION_SECONDS.find(domainOwner, properties);
        if (duration != null) {
            settings = settings.withDurationSeconds(Settings.DURATION_SECONDS.parse(duration, environment, properties));
        }
        return settings;
    }

    /** The per-domain setting a key ends in, whatever its case. */
    private static SettingDescriptor<?> perDomainSetting(String suffix) {
        for (SettingDescriptor<?> setting : Settings.perDomain()) {
            if (setting.suffix().equalsIgnoreCase(suffix)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("not a per-domain setting: " + suffix);
    }
}
