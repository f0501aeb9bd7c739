package io.github.mavenaws.codeartifact.endpoint;

import java.util.Objects;
import java.util.Optional;

/**
 * A CodeArtifact Maven repository recognised from its URL, together with the {@link DomainKey} whose token it needs.
 * Only URLs whose whole host is a CodeArtifact repository host are recognised, so a token is never sent elsewhere.
 */
public final class CodeArtifactEndpoint {

    private final DomainKey key;

    private final String repository;

    private final String host;

    private final String url;

    private final EndpointForm form;

    CodeArtifactEndpoint(DomainKey key, String repository, String host, String url, EndpointForm form) {
        this.key = Objects.requireNonNull(key, "key cannot be null");
        this.repository = Objects.requireNonNull(repository, "repository cannot be null");
        this.host = Objects.requireNonNull(host, "host cannot be null");
        this.url = Objects.requireNonNull(url, "url cannot be null");
        this.form = Objects.requireNonNull(form, "form cannot be null");
    }

    /**
     * Recognises a CodeArtifact Maven repository URL in one of the {@link EndpointForm}s. The URL must use https,
     * have no user info, no port other than 443, no query and no fragment, and a path starting with the form's
     * {@code /maven/} prefix followed by the repository name. Scheme and host are matched case-insensitively: DNS
     * names are (RFC 4343), so {@code ACME-...AMAZONAWS.COM} is the very host AWS certifies and may have the token,
     * filed under the same domain. Anything else that could name another host is refused rather than normalised: a
     * trailing dot, user info, a port other than 443, IP literals, percent-encoding, backslashes, whitespace, control
     * characters and every non-ASCII character (IDN look-alikes, full-width dots, the Kelvin sign).
     *
     * @param url the repository URL, may be {@code null}
     * @return the endpoint, or empty if the URL is {@code null} or not a CodeArtifact Maven repository URL; never
     *     {@code null}
     */
    public static Optional<CodeArtifactEndpoint> parse(String url) {
        return EndpointParser.parse(url);
    }

    /**
     * @return the domain whose token this repository needs, never {@code null}
     */
    public DomainKey key() {
        return key;
    }

    /**
     * @return the repository name, never {@code null}
     */
    public String repository() {
        return repository;
    }

    /**
     * @return the host, in lower case, never {@code null}
     */
    public String host() {
        return host;
    }

    /**
     * @return the URL exactly as given to {@link #parse(String)}, never {@code null}
     */
    public String url() {
        return url;
    }

    /**
     * @return the host name form of the URL, never {@code null}
     */
    public EndpointForm form() {
        return form;
    }

    @Override
    public boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (!(obj instanceof CodeArtifactEndpoint)) {
            return false;
        }
        CodeArtifactEndpoint that = (CodeArtifactEndpoint) obj;
        return key.equals(that.key) && repository.equals(that.repository) && host.equals(that.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, repository, host);
    }

    @Override
    public String toString() {
        return "CodeArtifact repository '" + repository + "' in " + key;
    }
}
