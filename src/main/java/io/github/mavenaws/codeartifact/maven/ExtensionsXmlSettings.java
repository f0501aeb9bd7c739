package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.config.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.codehaus.plexus.PlexusContainer;
import org.codehaus.plexus.component.repository.exception.ComponentLookupException;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The {@code <configuration>} of the extension's entry in {@code .mvn/extensions.xml}. Maven 4 (extensions model
 * 1.2.0) lets a core extension carry one, and binds it, interpolated, as a {@link PlexusConfiguration} named after
 * the extension's {@code groupId:artifactId}; Maven 3, and a copy in {@code lib/ext}, bind none. Looked up through
 * the Plexus container, which every Maven exports to extensions (Guice and Sisu it does not), so that no Maven
 * fails to inject this component.
 */
@Named
@Singleton
public final class ExtensionsXmlSettings {
    /** The name Maven 4 binds the configuration under. */
    static final String KEY = "io.github.mavenaws:maven-aws-extension";

    private final PlexusContainer container;

    /** @param container Maven's container, not null */
    @Inject
    public ExtensionsXmlSettings(PlexusContainer container) {
        this.container = Objects.requireNonNull(container, "container cannot be null");
    }

    /**
     * The configuration's elements as settings, {@code <codeartifact.roleArn>arn:...</codeartifact.roleArn>} as
     * property {@code codeartifact.roleArn}; empty when there is no configuration. Which names are settings is
     * {@code ExtensionConfig}'s to check.
     *
     * @throws ConfigurationException for an element with elements inside, which no setting has
     */
    Map<String, String> properties() throws ConfigurationException {
        if (!container.hasComponent(PlexusConfiguration.class, KEY)) {
            return Collections.emptyMap();
        }
        try {
            return properties(container.lookup(PlexusConfiguration.class, KEY));
        } catch (ComponentLookupException e) {
            // Maven said it has the configuration: dropping it would drop the user's settings without a word
            throw new ConfigurationException("The <configuration> of " + KEY + " in .mvn/extensions.xml could not be"
                    + " read from Maven (" + e.getMessage() + "). Check that element, or move its settings to"
                    + " .mvn/maven.config as -D options.");
        }
    }

    static Map<String, String> properties(PlexusConfiguration configuration) throws ConfigurationException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (PlexusConfiguration child : configuration.getChildren()) {
            if (child.getChildCount() > 0) {
                throw new ConfigurationException("<" + child.getName() + "> in the <configuration> of "
                        + KEY + " in .mvn/extensions.xml holds elements; each setting is one element with a value,"
                        + " e.g. <codeartifact.profile>builds</codeartifact.profile>.");
            }
            String value = child.getValue(null);
            properties.put(child.getName(), value == null ? "" : value.trim());
        }
        return Collections.unmodifiableMap(properties);
    }
}
