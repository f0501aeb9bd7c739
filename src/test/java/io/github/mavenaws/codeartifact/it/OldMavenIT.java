package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Maven older than the oldest supported (3.8.7), such as Ubuntu 22.04's 3.6.3, is refused at session start: the
 * build stops with one message naming the oldest supported version and this one, no stack trace, before any request
 * to CodeArtifact or AWS, though credentials are at hand and the project needs a CodeArtifact artifact.
 */
class OldMavenIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#refused")
    void refusedAtSessionStartWithOneMessage(MavenDistribution maven) {
        Assumptions.assumeTrue(maven != null, "no Maven older than " + MavenDistribution.OLDEST_SUPPORTED
                + " among it.maven.versions");
        MavenResult result = ACME.pomRepositoryBuild(maven, "old-maven")
                .awsCredentials(ACME.reader())
                .args("compile")
                .run();

        result.assertFailure()
                .assertOutputContains("maven-aws-extension needs Maven " + MavenDistribution.OLDEST_SUPPORTED
                        + " or later, but this is Maven " + maven.version() + ".")
                .assertNoStackTrace();
        assertCalls(result).count("calls to the fake AWS", c -> true, 0).noViolations();
    }
}
