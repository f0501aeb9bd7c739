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
import net.jqwik.api.statistics.Statistics;

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
        },
        /** {@code ...us-west-2.evilamazonaws.com}: a name of the attacker's that ends like AWS's. */
        PREFIX_ON_REGISTRABLE_NAME {
            @Override
            String apply(Parts p, String label, int port) {
                String host = p.host();
                int secondLevel = host.lastIndexOf('.', host.lastIndexOf('.') - 1) + 1;
                return "https://" + host.substring(0, secondLevel) + label + host.substring(secondLevel) + p.path();
            }
        },
        LEADING_DOT {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://." + p.host() + p.path();
            }
        },
        TWO_TRAILING_DOTS {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + p.host() + ".." + p.path();
            }
        },
        /** {@code :0}, {@code :0443}, {@code :00443}: no port at all, or 443 spelled so that parsers disagree. */
        ODD_PORT_SPELLING {
            @Override
            String apply(Parts p, String label, int port) {
                String[] spellings = {"0", "0443", "00443", "443 ", "+443", "-443", "443:443", "4430", "44"};
                return "https://" + p.host() + ":" + spellings[port % spellings.length] + p.path();
            }
        },
        OTHER_SCHEME {
            @Override
            String apply(Parts p, String label, int port) {
                String[] schemes = {"http", "HTTP", "ws", "wss", "ftp", "httpss", "file", "jar:https", "dav:https"};
                return schemes[port % schemes.length] + "://" + p.host() + p.path();
            }
        },
        PERCENT_ENCODED_HOST_CHARACTER {
            @Override
            String apply(Parts p, String label, int port) {
                String host = p.host();
                int at = port % host.length();
                return "https://" + host.substring(0, at) + String.format("%%%02X", (int) host.charAt(at))
                        + host.substring(at + 1) + p.path();
            }
        },
        BACKSLASH_IN_HOST {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + insert(p.host(), port, "\\") + p.path();
            }
        },
        WHITESPACE_IN_HOST {
            @Override
            String apply(Parts p, String label, int port) {
                String[] spaces = {" ", "\t", "\n", "\r", "\u000b", "\f", "\u00a0", "\u2028", "\u3000", "\u200b"};
                return "https://" + insert(p.host(), port, spaces[(port / 7) % spaces.length]) + p.path();
            }
        },
        NUL_IN_HOST {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://" + insert(p.host(), port, "\0") + p.path();
            }
        },
        /** One character of the host swapped for a look-alike: Cyrillic, full-width, IDN dots, Kelvin sign. */
        LOOK_ALIKE_CHARACTER {
            @Override
            String apply(Parts p, String label, int port) {
                String host = p.host();
                int at = port % host.length();
                return "https://" + host.substring(0, at) + lookAlike(host.charAt(at), port)
                        + host.substring(at + 1) + p.path();
            }
        },
        HOST_IN_IPV6_BRACKETS {
            @Override
            String apply(Parts p, String label, int port) {
                return "https://[" + p.host() + "]" + p.path();
            }
        },
        IP_LITERAL {
            @Override
            String apply(Parts p, String label, int port) {
                String[] literals = {"[::1]", "[::ffff:127.0.0.1]", "127.0.0.1", "2130706433", "[fe80::1%25lo]",
                    "[2600:1f14::" + Integer.toHexString(port) + "]"};
                return "https://" + literals[port % literals.length] + p.path();
            }
        };

        abstract String apply(Parts p, String label, int port);

        private static String insert(String host, int seed, String text) {
            int at = seed % (host.length() + 1);
            return host.substring(0, at) + text + host.substring(at);
        }

        private static String lookAlike(char c, int seed) {
            switch (c) {
                case 'a': return "\u0430";
                case 'c': return "\u0441";
                case 'e': return "\u0435";
                case 'o': return seed % 2 == 0 ? "\u043e" : "\u03bf";
                case 'p': return "\u0440";
                case 's': return "\u0455";
                case 'k': return "\u212a";
                case 'i': return "\u0456";
                case '.': return seed % 3 == 0 ? "\u3002" : seed % 3 == 1 ? "\uff0e" : "\uff61";
                case '-': return "\u2010";
                default: return String.valueOf((char) (0xFF01 + (c - '!'))); // the full-width form
            }
        }
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

    @Property(tries = 2000)
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

    /**
     * Random damage anywhere in a valid URL: whatever the parser still accepts must name, for Java's two URL parsers
     * alike, the host the token is filed under, over https on port 443 without user info, and that host must be the
     * one the token's domain lives on. Transports parse URLs with either class; a URL they read differently from us
     * could send the token to a host we never approved.
     */
    @Property(tries = 2000)
    void whateverStillParsesPointsAtTheHostItsTokenIsFor(
            @ForAll("parts") Parts parts, @ForAll("damage") java.util.List<Damage> damage) {
        String url = parts.url();
        for (Damage d : damage) {
            url = d.applyTo(url);
        }
        String damaged = url;

        Optional<CodeArtifactEndpoint> parsed = CodeArtifactEndpoint.parse(damaged);
        // both outcomes must occur (about 4 % still parse), or the property would test nothing
        Statistics.label("outcome").collect(parsed.isPresent() ? "still parses" : "refused");
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("still parses").percentage(p -> p > 1);
            coverage.check("refused").percentage(p -> p > 50);
        });
        parsed.ifPresent(endpoint -> {
            java.net.URI uri = java.net.URI.create(damaged);
            assertEquals(endpoint.host(), uri.getHost().toLowerCase(Locale.ROOT), damaged);
            java.net.URL asUrl;
            try {
                asUrl = new java.net.URL(damaged);
            } catch (java.net.MalformedURLException e) {
                throw new AssertionError("accepted, but java.net.URL refuses it: " + damaged, e);
            }
            assertEquals("https", asUrl.getProtocol().toLowerCase(Locale.ROOT), damaged);
            assertEquals(endpoint.host(), asUrl.getHost().toLowerCase(Locale.ROOT), damaged);
            assertTrue(asUrl.getPort() == -1 || asUrl.getPort() == 443, damaged);
            assertEquals(null, asUrl.getUserInfo(), damaged);
            DomainKey key = endpoint.key();
            switch (endpoint.form()) {
                case STANDARD:
                    assertEquals(key.domain() + "-" + key.owner() + ".d.codeartifact." + key.region()
                            + ".amazonaws.com", endpoint.host(), damaged);
                    break;
                case DUAL_STACK:
                    assertEquals(key.domain() + "-" + key.owner() + ".codeartifact." + key.region() + ".on.aws",
                            endpoint.host(), damaged);
                    break;
                default:
                    assertTrue(endpoint.host().endsWith(".d.codeartifact." + key.region() + ".vpce.amazonaws.com"),
                            damaged);
            }
        });
    }

    /** One character inserted into, or removed from, a URL at a position given as a fraction of its length. */
    record Damage(double where, String inserted) {

        String applyTo(String url) {
            int at = (int) (where * url.length());
            return inserted.isEmpty()
                    ? url.substring(0, at) + url.substring(Math.min(url.length(), at + 1))
                    : url.substring(0, at) + inserted + url.substring(at);
        }
    }

    @Provide
    Arbitrary<java.util.List<Damage>> damage() {
        Arbitrary<String> inserted = Arbitraries.of("", "@", ":", "/", "\\", ".", "?", "#", "[", "]", "%", "%2e",
                "%40", "-", "_", " ", "\t", "\n", "\0", "\u00a0", "\u3002", "\uff0e", "\u0430", "A", "a", "1",
                ":443", ":8443", "evil.", ".evil", "x@", "//", "\u212a");
        return Combinators.combine(Arbitraries.doubles().between(0, 1), inserted).as(Damage::new)
                .list().ofMinSize(1).ofMaxSize(3);
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
