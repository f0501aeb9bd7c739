package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeCall;
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

    /** One call a line, for assertion messages; carries no token or secret. */
    String describe() {
        String calls = all.isEmpty() ? "(none)"
                : all.stream().map(FakeCall::toString).collect(Collectors.joining("\n"));
        return violations.isEmpty() ? calls : calls + "\nVIOLATIONS:\n" + String.join("\n", violations);
    }
}
