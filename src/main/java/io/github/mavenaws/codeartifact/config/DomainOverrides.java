package io.github.mavenaws.codeartifact.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The per-domain settings of builds that span accounts, {@code codeartifact.<domain>-<owner>.<setting>}, each read
 * from Maven's properties, checked, and applied over the build-wide settings: the result is one {@link AwsSettings}
 * per overridden domain.
 */
final class DomainOverrides {
    private static final List<String> SETTINGS = Collections.unmodifiableList(Arrays.asList(
            ConfigKeys.ROLE_ARN, ConfigKeys.PROFILE, ConfigKeys.DURATION_SECONDS));

    /** {@code codeartifact.<anything>.<setting>}, the setting in any case so that a miscased one is reported. */
    private static final Pattern KEY =
            Pattern.compile("codeartifact\\.(.+)\\.(roleArn|profile|durationSeconds)", Pattern.CASE_INSENSITIVE);

    /** As in a repository host: the domain, a hyphen, the owner's 12-digit account id. */
    private static final Pattern DOMAIN_OWNER = Pattern.compile("[a-z][a-z0-9-]{0,48}[a-z0-9]-\\d{12}");

    private DomainOverrides() {}

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
            String canonical = ConfigKeys.perDomain(domainOwner, canonicalSetting(m.group(2)));
            if (!canonical.equals(name)) {
                throw new ConfigurationException(name + " is not a setting of the extension: setting names are case"
                        + " sensitive. Rename it to " + canonical + ".");
            }
            if (!DOMAIN_OWNER.matcher(domainOwner).matches()) {
                throw new ConfigurationException(name + " does not name a CodeArtifact domain: the part between"
                        + " 'codeartifact.' and '." + m.group(2) + "' must be <domain>-<owner> as in the repository"
                        + " host, a lower-case domain name, a hyphen and the owner's 12-digit account id, e.g. "
                        + ConfigKeys.perDomain("acme-111122223333", canonicalSetting(m.group(2))) + ".");
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
        Setting profile = find(environment, properties, domainOwner, ConfigKeys.PROFILE);
        if (profile != null) {
            AwsConfigFiles.locate(environment, properties).requireProfile(profile);
            settings = settings.withProfile(profile.value(), profile.name(),
                    AwsIdentity.profile(profile.value(), environment, properties));
        }
        Setting role = find(environment, properties, domainOwner, ConfigKeys.ROLE_ARN);
        if (role != null) {
            settings = settings.withRole(RoleArn.parse(role.name(), role.value()), role.name());
        }
        Setting duration = find(environment, properties, domainOwner, ConfigKeys.DURATION_SECONDS);
        if (duration != null) {
            settings = settings.withDurationSeconds(DurationSeconds.parse(duration));
        }
        return settings;
    }

    private static Setting find(
            Map<String, String> environment, Map<?, ?> properties, String domainOwner, String setting) {
        return Setting.find(environment, properties, ConfigKeys.perDomain(domainOwner, setting), null);
    }

    /** The global key of a per-domain setting's last part, whatever its case. */
    private static String canonicalSetting(String suffix) {
        for (String setting : SETTINGS) {
            if (setting.substring(ConfigKeys.PREFIX.length()).equalsIgnoreCase(suffix)) {
                return setting;
            }
        }
        throw new IllegalArgumentException("not a per-domain setting: " + suffix);
    }
}
