package io.github.mavenaws.codeartifact.endpoint;

import java.util.regex.Pattern;

/**
 * The shapes of CodeArtifact names, shared so that {@link DomainKey} validates exactly what
 * {@link EndpointParser} extracts.
 */
final class Names {

    /** 2 to 50 characters; hyphens inside only, so {@code <domain>-<owner>} splits on its last hyphen. */
    static final String DOMAIN = "[a-z][a-z0-9-]{0,48}[a-z0-9]";

    /** An AWS account id. */
    static final String OWNER = "[0-9]{12}";

    /** No dots, so a region can never swallow a host label. */
    static final String REGION = "[a-z]{2}(?:-[a-z]+)+-[0-9]";

    static final String REPOSITORY = "[A-Za-z0-9][A-Za-z0-9._-]{1,99}";

    static final Pattern DOMAIN_PATTERN = Pattern.compile(DOMAIN);

    static final Pattern OWNER_PATTERN = Pattern.compile(OWNER);

    static final Pattern REGION_PATTERN = Pattern.compile(REGION);

    private Names() {
        // constants only
    }
}
