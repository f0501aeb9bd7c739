package io.github.mavenaws.codeartifact.token;

import java.util.Arrays;
import java.util.Objects;

/**
 * Names one SDK object of a build: a service client by service, region and profile, a profile's credentials, an assumed
 * role's credentials. A null profile is the SDK's default chain. Value equality; holds no secret.
 */
final class ClientKey {
    private final String service;
    private final String region;
    private final String profile;
    private final String roleArn;
    private final String sessionName;

    private ClientKey(String service, String region, String profile, String roleArn, String sessionName) {
        this.service = service;
        this.region = region;
        this.profile = profile;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
    }

    /**
     * A client of {@code service} ("codeartifact", "sts") in {@code region}, reading {@code profile}'s configuration
     * (null: the default profile).
     */
    static ClientKey client(String service, String region, String profile) {
        return new ClientKey(Objects.requireNonNull(service, "service cannot be null"),
                Objects.requireNonNull(region, "region cannot be null"), profile, null, null);
    }

    /** The credentials of {@code profile}, or of the SDK's default chain when null. */
    static ClientKey credentials(String profile) {
        return new ClientKey("credentials", null, profile, null, null);
    }

    /** {@code roleArn}'s credentials, assumed in {@code region} with {@code profile}'s under {@code sessionName}. */
    static ClientKey role(String profile, String roleArn, String region, String sessionName) {
        return new ClientKey("role", Objects.requireNonNull(region, "region cannot be null"), profile,
                Objects.requireNonNull(roleArn, "roleArn cannot be null"),
                Objects.requireNonNull(sessionName, "sessionName cannot be null"));
    }

    String region() {
        return region;
    }

    String profile() {
        return profile;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ClientKey)) {
            return false;
        }
        ClientKey that = (ClientKey) o;
        return service.equals(that.service) && Objects.equals(region, that.region) && Objects.equals(profile, that.profile)
                && Objects.equals(roleArn, that.roleArn) && Objects.equals(sessionName, that.sessionName);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {service, region, profile, roleArn, sessionName});
    }

    @Override
    public String toString() {
        return "ClientKey[" + service + ", " + (region == null ? "" : region + ", ")
                + (profile == null ? "default chain" : "profile " + profile)
                + (roleArn == null ? "" : ", role " + roleArn + " as " + sessionName) + "]";
    }
}
