package io.github.mavenaws.codeartifact.endpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses repository URLs into {@link CodeArtifactEndpoint}s, accepting nothing it cannot fully account for: a URL
 * recognised here receives a CodeArtifact token, so any doubt about its host means no match.
 */
final class EndpointParser {

    private static final int HTTPS_PORT = 443;

    private static final String REGION = "(" + Names.REGION + ")";

    private static final Pattern STANDARD_HOST =
            Pattern.compile(Names.DOMAIN_OWNER + "\\.d\\.codeartifact\\." + REGION + "\\.amazonaws\\.com");

    private static final Pattern DUAL_STACK_HOST =
            Pattern.compile(Names.DOMAIN_OWNER + "\\.codeartifact\\." + REGION + "\\.on\\.aws");

    private static final Pattern VPC_ENDPOINT_HOST =
            Pattern.compile("vpce-[a-z0-9]+-[a-z0-9]+\\.d\\.codeartifact\\." + REGION + "\\.vpce\\.amazonaws\\.com");

    private static final Pattern REPOSITORY_PATH = Pattern.compile("/maven/(" + Names.REPOSITORY + ")(?:/.*)?");

    /** Without private DNS the host only names the endpoint, so the domain moves into the path. */
    private static final Pattern VPC_ENDPOINT_PATH =
            Pattern.compile("/maven/d/" + Names.DOMAIN_OWNER + "/(" + Names.REPOSITORY + ")(?:/.*)?");

    private EndpointParser() {
        // static helpers only
    }

    static Optional<CodeArtifactEndpoint> parse(String url) {
        if (url == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String host = hostOf(uri);
        if (host == null) {
            return Optional.empty();
        }
        // The raw path: decoding could turn %2F into a separator and shift the repository name.
        String path = uri.getRawPath();
        Matcher hostMatch = STANDARD_HOST.matcher(host);
        if (hostMatch.matches()) {
            return inHostForm(url, host, path, hostMatch, EndpointForm.STANDARD);
        }
        hostMatch = DUAL_STACK_HOST.matcher(host);
        if (hostMatch.matches()) {
            return inHostForm(url, host, path, hostMatch, EndpointForm.DUAL_STACK);
        }
        hostMatch = VPC_ENDPOINT_HOST.matcher(host);
        if (hostMatch.matches()) {
            return inVpcEndpointForm(url, host, path, hostMatch.group(1));
        }
        return Optional.empty();
    }

    /**
     * Returns the lower-case host of an https URL that carries nothing but a host and an optional port 443, or
     * {@code null} for anything else.
     */
    private static String hostOf(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return null;
        }
        // Null for opaque URIs and for authorities that are not host names (underscores, escapes, non-ASCII).
        String host = uri.getHost();
        if (host == null || uri.getRawUserInfo() != null) {
            return null;
        }
        if (uri.getPort() != -1 && uri.getPort() != HTTPS_PORT) {
            return null;
        }
        // Catches what the checks above let through, such as an empty port ("host:").
        String authority = uri.getRawAuthority();
        if (!authority.equals(host) && !authority.equals(host + ':' + HTTPS_PORT)) {
            return null;
        }
        // Query and fragment are not part of a repository URL; refusing them keeps the accepted set small.
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return null;
        }
        return toLowerAscii(host);
    }

    /**
     * Lower-cases ASCII letters only, returning {@code null} for any other non-ASCII character: a locale-aware
     * lower-casing maps some of them, like the Kelvin sign, onto ASCII letters.
     */
    private static String toLowerAscii(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c > 0x7F) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                chars[i] = (char) (c + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static Optional<CodeArtifactEndpoint> inHostForm(
            String url, String host, String path, Matcher hostMatch, EndpointForm form) {
        Matcher pathMatch = REPOSITORY_PATH.matcher(path);
        if (!pathMatch.matches()) {
            return Optional.empty();
        }
        DomainKey key = DomainKey.of(hostMatch.group(1), hostMatch.group(2), hostMatch.group(3));
        return Optional.of(new CodeArtifactEndpoint(key, pathMatch.group(1), host, url, form));
    }

    private static Optional<CodeArtifactEndpoint> inVpcEndpointForm(
            String url, String host, String path, String region) {
        Matcher pathMatch = VPC_ENDPOINT_PATH.matcher(path);
        if (!pathMatch.matches()) {
            return Optional.empty();
        }
        DomainKey key = DomainKey.of(pathMatch.group(1), pathMatch.group(2), region);
        return Optional.of(new CodeArtifactEndpoint(key, pathMatch.group(3), host, url, EndpointForm.VPC_ENDPOINT));
    }
}
