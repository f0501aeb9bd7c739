package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class PreemptiveAuthSessionTest {

    @Test
    void everyTransportOfBothResolversIsPreemptiveForTheRepositoryOnly() {
        Map<String, Object> config =
                new PreemptiveAuthSession(new DefaultRepositorySystemSession(), "ca").getConfigProperties();

        assertEquals(Boolean.TRUE, config.get("aether.connector.http.preemptiveAuth.ca"));
        assertEquals(Boolean.TRUE, config.get("aether.transport.http.preemptiveAuth.ca"));
        for (String key : new String[] {"aether.connector.wagon.config.ca", "aether.transport.wagon.config.ca"}) {
            Xpp3Dom wagon = (Xpp3Dom) config.get(key);
            assertEquals("true", wagon.getChild("httpConfiguration").getChild("all").getChild("usePreemptive")
                    .getValue(), key);
        }
        assertFalse(config.containsKey("aether.transport.http.preemptiveAuth"));
        assertFalse(config.keySet().stream().anyMatch(k -> k.endsWith(".other")));
    }

    @Test
    void aServerConfigurationOfTheUserWinsUnderEitherWagonKey() {
        Xpp3Dom users = new Xpp3Dom("configuration");
        for (String key : new String[] {"aether.connector.wagon.config.ca", "aether.transport.wagon.config.ca"}) {
            DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
            maven.setConfigProperty(key, users);

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca").getConfigProperties();

            assertSame(users, config.get(key));
            assertEquals(1, config.values().stream().filter(v -> v instanceof Xpp3Dom).count(), key);
        }
    }

    @Test
    void aPreemptiveSettingOfTheUserWins() {
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("aether.transport.http.preemptiveAuth.ca", "false");

        Map<String, Object> config = new PreemptiveAuthSession(maven, "ca").getConfigProperties();

        assertEquals("false", config.get("aether.transport.http.preemptiveAuth.ca"));
        assertEquals(Boolean.TRUE, config.get("aether.connector.http.preemptiveAuth.ca"));
    }
}
