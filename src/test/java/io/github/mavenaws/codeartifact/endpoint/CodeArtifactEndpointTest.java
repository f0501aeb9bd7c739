package io.github.mavenaws.codeartifact.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * Every way we know to make a URL look like a CodeArtifact repository while its request would go elsewhere, or
     * over plain HTTP, by trick class. None may be recognised: a recognised URL receives a token. The end-to-end
     * counterpart, with Maven and a host that records what it receives, is {@code HostileUrlsIT}.
     */
    static Stream<Arguments> hostTricks() {
        String host = "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com";
        String path = "/maven/releases/";
        return Stream.of(
                // the real host name followed by more labels: the request goes to the attacker's zone
                trick("suffix", "https://" + host + ".evil.com" + path),
                trick("suffix", "https://" + host + ".evil" + path),
                trick("suffix", "https://" + host + "-evil.com" + path),
                trick("suffix", "https://acme-111122223333.codeartifact.us-west-2.on.aws.evil.com" + path),
                trick("suffix", "https://acme-111122223333.codeartifact.us-west-2.on.awsevil.com" + path),
                trick("suffix", "https://" + host + ".evil.com:443" + path),
                // a registrable name that merely ends like AWS's, or the real labels at the front of another
                trick("prefix", "https://acme-111122223333.d.codeartifact.us-west-2.evilamazonaws.com" + path),
                trick("prefix", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws-evil.com" + path),
                trick("prefix", "https://x.d.codeartifact.us-west-2.amazonaws.com.evil" + path),
                trick("prefix", "https://acme-111122223333.codeartifact.us-west-2.evilon.aws" + path),
                trick("prefix", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.co" + path),
                trick("prefix", "https://acme-111122223333.d.codeartifact.us-west-2.amazonawscom" + path),
                trick("prefix", "https://acme-111122223333.dxcodeartifact.us-west-2.amazonaws.com" + path),
                trick("prefix", "https://acme-111122223333-d-codeartifact-us-west-2-amazonaws-com.evil.com" + path),
                trick("prefix", "https://evil.com." + host + path),
                // the same name with extra dots: not what we were asked to trust, and not the host AWS certifies
                trick("trailing dot", "https://" + host + "." + path),
                trick("trailing dot", "https://" + host + ".." + path),
                trick("trailing dot", "https://" + host + ".:443" + path),
                trick("trailing dot", "https://." + host + path),
                trick("trailing dot", "https://acme-111122223333..d.codeartifact.us-west-2.amazonaws.com" + path),
                // user info before the host, or a host that ends up as user info
                trick("userinfo", "https://user@" + host + path),
                trick("userinfo", "https://aws:token@" + host + path),
                trick("userinfo", "https://" + host + "@evil.com" + path),
                trick("userinfo", "https://" + host + ":443@evil.com" + path),
                trick("userinfo", "https://" + host + "%40evil.com" + path),
                trick("userinfo", "https://evil.com#@" + host + path),
                trick("userinfo", "https://evil.com?@" + host + path),
                trick("userinfo", "https://evil.com\\@" + host + path),
                // IP literals, which no CodeArtifact repository has
                trick("IP literal", "https://[::1]" + path),
                trick("IP literal", "https://[::ffff:127.0.0.1]" + path),
                trick("IP literal", "https://[2600:1f14:abcd::1]:443" + path),
                trick("IP literal", "https://[" + host + "]" + path),
                trick("IP literal", "https://[::1]/" + host + path),
                trick("IP literal", "https://127.0.0.2" + path),
                trick("IP literal", "https://2130706433" + path),
                trick("IP literal", "https://0x7f.0.0.1" + path),
                // any port but the default: another service on the host, or a tunnel
                trick("port", "https://" + host + ":8443" + path),
                trick("port", "https://" + host + ":0" + path),
                trick("port", "https://" + host + ":80" + path),
                trick("port", "https://" + host + ":4430" + path),
                trick("port", "https://" + host + ":00443" + path),
                trick("port", "https://" + host + ":65979" + path),
                trick("port", "https://" + host + ":+443" + path),
                trick("port", "https://" + host + ":-443" + path),
                trick("port", "https://" + host + ":443:443" + path),
                trick("port", "https://" + host + ": 443" + path),
                // plain HTTP and other schemes: the token would cross the network readable
                trick("scheme", "http://" + host + path),
                trick("scheme", "HTTP://" + host + ":443" + path),
                trick("scheme", "http://" + host + ":443" + path),
                trick("scheme", "ws://" + host + path),
                trick("scheme", "wss://" + host + path),
                trick("scheme", "httpss://" + host + path),
                trick("scheme", "https:/" + host + path),
                trick("scheme", "https:///" + host + path),
                trick("scheme", "jar:https://" + host + path + "!/"),
                trick("scheme", "dav:https://" + host + path),
                // percent-encoding in the host: some clients decode it to another name, others send it as is
                trick("percent-encoded", "https://%61cme-111122223333.d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("percent-encoded", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws%2Ecom" + path),
                trick("percent-encoded", "https://" + host + "%2F.evil.com" + path),
                trick("percent-encoded", "https://" + host + "%00.evil.com" + path),
                trick("percent-encoded", "https://evil.com%2F" + host + path),
                trick("percent-encoded", "https://" + host + "%3A443" + path),
                // backslashes, which browsers read as slashes and Java rejects
                trick("backslash", "https://" + host + "\\.evil.com" + path),
                trick("backslash", "https:\\\\" + host + path),
                trick("backslash", "https://evil.com\\" + host + path),
                trick("backslash", "https://" + host + "\\maven\\releases\\"),
                // whitespace anywhere in the authority
                trick("whitespace", "https://" + host + " " + path),
                trick("whitespace", "https:// " + host + path),
                trick("whitespace", "https://" + host + "\t.evil.com" + path),
                trick("whitespace", "https://" + host + "\n.evil.com" + path),
                trick("whitespace", "https://" + host + "\r\n" + path),
                trick("whitespace", "https://" + host + "\u00a0" + path),
                trick("whitespace", "https://" + host + "\u3000" + path),
                trick("whitespace", "\thttps://" + host + path),
                // NUL bytes, which C resolvers and some logs cut at
                trick("NUL byte", "https://" + host + "\0.evil.com" + path),
                trick("NUL byte", "https://evil.com\0" + host + path),
                trick("NUL byte", "https://" + host + path + "\0"),
                trick("NUL byte", "\0https://" + host + path),
                // look-alike characters and IDN: a browser would show (or normalise to) AWS's name
                trick("IDN look-alike", "https://\u0430cme-111122223333.d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.c\u043edeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.c\u03bfm" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.\u212aom" + path),
                trick("IDN look-alike", "https://\uff41\uff43\uff4d\uff45-111122223333.d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333\u3002d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333\uff0ed.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws\uff61com" + path),
                trick("IDN look-alike", "https://acme-\u0661\u0661\u0661\u0661\u0662\u0662\u0662\u0662\u0663\u0663\u0663\u0663.d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com\u200b" + path),
                trick("IDN look-alike", "https://acme\u2010111122223333.d.codeartifact.us-west-2.amazonaws.com" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.xn--com-9o0a" + path),
                trick("IDN look-alike", "https://acme-111122223333.d.codeartifact.us-west-2.xn--amazonaws-ti1e.com" + path));
    }

    private static Arguments trick(String trickClass, String url) {
        return Arguments.of(trickClass, url);
    }

    // {0} only: some URLs hold NUL and line breaks, which test reports cannot carry
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("hostTricks")
    void rejectsHostTricks(String trickClass, String url) {
        Optional<CodeArtifactEndpoint> endpoint = CodeArtifactEndpoint.parse(url);

        assertTrue(endpoint.isEmpty(), () -> trickClass + " trick accepted as " + endpoint.get());
    }

    /**
     * Host names are case-insensitive (RFC 4343): {@code ACME-...AMAZONAWS.COM} is the very host AWS certifies, so
     * the token may go to it, filed under the same domain and host as the lower-case spelling. Case changes nothing
     * else: a path's domain part must still be lower case, as CodeArtifact names are.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "https://ACME-111122223333.D.CODEARTIFACT.US-WEST-2.AMAZONAWS.COM/maven/releases/",
        "https://Acme-111122223333.d.CodeArtifact.us-West-2.AmazonAWS.com:443/maven/releases/",
        "HtTpS://acme-111122223333.d.codeartifact.us-west-2.amazonaws.COM/maven/releases/",
    })
    void upperCaseIsTheSameHostAndDomain(String url) {
        CodeArtifactEndpoint endpoint = parse(url);

        assertEquals(parse(STANDARD + "/maven/releases/"), endpoint);
        assertEquals("acme-111122223333.d.codeartifact.us-west-2.amazonaws.com", endpoint.host());
        assertTrue(CodeArtifactEndpoint.parse("https://VPCE-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com"
                + "/maven/d/ACME-111122223333/releases/").isEmpty(), "a path's domain is matched as written");
    }

    /**
     * A punycode (IDN) label is plain ASCII and a valid CodeArtifact domain name, so it parses, but as its own domain:
     * its host is AWS's, and the token asked for it is that domain's, never acme's.
     */
    @Test
    void aPunycodeLabelIsAnotherDomain() {
        CodeArtifactEndpoint endpoint =
                parse("https://xn--cme-8cd-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/");

        assertEquals("xn--cme-8cd", endpoint.key().domain());
        assertNotEquals(parse(STANDARD + "/maven/releases/").key(), endpoint.key());
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
