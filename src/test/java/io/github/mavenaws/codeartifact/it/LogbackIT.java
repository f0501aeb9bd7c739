package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Maven 3.9 logging through logback in {@code lib/ext}, as Maven's logging documentation describes: logback reads
 * none of the simple logger's system properties, so the extension sets the AWS SDK's loggers to INFO through
 * logback's own API. With {@code -X}, the SDK's request-signing debug lines (which hold the session token's header)
 * stay off, and so do the HTTP client's header lines that Maven's own logging configuration turns off (they would
 * show the token's Basic header): no secret shows, while everything else logs at debug.
 *
 * <p>Maven 3.9 only: Maven 4.0.0-rc-4 does not start with logback in {@code lib/ext} (with its own provider removed,
 * {@code NoClassDefFoundError: org/apache/maven/slf4j/MavenSimpleLogger}; with it kept, SLF4J picks logback and Maven
 * fails casting logback's logger to {@code MavenSimpleLogger}).
 */
class LogbackIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    /** The relocated AWS SDK's package, as its loggers are named in the extension's jar. */
    private static final String SDK_LOGGERS = "io.github.mavenaws.codeartifact.shaded.awssdk";

    @Test
    void sdkDebugLinesStayOffUnderLogback() {
        MavenDistribution maven = MavenDistribution.underTestOrSkip("3.9.16").withLogback("logback");
        // temporary keys: every signed AWS request carries the session token in a header
        FakeRole developer = ACME.aws().role("arn:aws:iam::" + FakeAws.USER_ACCOUNT + ":role/logback-developer")
                .allowToken(ACME.domain());
        FakePrincipal user = ACME.aws().roleSession(developer, "alice", Duration.ofHours(1));

        MavenResult result = ACME.parentPomBuild(maven, "logback-debug")
                .awsCredentials(user)
                .args("-X", "validate")
                .run();

        result.assertSuccess().assertExtensionLoaded()
                // logback's own pattern, so the build logged through it, at debug
                .assertOutputContains(" DEBUG io.github.mavenaws.codeartifact.",
                        "CodeArtifact token for acme-111122223333 (us-west-2) from codeartifact:GetAuthorizationToken")
                .assertOutputDoesNotContain(" DEBUG " + SDK_LOGGERS, " DEBUG i.g.m.codeartifact.shaded.awssdk",
                        "x-amz-security-token:", "Cannot set logger",
                        // Maven's conf/logging turns these off; logback reads none of it, so the extension does
                        " DEBUG org.apache.http.headers", " DEBUG org.apache.http.wire");
        assertCalls(result).tokenRequests(1).downloaded(AcmeWorld.PARENT_POM).noViolations();
        result.assertHidesSecrets(List.of(user.secretAccessKey(), user.sessionToken()));
        result.assertHidesSecrets(ACME.aws().issuedTokens(user));
    }
}
