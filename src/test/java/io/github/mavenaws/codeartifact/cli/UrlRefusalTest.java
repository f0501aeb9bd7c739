package io.github.mavenaws.codeartifact.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlRefusalTest {
    private static final String HOST = "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://repo.maven.apache.org/maven2/|repo.maven.apache.org is not an AWS CodeArtifact repository host",
        "http://" + HOST + "/maven/releases/|served over https only",
        "https://" + HOST + ":8443/maven/releases/|port 8443",
        "https://" + HOST + "/npm/releases/|The path /npm/releases/ is not a CodeArtifact Maven repository path",
        "https://" + HOST + "/maven/releases/?x=1|query",
        "'not a url at all'|not a valid URL",
        "''|No repository URL given",
        "https://acme-111122223333.codeartifact.us-west-2.on.aws/pypi/x/|is not a CodeArtifact Maven repository"
                + " path",
        "https://vpce-0abc-x1.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/releases/|/maven/d/<domain>-<owner>"
    })
    void saysWhyAndHowToFixIt(String url, String reason) {
        assertFalse(CodeArtifactEndpoint.parse(url).isPresent(), url);
        String explanation = UrlRefusal.explain(url);
        assertTrue(explanation.contains(reason), explanation);
    }

    @Test
    void neverEchoesUserInfo() {
        String explanation = UrlRefusal.explain("https://aws:s3cr3tToken@" + HOST + "/maven/releases/");
        assertTrue(explanation.contains("user info"), explanation);
        assertFalse(explanation.contains("s3cr3tToken"), explanation);
    }
}
