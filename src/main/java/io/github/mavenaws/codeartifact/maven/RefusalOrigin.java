package io.github.mavenaws.codeartifact.maven;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * Who refused a download with 401/403, as the repository itself tells when asked again for the same file with the
 * same token without following redirects ({@link RepositoryProbe}). Only the CodeArtifact repository can refuse a
 * token: a refusal by the host it redirects downloads to (the presigned S3 URL of a package file) or by something in
 * between (a proxy's block page) says nothing about the token, which is then kept, on disk too. When the repository
 * cannot be asked, or its answer settles nothing, the refusal counts as the repository's, as it always did.
 */
final class RefusalOrigin {
    /** Where a refusal came from. */
    enum Kind {
        /** The repository refuses the token, or it cannot be told otherwise: the token's refusal. */
        REPOSITORY,
        /** The repository accepts the token and redirects the download: the redirect target refused it. */
        REDIRECT_TARGET,
        /** The repository accepts the token and serves the file itself: something in between refused it. */
        IN_BETWEEN
    }

    private final Kind kind;
    private final String host;

    private RefusalOrigin(Kind kind, String host) {
        this.kind = kind;
        this.host = host;
    }

    /** The refusal counts as the repository's: nothing showed otherwise. */
    static final RefusalOrigin REPOSITORY = new RefusalOrigin(Kind.REPOSITORY, null);

    /**
     * @param repositoryHost the repository's host, not null
     * @param answer what the repository answered the same download with the same token, or null when it could not
     *     be asked
     */
    static RefusalOrigin of(String repositoryHost, RepositoryProbe.Answer answer) {
        Objects.requireNonNull(repositoryHost, "repositoryHost cannot be null");
        if (answer == null || !answer.accepted() && !answer.redirected()) {
            return REPOSITORY;
        }
        if (answer.redirected()) {
            String target = host(answer.location());
            // a redirect within the repository's host leads back to the repository, which then refused the token
            return repositoryHost.equalsIgnoreCase(target)
                    ? REPOSITORY : new RefusalOrigin(Kind.REDIRECT_TARGET, target);
        }
        return new RefusalOrigin(Kind.IN_BETWEEN, null);
    }

    /** The host of a Location header, lower case; null when there is none or it has no host. */
    private static String host(String location) {
        if (location == null) {
            return null;
        }
        try {
            String host = new URI(location.trim()).getHost();
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    Kind kind() {
        return kind;
    }

    /** Whether the refusal is the token's: only then is the token dropped and another tried. */
    boolean isTheTokens() {
        return kind == Kind.REPOSITORY;
    }

    /** The redirect target's host, or null when it is not known. */
    String host() {
        return host;
    }

    /**
     * The failure of the refused transfers when the refusal is not the token's: what refused, and what to look at.
     *
     * @param repository the repository, as the user knows it, not null
     * @param status how the transport reported the refusal, not null
     */
    String message(String repository, String status) {
        Objects.requireNonNull(repository, "repository cannot be null");
        if (kind == Kind.REDIRECT_TARGET) {
            boolean s3 = host != null && (host.contains(".s3.") || host.contains(".s3-") || host.startsWith("s3."));
            return repository + " accepts the CodeArtifact token and redirects this download to "
                    + (host == null ? "another host" : host) + (s3 ? " (S3)" : "")
                    + ", and the download's redirect target refused it (" + status + "). The token is fine and is"
                    + " kept. CodeArtifact stores package files in S3: allow this network to reach "
                    + (host == null ? "that host" : host) + " (a VPC endpoint policy for S3, a proxy or firewall"
                    + " rule), and check this machine's clock, since the redirect is a presigned URL.";
        }
        if (kind == Kind.IN_BETWEEN) {
            return repository + " accepts the CodeArtifact token and serves this file, but the download was refused"
                    + " (" + status + ") on its way: a proxy or firewall between this machine and CodeArtifact"
                    + " refused it. The token is fine and is kept; check the proxy's rules for " + repository + ".";
        }
        throw new IllegalStateException("a refusal of the token has no such message");
    }

    @Override
    public String toString() {
        return kind + (host == null ? "" : " " + host);
    }
}
