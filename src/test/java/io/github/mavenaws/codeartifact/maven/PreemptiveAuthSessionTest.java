package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class PreemptiveAuthSessionTest {
    private static final AuthorizationToken TOKEN = new AuthorizationToken("tok3n", null, "test");

    @Test
    void everyTransportOfBothResolversIsPreemptiveForTheRepositoryOnly() {
        Map<String, Object> config =
                new PreemptiveAuthSession(new DefaultRepositorySystemSession(), "ca", TOKEN).getConfigProperties();

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

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca", TOKEN).getConfigProperties();

            assertSame(users, config.get(key));
            assertEquals(1, config.values().stream().filter(v -> v instanceof Xpp3Dom).count(), key);
        }
    }

    @Test
    void aPreemptiveSettingOfTheUserWins() {
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("aether.transport.http.preemptiveAuth.ca", "false");

        Map<String, Object> config = new PreemptiveAuthSession(maven, "ca", TOKEN).getConfigProperties();

        assertEquals("false", config.get("aether.transport.http.preemptiveAuth.ca"));
        assertEquals(Boolean.TRUE, config.get("aether.connector.http.preemptiveAuth.ca"));
    }

    @Test
    void whereTheUserLeftTheTransportToMavenResolversApacheTransportServesTheRepository() {
        for (String transport : new String[] {null, "default", "auto"}) {
            DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
            maven.setConfigProperty("maven.resolver.transport", transport);

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca", TOKEN).getConfigProperties();

            assertEquals(String.valueOf(Float.MAX_VALUE), config.get("aether.priority.ApacheTransporterFactory"));
            assertEquals(Boolean.FALSE, config.get("aether.priority.cached"), "Maven's memo of the ranking is not"
                    + " shared");
        }
    }

    @Test
    void aTransportTheUserChoseIsKept() {
        String[][] choices = {
            {"maven.resolver.transport", "jdk"},
            {"maven.resolver.transport", "wagon"},
            {"aether.priority.JdkTransporterFactory", "3.4028235E38"},
            {"aether.priority.WagonTransporterFactory", "3.4028235E38"},
            {"aether.priority.ApacheTransporterFactory", "-1"}
        };
        for (String[] choice : choices) {
            DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
            maven.setConfigProperty(choice[0], choice[1]);

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca", TOKEN).getConfigProperties();

            assertEquals(maven.getConfigProperties().get("aether.priority.ApacheTransporterFactory"),
                    config.get("aether.priority.ApacheTransporterFactory"), choice[0] + "=" + choice[1]);
            assertFalse(config.containsKey("aether.priority.cached"), choice[0] + "=" + choice[1]);
        }
    }

    @Test
    void theTuningsChangeACopyMavensSessionKeepsItsOwn() {
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("x", "y");

        Map<String, Object> config = new PreemptiveAuthSession(maven, "ca", TOKEN).getConfigProperties();

        assertEquals("y", config.get("x"));
        assertEquals(Map.of("x", "y"), maven.getConfigProperties());
        assertThrows(UnsupportedOperationException.class, () -> config.put("x", "z"));
    }
}
