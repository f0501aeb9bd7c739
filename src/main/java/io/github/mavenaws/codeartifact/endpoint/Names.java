package io.github.mavenaws.codeartifact.endpoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The shapes of CodeArtifact names, shared so that {@link DomainKey} validates exactly what
 * {@link EndpointParser} extracts, and settings that name a domain accept exactly what a repository host names.
 */
public final class Names {

    /** 2 to 50 characters; hyphens inside only, so {@code <domain>-<owner>} splits on its last hyphen. */
    static final String DOMAIN = "[a-z][a-z0-9-]{0,48}[a-z0-9]";

    /** An AWS account id. */
    static final String OWNER = "[0-9]{12}";

    /** No dots, so a region can never swallow a host label. */
    static final String REGION = "[a-z]{2}(?:-[a-z]+)+-[0-9]";

    static final String REPOSITORY = "[A-Za-z0-9][A-Za-z0-9._-]{1,99}";

    /** Greedy domain then fixed-width owner: the split lands on the last hyphen before the final 12 digits. */
    static final String DOMAIN_OWNER = "(" + DOMAIN + ")-(" + OWNER + ")";

    static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);

    static final Pattern OWNER_PATTERN = Pattern.compile(OWNER);

    static final Pattern REGION_PATTERN = Pattern.compile(REGION);

    private static final Pattern DOMAIN_OWNER_PATTERN = Pattern.compile(DOMAIN_OWNER);

    /**
     * Whether {@code value} is {@code <domain>-<owner>} as in a repository host: a domain name, a hyphen and the
     * owner's 12-digit account id, such as {@code acme-111122223333}.
     *
     * @param value the text to check, not null
     */
    public static boolean isDomainOwner(String value) {
        return DOMAIN_OWNER_PATTERN.matcher(Objects.requireNonNull(value, "value cannot be null")).matches();
    }

    private Names() {
        // constants and checks only
    }
}
