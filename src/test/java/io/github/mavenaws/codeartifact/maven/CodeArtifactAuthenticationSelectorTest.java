package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.testing.TestTokens;
import java.time.Clock;
import java.util.Collections;
import org.eclipse.aether.repository.RemoteRepository;
import org.junit.jupiter.api.Test;

class CodeArtifactAuthenticationSelectorTest {
    private static final String URL = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/";

    private final CountingTokenProvider aws = RetryingRepositoryConnectorTest.provider("aws", true);
    private final CodeArtifactAuthenticationSelector selector = new CodeArtifactAuthenticationSelector(
            TestTokens.cache(Clock.systemUTC(), aws));

    private static RemoteRepository repository(String id, String url) {
        return new RemoteRepository.Builder(id, "default", url).build();
    }

    @Test
    void aCodeArtifactRepositoryGetsItsDomainsTokenWhateverItsId() throws Exception {
        for (String id : new String[] {"central", "ca", "mirror-of-all"}) {
            TokenAuthentication authentication = selector.getAuthentication(repository(id, URL));

            assertEquals(selector.authentication(CodeArtifactEndpoint.parse(URL).get()), authentication, id);
            assertEquals("aws-acme-1", authentication.token().value(), id);
        }
    }

    @Test
    void everyAuthenticationIsFreshSoEachConnectorKnowsItsOwnToken() {
        RemoteRepository repository = repository("ca", URL);

        assertNotSame(selector.getAuthentication(repository), selector.getAuthentication(repository));
    }

    @Test
    void anyOtherRepositoryGetsNothing() {
        for (String url : new String[] {"https://repo.maven.apache.org/maven2/",
            "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com.evil.example/maven/releases/"}) {
            RemoteRepository repository = repository("ca", url);

            assertFalse(CodeArtifactAuthenticationSelector.endpoint(repository).isPresent(), url);
            assertNull(selector.getAuthentication(repository), url);
        }
        assertEquals(0, aws.calls.get(), "no token fetched");
    }
}
