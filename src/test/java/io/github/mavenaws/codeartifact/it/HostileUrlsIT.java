package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall.Authorization;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import io.github.mavenaws.codeartifact.fake.HostileHost;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a token may go, end to end: one build whose POM lists, before the genuine CodeArtifact repository,
 * repositories whose URLs are one trick each (a suffixed name, an attacker's name ending like AWS's, the real name as
 * user info, IPv4 and IPv6 literals, the real host on another port, plain HTTP, a trailing dot) and two genuine
 * repositories that redirect downloads to a host outside AWS, over HTTPS and plain HTTP. Every hostile address is a
 * {@link HostileHost} that certifies its names, challenges like CodeArtifact and records what it gets: it must never
 * receive credentials, while the build still resolves everything through the genuine repositories (and the same host
 * spelled in upper case, which is the same host and may have the token).
 *
 * <p>Every trick is in one run, asked for all four dependencies, and the run is repeated on all four Maven versions:
 * each brings its own transports (wagon, the native HTTP client, resolver 2's Apache and JDK clients), which parse
 * URLs, follow redirects and scope credentials each their own way. Tricks no Java client can even send (percent-encoded
 * or IDN host names, backslashes, whitespace, NUL) fail before any connection and are covered by the parser's
 * table-driven and property tests, {@code CodeArtifactEndpointTest} and {@code CodeArtifactEndpointPropertiesTest}.
 */
class HostileUrlsIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final String GENUINE_HOST = AcmeWorld.HOST;

    private static HostileHost hostile;
    private static FakeRepository redirecting;
    private static FakeRepository downgrading;
    private static FakeRepository upper;

    @BeforeAll
    static void world() throws IOException {
        hostile = HostileHost.start(ACME.aws());
        PrivateArtifacts.publishLibrary(ACME.releases(), "private-lib-plain");
        redirecting = ACME.domain().repository("redirecting");
        PrivateArtifacts.publishLibrary(redirecting, "private-lib-cdn");
        redirecting.redirectArtifactsTo(hostile.cdnFor(redirecting, "https"));
        downgrading = ACME.domain().repository("downgrading");
        PrivateArtifacts.publishLibrary(downgrading, "private-lib-plain");
        downgrading.redirectArtifactsTo(hostile.cdnFor(downgrading, "http"));
        upper = ACME.domain().repository("upper");
        PrivateArtifacts.publishLibrary(upper, "private-lib-upper");
    }

    @AfterAll
    static void stop() {
        if (hostile != null) {
            hostile.close();
        }
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void noTokenLeavesTheGenuineHost(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        hostile.reset();

        MavenResult result = ACME.run(maven, "hostile-urls")
                .project(SampleProject.named("hostile-urls")
                        .with("suffix.url", "https://" + HostileHost.SUFFIXED + "/maven/releases/")
                        .with("prefix.url", "https://" + HostileHost.PREFIXED + "/maven/releases/")
                        .with("userinfo.url", "https://" + GENUINE_HOST + "@" + HostileHost.EVIL + "/maven/releases/")
                        .with("ipv4.url", "https://" + HostileHost.ADDRESS + "/maven/releases/")
                        .with("ipv6.url", "https://[::1]/maven/releases/")
                        .with("port.url", "https://" + GENUINE_HOST + ":" + HostileHost.OTHER_PORT + "/maven/releases/")
                        .with("http.url", "http://" + GENUINE_HOST + "/maven/releases/")
                        .with("trailingdot.url", "https://" + GENUINE_HOST + "./maven/releases/")
                        .with("redirect.url", redirecting.url())
                        .with("httpredirect.url", downgrading.url())
                        .with("upper.url", upper.url().toUpperCase(Locale.ROOT).replace("/MAVEN/UPPER/", "/maven/upper/"))
                        .with("repo.url", ACME.releases().url()))
                // Maven's own guard blocks http:// repositories; lifted, so that the extension's guard is tested
                .settings(s -> s.mirror("maven-default-http-blocker", "nothing-at-all", "http://0.0.0.0/"))
                .awsCredentials(user)
                .args("compile")
                .run();

        List<HostileHost.Request> requests = hostile.requests();
        System.out.println("Maven " + maven + ", the hostile host saw:\n" + summary(requests));
        result.assertSuccess();
        List<HostileHost.Request> tokens = requests.stream().filter(HostileHost.Request::issuedToken).toList();
        if (!tokens.isEmpty()) {
            throw result.failure("the hostile host received a token:\n" + describe(tokens));
        }
        // Nor any other credentials, but one kind the user wrote in the URL: Apache HttpClient (Maven 3.9's native
        // transport) sends the user info of https://<genuine host>@evil.example/ as Basic credentials, user
        // <genuine host> and no password (spelled "null"). That is the URL's own text going where the URL says, and
        // no secret of anyone's.
        List<HostileHost.Request> leaks = requests.stream()
                .filter(r -> r.carriedCredentials() && !isTheUrlsOwnUserInfo(r)).toList();
        if (!leaks.isEmpty()) {
            throw result.failure("the hostile host received credentials:\n" + describe(leaks));
        }
        // each trick was really tried: its address was asked for the dependencies and answered with a challenge
        reached(result, requests, "suffixed name", r -> r.host() != null && r.host().startsWith(HostileHost.SUFFIXED));
        reached(result, requests, "attacker's name ending like AWS's",
                r -> r.host() != null && r.host().startsWith(HostileHost.PREFIXED));
        reached(result, requests, "real name as user info",
                r -> r.host() != null && r.host().startsWith(HostileHost.EVIL) && r.path().startsWith("/maven/"));
        reached(result, requests, "IPv4 literal", r -> r.localAddress().equals(HostileHost.ADDRESS + ":443")
                && r.path().startsWith("/maven/") && r.host() != null && r.host().startsWith(HostileHost.ADDRESS));
        // wagon, Maven 3.8's transport, gives up on an IPv6 literal before connecting: nothing to reach there
        if (!maven.version().startsWith("3.8.")) {
            reached(result, requests, "IPv6 literal", r -> r.localAddress().endsWith("1:443")
                    && !r.localAddress().startsWith("127."));
        }
        reached(result, requests, "real host on port " + HostileHost.OTHER_PORT,
                r -> r.localAddress().endsWith(":" + HostileHost.OTHER_PORT));
        reached(result, requests, "real host over plain HTTP",
                r -> r.localAddress().equals("127.0.0.1:80"));
        reached(result, requests, "redirect from the genuine repository to another host over HTTPS",
                r -> "https".equals(r.scheme()) && r.path().startsWith("/cdn/" + redirecting.name() + "/"));
        assertCalls(result)
                .count("GetAuthorizationToken calls", Calls.TOKEN_REQUEST.and(Calls.OK), 1)
                .atLeastOne("redirect of the genuine repository", Calls.REPOSITORY.and(c -> c.status() == 307))
                .downloaded(PrivateArtifacts.path("private-lib", "jar"))
                .downloaded(PrivateArtifacts.path("private-lib-upper", "jar"))
                // the trailing-dot spelling never reaches the genuine host with a token either
                .all("a call to a host as AWS names it", c -> true, c -> !c.host().endsWith("."))
                .noViolations();
        // last: a run failing only this shows that every other expectation held
        assertCalls(result).repositoryServedOnlyWithToken();
    }

    private static boolean isTheUrlsOwnUserInfo(HostileHost.Request request) {
        return request.authorization() == Authorization.BASIC && GENUINE_HOST.equals(request.basicUser())
                && ("".equals(request.basicPassword()) || "null".equals(request.basicPassword()))
                && request.host() != null
                && request.host().startsWith(HostileHost.EVIL);
    }

    /** Requests counted by where they came in, Host header, scheme and credentials: what a reader needs to judge. */
    private static String summary(List<HostileHost.Request> requests) {
        Map<String, Long> counts = requests.stream().collect(Collectors.groupingBy(
                r -> r.scheme() + " " + r.localAddress() + " Host=" + r.host() + " auth=" + r.authorization()
                        + (r.path().startsWith("/cdn/") ? " (redirected download)" : ""),
                TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> "  " + e.getValue() + " x " + e.getKey())
                .collect(Collectors.joining("\n"));
    }

    private static void reached(MavenResult result, List<HostileHost.Request> requests, String trick,
                                Predicate<HostileHost.Request> filter) {
        if (requests.stream().noneMatch(filter)) {
            throw result.failure("the " + trick + " trick never reached the hostile host, so it proves nothing;"
                    + " the hostile host saw:\n" + describe(requests));
        }
    }

    private static String describe(List<HostileHost.Request> requests) {
        return String.join("\n", requests.stream().map(HostileHost.Request::toString).toList());
    }
}
