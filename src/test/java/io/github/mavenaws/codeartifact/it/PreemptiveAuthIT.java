package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakeCall.Authorization;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No round trip wasted on authentication: a healthy build sends the token with the first request to every
 * CodeArtifact repository, so no transporter waits for a 401 challenge, on each transport a user can pick: wagon
 * (Maven 3.8, and {@code -Dmaven.resolver.transport=wagon} on 3.9, 3.10 and 4.0), resolver 1.9's native transport
 * (Maven 3.9), and resolver 2's Apache transport (Maven 3.10's default, {@code =apache} on 4.0). One repository
 * answers downloads with a redirect to S3: preemptive credentials must still stay on the repository host. Each run
 * checks in Maven's debug output that the transport asked for is the one that served the CodeArtifact repositories.
 *
 * <p>Maven 4's default transport, the JDK HTTP client, has no preemptive setting, and the only way to make it
 * preemptive, a fixed Authorization header, would follow the redirect to S3 on JDK 17 (its client forwards the header
 * to another host on 307; JDK 25 strips it). Where the user left the transport to Maven, the extension hands
 * CodeArtifact repositories to the Apache transport that Maven 4 also ships: that is what the default runs check.
 * A user who asks for {@code -Dmaven.resolver.transport=jdk} keeps the JDK client: on Java 25 and later the token
 * goes as a header of the repository, which that client drops on the redirect to S3; on older Java the JDK client's
 * challenges remain, the one known gap ({@link #jdkTransportChosenOnMaven4}).
 */
class PreemptiveAuthIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    private static final Predicate<FakeCall> CHALLENGED = Calls.REPOSITORY.and(c -> c.status() == 401);
    private static final Pattern TRANSPORTER_LINE =
            Pattern.compile("Using transporter (\\w+) .*for (https://\\S+\\.codeartifact\\.\\S+)");

    private static FakeRepository globexReleases;

    @BeforeAll
    static void world() {
        ACME.releases().redirectArtifactsToS3(true);
        globexReleases = ACME.globexReleases("eu-west-1");
    }

    /**
     * A transport of one Maven version.
     *
     * @param label        for test names and run folders
     * @param property     the value of {@code -Dmaven.resolver.transport}, or null for Maven's default
     * @param transporter  the class name resolver logs in {@code Using transporter <name>} for it
     */
    record Transport(String label, String property, String transporter) {

        static final Transport WAGON = new Transport("wagon", "wagon", "WagonTransporter");

        /** {@code preemptive-default}, {@code preemptive-wagon}...: one run folder per transport. */
        String scenario() {
            return "preemptive-" + label.split(" ")[0];
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Every Maven version with each transport that has a preemptive setting. */
    static Stream<Arguments> preemptiveTransports() {
        return MavenDistribution.versions().flatMap(maven -> {
            List<Transport> transports;
            if (maven.version().startsWith("3.8.")) {
                transports = List.of(new Transport("default (wagon)", null, "WagonTransporter"));
            } else if (maven.version().startsWith("3.9.")) {
                transports = List.of(new Transport("default (native)", null, "HttpTransporter"), Transport.WAGON);
            } else if (maven.isMaven4()) {
                transports = List.of(new Transport("default (apache for CodeArtifact)", null, "ApacheTransporter"),
                        new Transport("apache", "apache", "ApacheTransporter"), Transport.WAGON);
            } else {
                transports = List.of(new Transport("default (apache)", null, "ApacheTransporter"), Transport.WAGON);
            }
            return transports.stream().map(t -> Arguments.of(maven, t));
        });
    }

    static Stream<MavenDistribution> maven4() {
        return MavenDistribution.versions().filter(MavenDistribution::isMaven4);
    }

    @ParameterizedTest(name = "Maven {0}, transport {1}")
    @MethodSource("preemptiveTransports")
    void tokenGoesWithTheFirstRequest(MavenDistribution maven, Transport transport) {
        Build build = build(maven, transport);

        build.result.assertSuccess().assertExtensionLoaded();
        assertCalls(build.result).tokenRequests(2);
        assertCalls(build.result)
                .count("401 challenges", CHALLENGED, 0)
                .all("a repository call with a valid token in Basic credentials", Calls.REPOSITORY,
                        c -> c.authorization() == Authorization.BASIC && c.tokenValid());
        build.assertEveryRepositoryAndS3();
        build.result.assertHidesSecrets(List.of(build.user.secretAccessKey()));
    }

    /**
     * The JDK transport the user chose on Maven 4: on Java 25 and later the token goes as a header of the repository
     * with the first request (that client drops it on the redirect to S3, which this run checks); before, the JDK
     * client answers challenges, and every request it got served carried the token.
     */
    @ParameterizedTest(name = "Maven {0}, transport jdk")
    @MethodSource("maven4")
    void jdkTransportChosenOnMaven4(MavenDistribution maven) {
        Build build = build(maven, new Transport("jdk", "jdk", "JdkTransporter"));

        build.result.assertSuccess().assertExtensionLoaded();
        assertCalls(build.result).tokenRequests(2);
        build.assertEveryRepositoryAndS3();
        build.result.assertHidesSecrets(List.of(build.user.secretAccessKey()));
        if (Runtime.version().feature() >= 25) {
            assertCalls(build.result)
                    .count("401 challenges", CHALLENGED, 0)
                    .all("a repository call with a valid token in Basic credentials", Calls.REPOSITORY,
                            c -> c.authorization() == Authorization.BASIC && c.tokenValid());
        } else {
            System.out.println("Maven " + maven + ", JDK transport on Java " + Runtime.version().feature() + ": "
                    + build.result.calls().where(CHALLENGED).size() + " 401 challenges in "
                    + build.result.calls().repository().size() + " repository calls");
            // last: a run failing only this shows that every other expectation held
            assertCalls(build.result).repositoryServedOnlyWithToken();
        }
    }

    /**
     * {@code mvn -X deploy} of the two-repositories sample: downloads from both domains, uploads to a third
     * repository, with the transport asked for, which must be the one that served every CodeArtifact repository.
     */
    private static Build build(MavenDistribution maven, Transport transport) {
        FakePrincipal user = ACME.reader().allowPublish(ACME.domain()).allowToken(globexReleases.domain());
        // a repository per run, so each run's uploads are found alone
        FakeRepository deploy = ACME.domain().repository("deploy-" + transport.scenario() + "-" + maven.version());
        MavenRun run = ACME.run(maven, transport.scenario())
                .project(SampleProject.named("two-repositories")
                        .with("repo.url", ACME.releases().url())
                        .with("repo2.url", globexReleases.url())
                        .with("deploy.url", deploy.url()))
                .awsCredentials(user)
                .args("-X");
        if (transport.property() != null) {
            run.args("-Dmaven.resolver.transport=" + transport.property());
        }
        Build build = new Build(user, deploy, run.args("deploy").run());
        build.assertTransporter(transport.transporter());
        return build;
    }

    private static Predicate<FakeCall> on(FakeRepository repository) {
        String prefix = "/maven/" + repository.name() + "/";
        return Calls.REPOSITORY.and(c -> c.host().equals(repository.domain().host()) && c.path().startsWith(prefix));
    }

    /** One build's principal, deploy repository and result. */
    private record Build(FakePrincipal user, FakeRepository deploy, MavenResult result) {

        List<FakeRepository> repositories() {
            return List.of(ACME.releases(), globexReleases, deploy);
        }

        /** Resolver's debug output names the same transporter for every CodeArtifact repository: the expected one. */
        void assertTransporter(String expected) {
            Set<String> used = new TreeSet<>();
            Matcher m = TRANSPORTER_LINE.matcher(result.output());
            while (m.find()) {
                used.add(m.group(1));
            }
            if (!used.equals(Set.of(expected))) {
                throw result.failure("expected " + expected + " to serve the CodeArtifact repositories, resolver"
                        + " used " + used);
            }
        }

        /** Each of the three repositories was used, the redirected downloads came from S3, and S3 never saw a token. */
        void assertEveryRepositoryAndS3() {
            CallAssertions calls = assertCalls(result);
            repositories().forEach(r -> calls.atLeastOne("call to " + r.url(), on(r)));
            calls.downloaded(PrivateArtifacts.path("private-lib-eu", "jar"))
                    .atLeastOne("redirect to S3", on(ACME.releases()).and(c -> c.status() == 307))
                    .atLeastOne("S3 download answered 200", Calls.S3.and(Calls.OK))
                    .all("an S3 call without Authorization header", Calls.S3,
                            c -> c.authorization() == Authorization.NONE)
                    .atLeastOne("PUT of the jar answered 2xx", on(deploy).and(Calls.put(".jar")).and(Calls.OK))
                    .noViolations();
        }
    }
}
