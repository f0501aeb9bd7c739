package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;

class ExplicitHttpsPortTest {

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

            assertEquals(c[1], ExplicitHttpsPort.spelledOut(repository).getUrl(), c[0]);
        }
    }
}
