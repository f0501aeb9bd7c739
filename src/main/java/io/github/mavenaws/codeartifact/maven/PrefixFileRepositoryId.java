package io.github.mavenaws.codeartifact.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolver 2.0.11 to 2.0.13 (Maven 4.0.0-rc-5) fetch {@code .meta/prefixes.txt} from each remote repository as a copy
 * of it whose id is {@code <id>-<sha1 of the URL>}: the per-repository settings Maven made from the user's
 * {@code <server>} (headers, timeouts, wagon configuration), keyed by the plain id, miss that copy, so the request
 * goes without the user's headers. The copy's connector gets them from the plain id, unless set for the copy itself.
 */
final class PrefixFileRepositoryId {

    private static final Pattern DERIVED = Pattern.compile("(.+)-[0-9a-f]{40}");

    private PrefixFileRepositoryId() {
    }

    /**
     * The plain id of a derived one, or null when {@code repositoryId} is not of that shape.
     *
     * @param repositoryId a repository id, not null
     */
    static String plainId(String repositoryId) {
        Matcher m = DERIVED.matcher(Objects.requireNonNull(repositoryId, "repositoryId cannot be null"));
        return m.matches() ? m.group(1) : null;
    }

    /**
     * Copies every {@code <key>.<plain id>} setting to {@code <key>.<derived id>} where the latter is absent.
     *
     * @param config the session's config properties, copied, to add to; not null
     * @param repositoryId the id of the repository the connector is for, not null
     */
    static void inheritSettings(Map<String, Object> config, String repositoryId) {
        String plain = plainId(repositoryId);
        if (plain == null) {
            return;
        }
        String suffix = "." + plain;
        List<String> keys = new ArrayList<>();
        for (String key : config.keySet()) {
            if (key.endsWith(suffix) && key.length() > suffix.length()) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            String derived = key.substring(0, key.length() - suffix.length()) + "." + repositoryId;
            config.putIfAbsent(derived, config.get(key));
        }
    }
}
