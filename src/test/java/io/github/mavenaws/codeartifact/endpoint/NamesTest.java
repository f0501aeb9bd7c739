package io.github.mavenaws.codeartifact.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code <domain>-<owner>} is accepted exactly when a repository host with it is; hosts are case-insensitive, the
 * property names of settings are not.
 */
class NamesTest {

    @ParameterizedTest
    @CsvSource({
        "acme-111122223333, true",
        "my-domain-2-111122223333, true",
        "a1-000000000000, true",
        "acme, false",
        "acme-11112222333, false",
        "acme-1111222233334, false",
        "Acme-111122223333, false",
        "acme--111122223333, false",
        "1acme-111122223333, false",
        "acme-111122223333.x, false",
    })
    void aDomainOwnerIsWhatARepositoryHostNames(String value, boolean accepted) {
        assertEquals(accepted, Names.isDomainOwner(value));
        if (!value.equals(value.toLowerCase(Locale.ROOT))) {
            return;
        }
        String url = "https://" + value + ".d.codeartifact.us-west-2.amazonaws.com/maven/releases/";
        assertEquals(accepted, CodeArtifactEndpoint.parse(url).isPresent(), url);
    }
}
