package io.github.mavenaws.codeartifact.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request as received, body read in full: what the endpoints and the SigV4 check look at.
 *
 * @param method     the HTTP method
 * @param hostHeader the Host header as sent (with any port), which is what a SigV4 client signed
 * @param rawPath    the path, still percent-encoded
 * @param rawQuery   the query, still percent-encoded, or null
 * @param headers    header values by lower-case name, in arrival order
 * @param body       the request body
 */
record FakeRequest(String method, String hostHeader, String rawPath, String rawQuery,
                   Map<String, List<String>> headers, byte[] body) {

    FakeRequest {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>())
                .addAll(v));
        headers = lower;
    }

    /** Host without port, lower case. */
    String host() {
        return AwsNames.hostOnly(hostHeader);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Decoded query parameters; the first value wins. */
    Map<String, String> query() {
        return decodeForm(rawQuery, false);
    }

    /** Decoded {@code application/x-www-form-urlencoded} body parameters. */
    Map<String, String> form() {
        return decodeForm(new String(body, StandardCharsets.UTF_8), true);
    }

    private static Map<String, String> decodeForm(String encoded, boolean plusIsSpace) {
        Map<String, String> params = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return params;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.putIfAbsent(decode(name, plusIsSpace), decode(value, plusIsSpace));
        }
        return params;
    }

    static String decode(String s, boolean plusIsSpace) {
        // URLDecoder turns '+' into a space; in a query string AWS keeps '+' literal
        return URLDecoder.decode(plusIsSpace ? s : s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
