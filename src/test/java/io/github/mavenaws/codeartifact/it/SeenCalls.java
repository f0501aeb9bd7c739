package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeCall;
import io.github.mavenaws.codeartifact.fake.FakeCall.Service;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the fake AWS saw during one Maven run, and what it counted as misbehaviour (an Authorization header sent to
 * S3, an error inside the fake).
 */
record SeenCalls(List<FakeCall> all, List<String> violations) {

    static final SeenCalls NONE = new SeenCalls(List.of(), List.of());

    List<FakeCall> where(Predicate<FakeCall> filter) {
        return all.stream().filter(filter).toList();
    }

    List<FakeCall> of(Service service) {
        return where(c -> c.service() == service);
    }

    /** {@code GetAuthorizationToken}, {@code AssumeRole}, or an HTTP method for repository and S3 calls. */
    List<FakeCall> operation(String operation) {
        return where(c -> operation.equals(c.operation()));
    }

    List<FakeCall> tokenRequests() {
        return operation("GetAuthorizationToken");
    }

    List<FakeCall> repository() {
        return of(Service.REPOSITORY);
    }

    /** One call a line, for assertion messages; carries no token or secret. */
    String describe() {
        String calls = all.isEmpty() ? "(none)"
                : all.stream().map(FakeCall::toString).collect(Collectors.joining("\n"));
        return violations.isEmpty() ? calls : calls + "\nVIOLATIONS:\n" + String.join("\n", violations);
    }
}
