package io.github.mavenaws.codeartifact.endpoint;

/**
 * The host name forms under which CodeArtifact serves a Maven repository.
 */
public enum EndpointForm {

    /** {@code https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repo>/}. */
    STANDARD,

    /** {@code https://<domain>-<owner>.codeartifact.<region>.on.aws/maven/<repo>/}, reachable over IPv4 and IPv6. */
    DUAL_STACK,

    /**
     * {@code https://vpce-<id>-<suffix>.d.codeartifact.<region>.vpce.amazonaws.com/maven/d/<domain>-<owner>/<repo>/},
     * an interface VPC endpoint used without private DNS, so the domain moves into the path.
     */
    VPC_ENDPOINT
}
