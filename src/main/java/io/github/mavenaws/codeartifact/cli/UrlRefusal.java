package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Why a URL is not one the extension gives a token to, in one sentence with the fix. The endpoint parser only
 * says yes or no; the reasons here follow its rules (https, no user info, port 443 only, no query, a CodeArtifact
 * host, a {@code /maven/} path), checking the host by giving the parser the same host with a well-formed path. The
 * URL is never echoed whole: it may carry a password in its user info.
 */
final class UrlRefusal {
    static final String FORMS = "https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/,"
            + " the dual-stack https://<domain>-<owner>.codeartifact.<region>.on.aws/maven/<repository>/, or a VPC"
            + " endpoint's https://vpce-<id>.d.codeartifact.<region>.vpce.amazonaws.com/maven/d/<domain>-<owner>"
            + "/<repository>/";

    private UrlRefusal() {}

    /**
     * @param url a URL that {@link CodeArtifactEndpoint#parse} refused, may be null
     * @return the reason, never null
     */
    static String explain(String url) {
        if (url == null || url.trim().isEmpty()) {
            return "No repository URL given. Give a CodeArtifact repository URL: " + FORMS + ".";
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return "This is not a valid URL (" + e.getReason() + " at character " + (e.getIndex() + 1)
                    + "). Give a CodeArtifact repository URL: " + FORMS + ".";
        }
        String host = uri.getHost();
        if (uri.getScheme() == null || host == null) {
            return "This is not an absolute URL with a host. Give a CodeArtifact repository URL: " + FORMS + ".";
        }
        String wellFormed = "https://" + host;
        boolean knownHost = CodeArtifactEndpoint.parse(wellFormed + "/maven/repo/").isPresent()
                || CodeArtifactEndpoint.parse(wellFormed + "/maven/d/domain-111122223333/repo/").isPresent();
        if (!knownHost) {
            return host + " is not an AWS CodeArtifact repository host, so no token is given for it (a token is"
                    + " only ever sent to CodeArtifact). A CodeArtifact repository URL is " + FORMS + ": copy it"
                    + " from the repository's \"View connection instructions\" in the CodeArtifact console.";
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return "The URL uses " + uri.getScheme() + ": CodeArtifact repositories are served over https only,"
                    + " and a token is never sent in the clear. Use https://" + host + "/...";
        }
        if (uri.getRawUserInfo() != null) {
            return "The URL carries user info (user@ or user:password@), which CodeArtifact URLs never have: remove"
                    + " it, the token is the credential.";
        }
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            return "The URL names port " + uri.getPort() + ": CodeArtifact repositories listen on 443 only. Remove"
                    + " the port.";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "The URL has a query (?...) or fragment (#...), which a repository URL has not: remove it.";
        }
        return "The path " + (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "(none)" : uri.getRawPath())
                + " is not a CodeArtifact Maven repository path: it must be /maven/<repository>/ (for a VPC endpoint"
                + " /maven/d/<domain>-<owner>/<repository>/), with a repository name of letters, digits, . _ and -.";
    }
}
