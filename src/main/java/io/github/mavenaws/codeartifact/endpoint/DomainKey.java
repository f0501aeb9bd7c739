package io.github.mavenaws.codeartifact.endpoint;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity a CodeArtifact authorization token is issued for: a domain, the account owning it, and its region.
 * Instances are immutable and validated, so they are safe to use as cache keys.
 */
public final class DomainKey {

    private final String domain;

    private final String owner;

    private final String region;

    private DomainKey(String domain, String owner, String region) {
        this.domain = domain;
        this.owner = owner;
        this.region = region;
    }

    /**
     * Creates a key after checking the shape of each part.
     *
     * @param domain the domain name, 2 to 50 lower-case letters, digits and hyphens, starting with a letter and not
     *     ending with a hyphen; must not be {@code null}
     * @param owner the 12-digit id of the AWS account owning the domain; must not be {@code null}
     * @param region the AWS region, such as {@code us-west-2}; must not be {@code null}
     * @return the key, never {@code null}
     * @throws IllegalArgumentException if a part does not have the expected shape; the message names the part but
     *     does not repeat its value
     */
    public static DomainKey of(String domain, String owner, String region) {
        Objects.requireNonNull(domain, "domain cannot be null");
        Objects.requireNonNull(owner, "owner cannot be null");
        Objects.requireNonNull(region, "region cannot be null");
        // Messages describe the expected shape only: values may come from untrusted configuration.
        require(Names.DOMAIN_PATTERN, domain, "domain must be 2-50 lower-case letters, digits or hyphens,"
                + " starting with a letter and not ending with a hyphen");
        require(Names.OWNER_PATTERN, owner, "owner must be a 12-digit AWS account id");
        require(Names.REGION_PATTERN, region, "region must look like us-west-2");
        return new DomainKey(domain, owner, region);
    }

    private static void require(Pattern pattern, String value, String message) {
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * @return the domain name, never {@code null}
     */
    public String domain() {
        return domain;
    }

    /**
     * @return the 12-digit id of the account owning the domain, never {@code null}
     */
    public String owner() {
        return owner;
    }

    /**
     * @return the region, never {@code null}
     */
    public String region() {
        return region;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof DomainKey)) {
            return false;
        }
        DomainKey that = (DomainKey) obj;
        return domain.equals(that.domain) && owner.equals(that.owner) && region.equals(that.region);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, owner, region);
    }

    @Override
    public String toString() {
        return domain + '-' + owner + " (" + region + ')';
    }
}
