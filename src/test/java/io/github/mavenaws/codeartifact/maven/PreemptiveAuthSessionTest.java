package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;
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

    @Test
    void whereTheUserLeftTheTransportToMavenResolversApacheTransportServesTheRepository() {
        for (String transport : new String[] {null, "default", "auto"}) {
            DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
            maven.setConfigProperty("maven.resolver.transport", transport);

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca").getConfigProperties();

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

            Map<String, Object> config = new PreemptiveAuthSession(maven, "ca").getConfigProperties();

            assertEquals(maven.getConfigProperties().get("aether.priority.ApacheTransporterFactory"),
                    config.get("aether.priority.ApacheTransporterFactory"), choice[0] + "=" + choice[1]);
            assertFalse(config.containsKey("aether.priority.cached"), choice[0] + "=" + choice[1]);
        }
    }

    @Test
    void theTransportSeesTheDefaultPortSpelledOut() {
        String[][] cases = {
            {"https://d-1.d.codeartifact.us-west-2.amazonaws.com/maven/r/",
                "https://d-1.d.codeartifact.us-west-2.amazonaws.com:443/maven/r/"},
            {"HTTPS://d-1.d.codeartifact.us-west-2.amazonaws.com/maven/a%20b/",
                "HTTPS://d-1.d.codeartifact.us-west-2.amazonaws.com:443/maven/a%20b/"},
            {"https://d-1.d.codeartifact.us-west-2.amazonaws.com", "https://d-1.d.codeartifact.us-west-2.amazonaws.com:443"},
            {"https://d-1.d.codeartifact.us-west-2.amazonaws.com:443/maven/r/",
                "https://d-1.d.codeartifact.us-west-2.amazonaws.com:443/maven/r/"},
            {"http://d-1.d.codeartifact.us-west-2.amazonaws.com/maven/r/",
                "http://d-1.d.codeartifact.us-west-2.amazonaws.com/maven/r/"},
            {"https://u@d-1.d.codeartifact.us-west-2.amazonaws.com/maven/r/",
                "https://u@d-1.d.codeartifact.us-west-2.amazonaws.com/maven/r/"},
        };
        for (String[] c : cases) {
            RemoteRepository repository = new RemoteRepository.Builder("ca", "default", c[0]).build();

            assertEquals(c[1], PreemptiveAuthSession.explicitPort(repository).getUrl(), c[0]);
        }
    }
}
