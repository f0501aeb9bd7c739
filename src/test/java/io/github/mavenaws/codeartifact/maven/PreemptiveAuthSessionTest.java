package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
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

    @Test
    void theJdkTransportChosenOnJava25GetsTheTokenAsAHeaderOfTheRepositoryOnly() {
        AuthorizationToken token = new AuthorizationToken("tok3n", null, "test");
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("maven.resolver.transport", "jdk");
        maven.setConfigProperty("aether.transport.http.headers", Map.of("X-Team", "build"));

        Map<String, Object> on25 = new PreemptiveAuthSession(maven, "ca", token, 25, true).getConfigProperties();
        Map<?, ?> headers = (Map<?, ?>) on25.get("aether.transport.http.headers.ca");
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("aws:tok3n".getBytes()),
                headers.get("Authorization"));
        assertEquals("build", headers.get("X-Team"), "the user's headers are kept");
        assertFalse(headers.toString().contains("tok3n"), headers.toString());
        assertEquals(Map.of("X-Team", "build"), on25.get("aether.transport.http.headers"), "other repositories");

        Map<String, Object> on17 = new PreemptiveAuthSession(maven, "ca", token, 17, true).getConfigProperties();
        assertFalse(on17.containsKey("aether.transport.http.headers.ca"), "JDK 17 forwards it on redirects");
        maven.setConfigProperty("maven.resolver.transport", null);
        Map<String, Object> apache = new PreemptiveAuthSession(maven, "ca", token, 25).getConfigProperties();
        assertFalse(apache.containsKey("aether.transport.http.headers.ca"), "the Apache transport needs no header");
    }

    @Test
    void withoutTheJdkTransportTheTokenIsNoHeader() {
        // Maven 4.0.0-rc-6 takes -Dmaven.resolver.transport=jdk and serves with the Apache transport, which copies
        // explicit headers onto the request after a redirect: a token header would follow it to S3
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("maven.resolver.transport", "jdk");

        Map<String, Object> config = new PreemptiveAuthSession(maven, "ca",
                new AuthorizationToken("tok3n", null, "test"), 25, false).getConfigProperties();

        assertFalse(config.containsKey("aether.transport.http.headers.ca"), config.keySet().toString());
        assertEquals(Boolean.TRUE, config.get("aether.transport.http.preemptiveAuth.ca"));
    }

    @Test
    void theUsersServerHeadersStayAndGetNothingAdded() {
        // <server><id>ca</id><configuration><httpHeaders>: Maven puts them under the repository's id
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("aether.transport.http.headers.ca", Map.of("X-Team", "build"));
        maven.setConfigProperty("aether.connector.http.headers.ca", Map.of("X-Team", "build"));

        Map<String, Object> config = new PreemptiveAuthSession(maven, "ca",
                new AuthorizationToken("tok3n", null, "test"), 25, true).getConfigProperties();

        assertEquals(Map.of("X-Team", "build"), config.get("aether.transport.http.headers.ca"));
        assertEquals(Map.of("X-Team", "build"), config.get("aether.connector.http.headers.ca"));
        assertEquals(Boolean.TRUE, config.get("aether.transport.http.preemptiveAuth.ca"));
        assertEquals(Boolean.TRUE, config.get("aether.connector.http.preemptiveAuth.ca"));
    }

    @Test
    void anAuthorizationHeaderOfTheUserWins() {
        DefaultRepositorySystemSession maven = new DefaultRepositorySystemSession();
        maven.setConfigProperty("maven.resolver.transport", "jdk");
        maven.setConfigProperty("aether.transport.http.headers.ca", Map.of("authorization", "Bearer mine"));

        Map<?, ?> headers = (Map<?, ?>) new PreemptiveAuthSession(maven, "ca",
                new AuthorizationToken("tok3n", null, "test"), 25, true).getConfigProperties()
                .get("aether.transport.http.headers.ca");

        assertEquals(Map.of("authorization", "Bearer mine"), Map.copyOf(headers));
    }

    @Test
    void javaFeatureVersionIsTheRunningJavas() {
        assertEquals(Runtime.version().feature(), PreemptiveAuthSession.javaFeatureVersion());
    }
}
