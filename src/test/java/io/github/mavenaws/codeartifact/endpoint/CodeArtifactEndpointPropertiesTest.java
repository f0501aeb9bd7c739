package io.github.mavenaws.codeartifact.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CodeArtifactEndpointPropertiesTest {

    private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";

    private static final String DIGITS = "0123456789";

    /** The parts a valid URL is built from, in any of the three forms. */
    record Parts(EndpointForm form, String domain, String owner, String region, String repository, String vpce,
            String tail) {

        String host() {
            switch (form) {
                case STANDARD:
                    return domain + "-" + owner + ".d.codeartifact." + region + ".amazonaws.com";
                case DUAL_STACK:
                    return domain + "-" + owner + ".codeartifact." + region + ".on.aws";
                default:
                    return vpce + ".d.codeartifact." + region + ".vpce.amazonaws.com";
            }
        }

        String path() {
            String prefix = form == EndpointForm.VPC_ENDPOINT ? "/maven/d/" + domain + "-" + owner + "/" : "/maven/";
            return prefix + repository + tail;
        }

        String url() {
            return "https://" + host() + path();
        }

        DomainKey key() {
            return DomainKey.of(domain, owner, region);
        }
    }

    /** Ways to dress up a valid URL so that its token would reach a host that is not CodeArtifact's. */
    enum Trick {
        HOST_SUFFIX {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + "." + label + ".com" + p.path();
            }
        },
        HOST_SUFFIX_WITHOUT_DOT {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + label + p.path();
            }
        },
        SUBDOMAIN {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + label + "." + p.host() + p.path();
            }
        },
        USER_INFO {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + label + "@" + p.host() + p.path();
            }
        },
        USER_INFO_WITH_PASSWORD {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + label + ":" + label + "@" + p.host() + p.path();
            }
        },
        HOST_AS_USER_INFO {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + "@" + label + ".com" + p.path();
            }
        },
        HTTP {
            @Override
            String apply(Parts p, String label, int port) {
                return "http://" + p.host() + p.path();
            }
        },
        OTHER_PORT {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + ":" + (port == 443 ? 8443 : port) + p.path();
            }
        },
        TRAILING_DOT {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + "." + p.path();
            }
        },
        HOST_IN_PATH {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + label + ".com/" + p.host() + p.path();
            }
        },
        URL_IN_PATH {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + label + ".com/" + p.url();
            }
        },
        QUERY {
            @Override
            String apply(Parts p, String label, int port) {
                return p.url() + "?" + label;
            }
        },
        FRAGMENT {
            @Override
            String apply(Parts p, String label, int port) {
                return p.url() + "#" + label;
            }
        };

        abstract String apply(Parts p, String label, int port);
    }

    @Property(tries = 500)
    void validUrlsParseBackToTheirParts(@ForAll("parts") Parts parts) {
        CodeArtifactEndpoint endpoint = CodeArtifactEndpoint.parse(parts.url()).orElseThrow();

        assertEquals(parts.form(), endpoint.form());
        assertEquals(parts.key(), endpoint.key());
        assertEquals(parts.repository(), endpoint.repository());
        assertEquals(parts.host(), endpoint.host());
        assertEquals(parts.url(), endpoint.url());
    }

    @Property(tries = 500)
    void schemeAndHostCaseAndPort443DoNotMatter(@ForAll("parts") Parts parts) {
        String url = "HTTPS://" + parts.host().toUpperCase(Locale.ROOT) + ":443" + parts.path();

        assertEquals(Optional.of(CodeArtifactEndpoint.parse(parts.url()).orElseThrow()),
                CodeArtifactEndpoint.parse(url));
    }

    @Property(tries = 500)
    void trickedUrlsNeverParse(
            @ForAll("parts") Parts parts,
            @ForAll Trick trick,
            @ForAll("labels") String label,
            @ForAll @IntRange(max = 65535) int port) {
        String url = trick.apply(parts, label, port);

        Optional<CodeArtifactEndpoint> endpoint = CodeArtifactEndpoint.parse(url);

        assertTrue(endpoint.isEmpty(), () -> url + " accepted as " + endpoint.get());
    }

    @Property(tries = 500)
    void prefixedHostsNeverYieldTheOriginalDomain(@ForAll("parts") Parts parts, @ForAll("labels") String label) {
        // "evil" + "acme-..." is a valid, different domain: it may parse, but never to acme's key.
        String url = "https://" + label + parts.host() + parts.path();

        CodeArtifactEndpoint.parse(url).ifPresent(endpoint -> {
            assertTrue(!endpoint.key().equals(parts.key()), url);
            assertEquals(label + parts.domain(), endpoint.key().domain());
        });
    }

    @Property(tries = 500)
    void neverThrowsOnArbitraryStrings(@ForAll String url) {
        assertNotNull(CodeArtifactEndpoint.parse(url));
    }

    @Property(tries = 500)
    void neverThrowsOnUrlLikeStrings(@ForAll("urlLike") String url) {
        assertNotNull(CodeArtifactEndpoint.parse(url));
    }

    @Provide
    Arbitrary<Parts> parts() {
        Arbitrary<String> domain = Combinators.combine(
                        Arbitraries.strings().withChars(LOWER).ofLength(1),
                        Arbitraries.strings().withChars(LOWER + DIGITS + "-").ofMaxLength(48),
                        Arbitraries.strings().withChars(LOWER + DIGITS).ofLength(1))
                .as((first, middle, last) -> first + middle + last);
        Arbitrary<String> owner = Arbitraries.strings().withChars(DIGITS).ofLength(12);
        Arbitrary<String> region = Arbitraries.oneOf(
                Arbitraries.of("us-east-1", "us-west-2", "eu-central-1", "eu-west-3", "ap-southeast-2",
                        "ap-northeast-1", "sa-east-1", "us-gov-west-1", "me-central-1", "il-central-1"),
                Combinators.combine(
                                Arbitraries.strings().withChars(LOWER).ofLength(2),
                                Arbitraries.strings().withChars(LOWER).ofMinLength(1).ofMaxLength(10)
                                        .list().ofMinSize(1).ofMaxSize(3),
                                Arbitraries.strings().withChars(DIGITS).ofLength(1))
                        .as((country, words, digit) -> country + "-" + String.join("-", words) + "-" + digit));
        Arbitrary<String> repository = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofLength(1),
                        Arbitraries.strings().alpha().numeric().withChars("._-").ofMinLength(1).ofMaxLength(99))
                .as((first, rest) -> first + rest);
        Arbitrary<String> vpce = Combinators.combine(
                        Arbitraries.strings().withChars(LOWER + DIGITS).ofMinLength(1).ofMaxLength(17),
                        Arbitraries.strings().withChars(LOWER + DIGITS).ofMinLength(1).ofMaxLength(8))
                .as((id, suffix) -> "vpce-" + id + "-" + suffix);
        Arbitrary<String> tail = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().alpha().numeric().withChars("._-/").ofMaxLength(60).map(s -> "/" + s));
        return Combinators.combine(
                        Arbitraries.of(EndpointForm.class), domain, owner, region, repository, vpce, tail)
                .as(Parts::new);
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withChars(LOWER + DIGITS).ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> urlLike() {
        Arbitrary<String> body = Arbitraries.strings()
                .alpha().numeric().withChars(":/@.?#[]%-_~!$&'()*+,;= \\")
                .ofMaxLength(80);
        return Arbitraries.oneOf(
                body,
                body.map(s -> "https://" + s),
                body.map(s -> "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com" + s),
                body.map(s -> "https://vpce-1-2.d.codeartifact.us-west-2.vpce.amazonaws.com/maven/d/" + s));
    }
}
