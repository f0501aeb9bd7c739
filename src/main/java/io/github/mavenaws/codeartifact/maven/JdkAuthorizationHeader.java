package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives resolver 2's JDK transport, when the user chose it ({@code -Dmaven.resolver.transport=jdk}), the token as
 * an Authorization header of the repository, since that transport has no preemptive setting. Only on Java 25 and
 * later, whose HTTP client drops the header when a redirect leaves the host; before, the header would follow the
 * redirect to S3, so there the JDK client's challenges stay.
 */
final class JdkAuthorizationHeader implements TransportTuning {

    /** Resolver 2's extra HTTP headers, per repository id (a map of name to value). */
    private static final String HEADERS = "aether.transport.http.headers";

    /** The first Java whose HTTP client was seen to drop Authorization on a redirect to another host (17 keeps it). */
    private static final int JAVA_DROPPING_AUTHORIZATION_ON_REDIRECT = 25;

    private final int java;

    /** @param java the feature version of the Java that runs Maven, as {@link #runningJava()} gives it */
    JdkAuthorizationHeader(int java) {
        this.java = java;
    }

    /** 8 for "1.8", 25 for "25". */
    static int runningJava() {
        String version = System.getProperty("java.specification.version", "1.8");
        try {
            return version.startsWith("1.") ? Integer.parseInt(version.substring(2)) : Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    @Override
    public void tune(Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        if ("jdk".equals(config.get(TRANSPORT)) && java >= JAVA_DROPPING_AUTHORIZATION_ON_REDIRECT) {
            config.put(HEADERS + "." + repositoryId, headersWithAuthorization(config, repositoryId, token));
        }
    }

    /** The user's headers for the repository (or for all), plus Basic credentials unless they set Authorization. */
    private static Map<String, String> headersWithAuthorization(
            Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        Map<String, String> headers = new HashMap<String, String>() {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() { // whoever logs the session's configuration sees no token
                return keySet().toString();
            }
        };
        Object users = config.containsKey(HEADERS + "." + repositoryId)
                ? config.get(HEADERS + "." + repositoryId)
                : config.get(HEADERS);
        if (users instanceof Map) {
            for (Map.Entry<?, ?> header : ((Map<?, ?>) users).entrySet()) {
                headers.put(String.valueOf(header.getKey()), String.valueOf(header.getValue()));
            }
        }
        boolean userAuthorization = headers.keySet().stream().anyMatch("Authorization"::equalsIgnoreCase);
        if (!userAuthorization) {
            String credentials = TokenAuthentication.USERNAME + ":" + token.value();
            headers.put("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return Collections.unmodifiableMap(headers);
    }
}
