package io.github.mavenaws.codeartifact.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeArtifactEndpointTest {

    private static final String STANDARD = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com";

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # url | form | domain | owner | region | repository | host
        https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/ | STANDARD | acme | 111122223333 | us-west-2 | releases | acme-111122223333.d.codeartifact.us-west-2.amazonaws.com
        https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases | STANDARD | acme | 111122223333 | us-west-2 | releases | acme-111122223333.d.codeartifact.us-west-2.amazonaws.com
        https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/com/acme/lib/1.0/lib-1.0.jar | STANDARD | acme | 111122223333 | us-west-2 | releases | acme-111122223333.d.codeartifact.us-west-2.amazonaws.com
        https://my-domain-2-444455556666.d.codeartifact.eu-central-1.amazonaws.com/maven/Maven_Central.v2/ | STANDARD | my-domain-2 | 444455556666 | eu-central-1 | Maven_Central.v2 | my-domain-2-444455556666.d.codeartifact.eu-central-1.amazonaws.com
        https://a1-000000000000.d.codeartifact.ap-southeast-2.amazonaws.com/maven/r1/ | STANDARD | a1 | 000000000000 | ap-southeast-2 | r1 | a1-000000000000.d.codeartifact.ap-southeast-2.amazonaws.com
        https://acme-111122223333-444455556666.d.codeartifact.us-gov-west-1.amazonaws.com/maven/releases/ | STANDARD | acme-111122223333 | 444455556666 | us-gov-west-1 | releases | acme-111122223333-444455556666.d.codeartifact.us-gov-west-1.amazonaws.com
        HTTPS://ACME-111122223333.D.CODEARTIFACT.US-WEST-2.AMAZONAWS.COM/maven/Releases/ | STANDARD | acme | 111122223333 | us-west-2 | Releases | acme-111122223333.d.codeartifact.us-west-2.amazonaws.com
        https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com:443/maven/releases/ | STANDARD | acme | 111122223333 | us-west-2 | releases | acme-111122223333.d.codeartifact.us-west-2.amazonaws.com
        https://acme-111122223333.codeartifact.us-east-1.on.aws/maven/releases/ | DUAL_STACK | acme | 111122223333 | us-east-1 | releases | acme-111122223333.codeartifact.us-east-1.on.aws
        https://my-domain-2-444455556666.codeartifact.eu-central-1.on.aws/maven/snapshots | DUAL_STACK | my-domain-2 | 444455556666 | eu-central-1 | snapshots | my-domain-2-444455556666.codeartifact.eu-central-1.on.aws
        https://Acme-111122223333.CodeArtifact.AP-Southeast-2.On.Aws:443/maven/releases/x | DUAL_STACK | acme | 111122223333 | ap-southeast-2 | releases | acme-111122223333.codeartifact.ap-southeast-2.on.aws
        https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-111122223333/releases/ | VPC_ENDPOINT | acme | 111122223333 | us-west-2 | releases | vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.us-west-2.vpce.amazonaws.com
        https://vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.eu-central-1.vpce.amazonaws.com/maven/d/my-domain-2-444455556666/r1 | VPC_ENDPOINT | my-domain-2 | 444455556666 | eu-central-1 | r1 | vpce-0dc4daf7fca331ed6-et36qa1d.d.codeartifact.eu-central-1.vpce.amazonaws.com
        https://VPCE-1-2.D.CodeArtifact.ap-southeast-2.VPCE.amazonaws.com:443/maven/d/a1-000000000000/releases/com/a/b.pom | VPC_ENDPOINT | a1 | 000000000000 | ap-southeast-2 | releases | vpce-1-2.d.codeartifact.ap-southeast-2.vpce.amazonaws.com
        """)
    void recognisesRepositoryUrls(
            String url, EndpointForm form, String domain, String owner, String region, String repository, String host) {
        CodeArtifactEndpoint endpoint = CodeArtifactEndpoint.parse(url).orElseThrow();

        assertEquals(form, endpoint.form());
        assertEquals(DomainKey.of(domain, owner, region), endpoint.key());
        assertEquals(repository, endpoint.repository());
        assertEquals(host, endpoint.host());
        assertEquals(url, endpoint.url());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @NullAndEmptySource
    @ValueSource(strings = {
        // scheme
        "http://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "ftp://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "//acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https:acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        // ports
        STANDARD + ":8443/maven/releases/",
        STANDARD + ":80/maven/releases/",
        STANDARD + ":0443/maven/releases/",
        STANDARD + ":/maven/releases/",
        // user info
        "https://x@acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://x:y@acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://@acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com@evil.com/maven/releases/",
        // the name outside the host
        "https://evil.com/acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://evil.com/maven/releases/?acme-111122223333.d.codeartifact.us-west-2.amazonaws.com",
        "https://evil.com/maven/releases/#acme-111122223333.d.codeartifact.us-west-2.amazonaws.com",
        "https://evil.com/maven/d/acme-111122223333/releases/",
        // query and fragment
        STANDARD + "/maven/releases/?x=1",
        STANDARD + "/maven/releases/?",
        STANDARD + "/maven/releases/#top",
        STANDARD + "?/maven/releases/",
        // longer, shorter or altered hosts
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com.evil.com/maven/releases/",
        "https://evilacme-111122223333.d.codeartifact.us-west-2.amazonaws.com.attacker.net/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.comevil/maven/releases/",
        "https://evil.acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com./maven/releases/",
        "https://acme-111122223333.codeartifact.us-west-2.on.aws./maven/releases/",
        "https://acme-111122223333.codeartifact.us-west-2.on.aws.evil.com/maven/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com./maven/d/acme-111122223333/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com.evil.com/maven/d/acme-111122223333/releases/",
        "https://acme-111122223333.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.on.aws/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us.west-2.amazonaws.com/maven/releases/",
        "https://acme_x-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme%2D111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com\\@evil.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.\u212Aom/maven/releases/",
        "https://vpce-0dc4-et36.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/releases/",
        "https://vpce-0dc4.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-111122223333/releases/",
        "https://vpce-0d_c4-et36.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-111122223333/releases/",
        // IP literals
        "https://127.0.0.1/maven/releases/",
        "https://[::1]/maven/releases/",
        "https://[::1]/maven/d/acme-111122223333/releases/",
        // bad domain or owner
        "https://acme-11112222333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-1111222233334.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://1acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme--111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://a-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-11112222333/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/1acme-111122223333/releases/",
        // paths
        STANDARD,
        STANDARD + "/",
        STANDARD + "/maven",
        STANDARD + "/maven/",
        STANDARD + "/maven//releases/",
        STANDARD + "//maven/releases/",
        STANDARD + "/releases/",
        STANDARD + "/npm/releases/",
        STANDARD + "/pypi/releases/simple/",
        STANDARD + "/MAVEN/releases/",
        STANDARD + "/maven/r/",
        STANDARD + "/maven/-releases/",
        STANDARD + "/maven/rel%2Feases/",
        STANDARD + "/maven/releases%2F/",
        STANDARD + "/maven/releases?/",
        STANDARD + "/x/maven/releases/",
        STANDARD + "/maven/d/acme-111122223333/releases/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-111122223333/",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/acme-111122223333",
        "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/acme-111122223333/releases/",
        // garbage
        " ",
        "not a url",
        "https://",
        "https:///maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com /maven/releases/",
        " https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/",
        "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/\n",
        "%%%",
        "::::",
        "file:///maven/releases/",
    })
    void rejects(String url) {
        Optional<CodeArtifactEndpoint> endpoint = CodeArtifactEndpoint.parse(url);

        assertTrue(endpoint.isEmpty(), () -> "accepted " + endpoint.get());
    }

    @Test
    void equalityIgnoresUrlSpellingButNotHost() {
        CodeArtifactEndpoint endpoint = parse(STANDARD + "/maven/releases/");

        assertEquals(endpoint, parse(STANDARD + ":443/maven/releases/com/acme/"));
        assertEquals(endpoint.hashCode(), parse(STANDARD.toUpperCase() + "/maven/releases").hashCode());
        assertNotEquals(endpoint, parse(STANDARD + "/maven/snapshots/"));
        assertNotEquals(endpoint, parse("https://acme-111122223333.codeartifact.us-west-2.on.aws/maven/releases/"));
        assertNotEquals(endpoint, parse("https://acme-111122223334.d.codeartifact.us-west-2.amazonaws.com/maven/releases/"));
        assertNotEquals(endpoint, null);
    }

    @Test
    void toStringNamesRepositoryAndDomain() {
        assertEquals("CodeArtifact repository 'releases' in acme-111122223333 (us-west-2)",
                parse(STANDARD + "/maven/releases/").toString());
    }

    private static CodeArtifactEndpoint parse(String url) {
        return CodeArtifactEndpoint.parse(url).orElseThrow();
    }
}
