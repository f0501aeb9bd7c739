package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.config.ConfigurationException;
import java.util.List;
import java.util.Map;
import org.codehaus.plexus.configuration.xml.XmlPlexusConfiguration;
import org.junit.jupiter.api.Test;

class ExtensionsXmlSettingsTest {

    private static XmlPlexusConfiguration element(String name, String value) {
        XmlPlexusConfiguration element = new XmlPlexusConfiguration(name);
        element.setValue(value);
        return element;
    }

    @Test
    void eachElementIsASettingTrimmedInTheOrderGiven() throws Exception {
        XmlPlexusConfiguration configuration = new XmlPlexusConfiguration("configuration");
        configuration.addChild(element("codeartifact.profile", "  builds\n"));
        configuration.addChild(element("codeartifact.skip", null));

        Map<String, String> properties = ExtensionsXmlSettings.properties(configuration);

        assertEquals(List.of("codeartifact.profile", "codeartifact.skip"), List.copyOf(properties.keySet()));
        assertEquals("builds", properties.get("codeartifact.profile"));
        assertEquals("", properties.get("codeartifact.skip"), "an empty element is a blank value: unset");
    }

    @Test
    void anElementWithElementsInsideIsRefused() {
        XmlPlexusConfiguration configuration = new XmlPlexusConfiguration("configuration");
        XmlPlexusConfiguration nested = new XmlPlexusConfiguration("settings");
        nested.addChild(element("codeartifact.profile", "builds"));
        configuration.addChild(nested);

        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> ExtensionsXmlSettings.properties(configuration));

        assertTrue(e.getMessage().startsWith("<settings> in the <configuration> of " + ExtensionsXmlSettings.KEY),
                e.getMessage());
    }
}
