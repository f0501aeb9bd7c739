package io.github.mavenaws.codeartifact.maven;

import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Spells out {@code :443} in the repository URL the delegate's transport sees, on resolver 2. Resolver 2.0.24's
 * Apache transport (Maven 3.10) files the preemptive scheme in its auth cache under the URL's host as written,
 * while HttpClient looks it up under {@code host:443}; without the port the first request to every repository
 * would be challenged. Resolver 1 transports are left as they are: their Host header stays bare.
 */
final class ExplicitHttpsPort {

    private static final boolean RESOLVER2 = isResolver2();

    private ExplicitHttpsPort() {
    }

    /**
     * @param repository the repository the delegate connector opens, not null
     * @return on resolver 2 the repository with its port spelled out, on resolver 1 the repository itself
     */
    static RemoteRepository forTransport(RemoteRepository repository) {
        return RESOLVER2 ? spelledOut(repository) : repository;
    }

    /** The repository with {@code :443} after the host of its https URL, or itself if that URL names a port. */
    static RemoteRepository spelledOut(RemoteRepository repository) {
        // by hand, not through URI's multi-argument constructors, which would quote the path's % escapes again
        String url = repository.getUrl();
        int authority = url.indexOf("://");
        if (authority != 5 || !url.regionMatches(true, 0, "https", 0, 5)) {
            return repository;
        }
        authority += 3;
        int end = authority;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String hostPart = url.substring(authority, end);
        if (hostPart.isEmpty() || hostPart.indexOf(':') >= 0 || hostPart.indexOf('@') >= 0) {
            return repository; // a port already, an IPv6 literal or userinfo: not a CodeArtifact host we claimed
        }
        String explicit = url.substring(0, end) + ":443" + url.substring(end);
        return new RemoteRepository.Builder(repository).setUrl(explicit).build();
    }

    /** Resolver 2's API has the session builder; resolver 1's (Maven 3.8, 3.9) does not. */
    private static boolean isResolver2() {
        try {
            Class.forName("org.eclipse.aether.RepositorySystemSession$SessionBuilder", false,
                    RepositorySystemSession.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
