package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.BackendLogLevel;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maven's own logging configuration ({@code conf/logging}) turns the Apache HTTP client's loggers off, because at
 * debug they print every request header, credentials included: the CodeArtifact token's Basic header, here. Logback
 * in {@code lib/ext} reads none of it, so under {@code -X} the transports would print the token. While the build
 * runs, the extension gives those loggers Maven's default through logback's API, unless the user's logback
 * configuration names them ({@link BackendLogLevel}); Maven's simple loggers already have it.
 */
final class TransportLogLevels {
    /**
     * As Maven's {@code conf/logging} names them: the client of Maven 3.9 and 4's transports (resolver's and wagon's),
     * and Maven 3.8's shaded wagon client.
     */
    private static final String[] HTTP_CLIENT_LOGGERS = {
        "org.apache.http", "org.apache.maven.wagon.providers.http.httpclient"
    };

    private TransportLogLevels() {}

    /** Turns the HTTP clients' loggers off under logback; close the result at the end of the build. */
    static BackendLogLevel quiet() {
        Map<String, String> levels = new LinkedHashMap<>();
        for (String logger : HTTP_CLIENT_LOGGERS) {
            levels.put(logger, "OFF");
        }
        return BackendLogLevel.set(levels, "the HTTP client's request headers, the CodeArtifact token's among them");
    }
}
