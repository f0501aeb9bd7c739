package io.github.mavenaws.codeartifact.it;

import static io.github.mavenaws.codeartifact.it.CallAssertions.assertCalls;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import io.github.mavenaws.codeartifact.fake.Faults.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * AWS on a bad day, met by a real Maven through the real SDK and wire protocols: throttling, AWS's own errors, an
 * answer that is not JSON, a token that has already expired, an endpoint that never answers, a role that may not be
 * assumed and role credentials AWS calls expired. Where recovery is possible the build passes; where it is not, it
 * fails in bounded time with one message that says what happened and what to do, without a stack trace, a token, a
 * secret key or a session token.
 *
 * <p>Every build resolves a parent POM only CodeArtifact serves, with goal {@code validate}: the parent is its one
 * download, so a build that passes was authorized and nothing else costs time. The faults are handled below Maven,
 * in the extension's AWS calls, which are the same on every Maven; how a failure reaches the user differs between
 * Maven versions, so one refusal ({@link #alwaysServerErrorFailsWithAdvice}) runs on every version and the other
 * scenarios on {@value #VERSION} only, which keeps the hanging endpoint to one 30-second build and endless
 * throttling to one build of about a minute per suite.
 *
 * <p>Not here, because they follow from the chain's order and are unit-tested (TokenCacheTest, AwsFailuresTest): a
 * role that may not be assumed never stops direct credentials that can fetch a token (they are asked first), and the
 * message for a user's own expired session credentials (FaultsTest shows the fake's ExpiredTokenException).
 */
class AwsFaultsIT {

    @RegisterExtension
    static final AcmeWorld ACME = new AcmeWorld();

    static final String VERSION = "3.9.16";
    /** A build that fails on a refusal: Maven's start, the SDK's few retries, the message. */
    private static final Duration PROMPT = Duration.ofSeconds(60);
    /**
     * A build against an endpoint that never answers: 25 s of AWS call (AwsClients) plus Maven's start, about 30 s as
     * the README says; Maven's start takes longer on a loaded machine.
     */
    private static final Duration HANG_LIMIT = Duration.ofSeconds(45);
    /**
     * A build throttled without end: the extension's rounds of calls until the 60 s deadline leaves no room for one
     * more (about 50 s), plus Maven's start.
     */
    private static final Duration THROTTLED_LIMIT = Duration.ofSeconds(75);

    @AfterEach
    void noMoreFaults() {
        ACME.domain().faults().clear();
    }

    private static MavenRun build(MavenDistribution maven, String scenario) {
        return ACME.parentPomBuild(maven, "aws-faults/" + scenario);
    }

    private static MavenDistribution single() {
        return MavenDistribution.underTestOrSkip(VERSION);
    }

    /** The user's secret key and every role session's secret key and session token. */
    private static List<String> secrets(FakePrincipal user, FakeRole... roles) {
        List<String> secrets = new ArrayList<>(List.of(user.secretAccessKey()));
        if (user.sessionToken() != null) {
            secrets.add(user.sessionToken());
        }
        for (FakeRole role : roles) {
            role.sessions().forEach(s -> {
                secrets.add(s.secretAccessKey());
                secrets.add(s.sessionToken());
            });
        }
        return secrets;
    }

    /** A passing build: the parent came from CodeArtifact, with a valid token, and nothing leaked. */
    private static void assertServed(MavenResult result, List<String> secrets) {
        result.assertSuccess().assertHidesSecrets(secrets);
        assertCalls(result)
                .downloaded(AcmeWorld.PARENT_POM)
                .all("a repository call with a valid token", Calls.REPOSITORY.and(Calls.BASIC), c -> c.tokenValid())
                .noViolations()
                .repositoryServedOnlyWithToken();
    }

    /** A failing build that says why in words, promptly, without a stack trace or a secret. */
    private static void assertExplained(MavenResult result, Duration limit, List<String> secrets, String... words) {
        result.assertFailure()
                .assertFasterThan(limit)
                .assertOutputContains(ACME.releases().url(), "No AWS CodeArtifact token")
                .assertOutputContains(words)
                .assertNoStackTrace()
                .assertHidesSecrets(secrets);
        assertCalls(result)
                .count("repository calls answered 200", Calls.REPOSITORY.and(Calls.OK), 0)
                .noViolations();
    }

    private static Predicate<FakeCall> status(int status) {
        return c -> c.status() == status;
    }

    @Test
    void throttlingAndAnAwsErrorAreRiddenOut() {
        FakePrincipal user = ACME.reader();
        ACME.domain().faults().next(Fault.THROTTLING, 1).next(Fault.INTERNAL_ERROR, 1);

        MavenResult result = build(single(), "throttled-then-error-then-served").awsCredentials(user)
                .args("validate")
                .run();

        assertServed(result, secrets(user));
        // the SDK's retries, within its 4 tries; the extension sees one answer
        assertCalls(result)
                .tokenRequests(3)
                .count("GetAuthorizationToken calls answered 429", Calls.TOKEN_REQUEST.and(status(429)), 1)
                .count("GetAuthorizationToken calls answered 500", Calls.TOKEN_REQUEST.and(status(500)), 1)
                .count("GetAuthorizationToken calls answered 200", Calls.TOKEN_REQUEST.and(Calls.OK), 1);
    }

    /**
     * A throttling storm outlasts the SDK's own 4 tries: the extension calls again, after Retry-After and a random
     * pause, and the build gets its token.
     */
    @Test
    void throttlingBeyondTheSdksRetriesIsRiddenOut() {
        FakePrincipal user = ACME.reader();
        ACME.domain().faults().next(Fault.THROTTLING, 6);

        MavenResult result = build(single(), "throttled-beyond-sdk-retries").awsCredentials(user)
                .args("validate")
                .run();

        assertServed(result, secrets(user));
        assertCalls(result)
                .tokenRequests(7)
                .count("GetAuthorizationToken calls answered 429", Calls.TOKEN_REQUEST.and(status(429)), 6)
                .count("GetAuthorizationToken calls answered 200", Calls.TOKEN_REQUEST.and(Calls.OK), 1);
    }

    /**
     * Throttled without end: the extension keeps calling while the fetch's deadline leaves room for a call, then
     * fails with the throttling, every attempt counted, before the deadline's own message would come.
     */
    @Test
    void alwaysThrottledFailsWithAdviceWithinTheDeadline() {
        FakePrincipal user = ACME.reader();
        ACME.domain().faults().always(Fault.THROTTLING);

        MavenResult result = build(single(), "always-throttled").awsCredentials(user).args("validate").run();

        assertExplained(result, THROTTLED_LIMIT, secrets(user), "was throttled by AWS", "HTTP 429 ThrottlingException",
                "still so after ", "Build again in a minute");
        result.assertOutputDoesNotContain("did not finish within");
        int calls = result.calls().where(Calls.TOKEN_REQUEST).size();
        if (calls <= 8) {
            throw result.failure("expected more GetAuthorizationToken calls than two rounds of the SDK's 4 tries,"
                    + " the fake saw " + calls);
        }
        assertCalls(result).all("answered 429", Calls.TOKEN_REQUEST, status(429));
    }

    @ParameterizedTest(name = "Maven {0}")
    @MethodSource("io.github.mavenaws.codeartifact.it.MavenDistribution#versions")
    void alwaysServerErrorFailsWithAdvice(MavenDistribution maven) {
        FakePrincipal user = ACME.reader();
        ACME.domain().faults().always(Fault.INTERNAL_ERROR);

        MavenResult result = build(maven, "always-server-error").awsCredentials(user).args("validate").run();

        assertExplained(result, PROMPT, secrets(user), "failed on AWS's side", "HTTP 500 InternalServerException",
                "still so after 4 attempts", "AWS Health Dashboard");
        assertCalls(result).tokenRequests(4);
    }

    @Test
    void malformedAnswerIsExplainedWithoutTheParsersMessage() {
        FakePrincipal user = ACME.reader();
        // the cut body holds a real token: the harness checks that it shows nowhere
        ACME.domain().faults().always(Fault.MALFORMED_JSON);

        MavenResult result = build(single(), "malformed-json").awsCredentials(user).args("validate").run();

        assertExplained(result, PROMPT, secrets(user), "AWS's answer could not be read");
        result.assertOutputDoesNotContain("jackson", "Unexpected end-of-input", "\"authorizationToken\"");
        assertCalls(result).atLeastOne("GetAuthorizationToken answered 200", Calls.TOKEN_REQUEST.and(Calls.OK));
    }

    @Test
    void tokenThatHasAlreadyExpiredIsNeverSent() {
        FakePrincipal user = ACME.reader();
        ACME.domain().faults().always(Fault.PAST_EXPIRATION);

        MavenResult result = build(single(), "past-expiration").awsCredentials(user).args("validate").run();

        assertExplained(result, PROMPT, secrets(user), "had already expired", "this machine's clock");
        assertCalls(result)
                .tokenRequests(1)
                .count("repository calls with a token", Calls.REPOSITORY.and(Calls.BASIC), 0);
    }

    @Test
    void endpointThatNeverAnswersFailsTheBuildInBoundedTime() {
        // with a role too, whose GetAuthorizationToken would go to the same silent endpoint
        FakeRole role = ACME.role("reader-behind-silence").allowToken(ACME.domain());
        FakePrincipal user = ACME.reader().allowAssume(role);
        ACME.domain().faults().always(Fault.NO_ANSWER);

        MavenResult result = build(single(), "no-answer").awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                .timeout(Duration.ofSeconds(120))
                .args("validate")
                .run();

        assertExplained(result, HANG_LIMIT, secrets(user, role), "AWS did not answer in time", "10 s a try",
                "25 s in all", "GetAuthorizationToken as the role failed: AWS did not answer in time");
        // the call limit cuts the SDK's retries short, 3 tries of 10 s in 25 s; the role does not wait again
        assertCalls(result).tokenRequests(3).assumeRoles(0);
        System.out.println("Maven " + VERSION + ": a build against a CodeArtifact API that never answers failed after "
                + result.duration().toMillis() + " ms");
    }

    @Test
    void roleThatMayNotBeAssumedIsNamedWithTheFix() {
        FakeRole role = ACME.role("not-for-this-user").allowToken(ACME.domain());
        FakePrincipal user = ACME.user();

        MavenResult result = build(single(), "assume-role-refused").awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                .args("validate")
                .run();

        assertExplained(result, PROMPT, secrets(user, role), role.arn(), "AssumeRole refused: HTTP 403 AccessDenied",
                "the trust policy of " + role.arn(), "unset POETRY_AWS_PLUGIN_ROLE_ARN");
        assertCalls(result)
                .count("AssumeRole calls, refused", Calls.ASSUME_ROLE.and(status(403)), 1)
                .assumeRoles(1);
    }

    @Test
    void roleCredentialsRefusedAsExpiredAreAssumedAfresh() {
        FakeRole role = ACME.role("reader-expiring-once").allowToken(ACME.domain())
                .issueExpiredSessions(1);
        FakePrincipal user = ACME.user().allowAssume(role);

        MavenResult result = build(single(), "role-session-expired-once").awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                .args("validate")
                .run();

        assertServed(result, secrets(user, role));
        assertCalls(result)
                .assumeRoles(2)
                .count("GetAuthorizationToken calls refused as expired",
                        Calls.TOKEN_REQUEST.and(c -> "ExpiredTokenException".equals(c.errorCode())), 1)
                .count("GetAuthorizationToken calls answered 200", Calls.TOKEN_REQUEST.and(Calls.OK), 1);
    }

    @Test
    void roleCredentialsAlwaysRefusedAsExpiredAreExplained() {
        FakeRole role = ACME.role("reader-always-expired").allowToken(ACME.domain())
                .issueExpiredSessions(100);
        FakePrincipal user = ACME.user().allowAssume(role);

        MavenResult result = build(single(), "role-session-always-expired").awsCredentials(user)
                .env("POETRY_AWS_PLUGIN_ROLE_ARN", role.arn())
                .args("validate")
                .run();

        assertExplained(result, PROMPT, secrets(user, role), role.arn(), "ExpiredTokenException",
                "freshly assumed ones too", "check this machine's clock");
        // one fresh AssumeRole, not a loop
        assertCalls(result).assumeRoles(2);
    }
}
