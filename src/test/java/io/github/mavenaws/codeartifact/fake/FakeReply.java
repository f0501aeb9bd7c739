package io.github.mavenaws.codeartifact.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response about to be written. Endpoints build replies instead of writing to the exchange so that the router
 * can record the call before the client can see the answer.
 *
 * @param status        HTTP status
 * @param headers       response headers
 * @param body          the body; for HEAD only its length is announced
 * @param headOnly      whether this answers a HEAD, whose body is not sent
 * @param hold          for a request that gets no answer at all: blocks until the connection may be closed
 *                      unanswered; null for every real answer
 */
record FakeReply(int status, Map<String, String> headers, byte[] body, boolean headOnly, Runnable hold) {

    /** The status a call that got no answer is recorded with. */
    static final int NO_ANSWER = 0;

    static FakeReply of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new FakeReply(status, headers, body, false, null);
    }

    static FakeReply text(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    static FakeReply empty(int status) {
        return of(status, null, new byte[0]);
    }

    /** No answer: the router records the call, runs {@code hold}, then closes the connection without a byte. */
    static FakeReply noAnswer(Runnable hold) {
        return new FakeReply(NO_ANSWER, new LinkedHashMap<>(), new byte[0], false, hold);
    }

    FakeReply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    FakeReply forHead() {
        return new FakeReply(status, headers, body, true, null);
    }
}
