package io.github.mavenaws.codeartifact.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Maven repository of a domain, held in memory. Files seeded with {@link #put} get their {@code .sha1} and
 * {@code .md5}; files clients PUT are stored verbatim so tests see exactly what Maven uploaded. Missing files can
 * fall through to an upstream directory, like CodeArtifact's upstream to Maven Central.
 */
public final class FakeRepository {

    /** Checksum extensions Maven asks for, with the digest that produces them. */
    private static final Map<String, String> CHECKSUMS = Map.of(
            ".md5", "MD5", ".sha1", "SHA-1", ".sha256", "SHA-256", ".sha512", "SHA-512");

    private final FakeDomain domain;
    private final String name;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private volatile Path upstream;
    private volatile boolean redirectToS3;
    private volatile boolean s3Denies;
    private volatile String redirectBase;
    private volatile String[] requiredHeader;

    FakeRepository(FakeDomain domain, String name) {
        this.domain = domain;
        this.name = name;
    }

    public FakeDomain domain() {
        return domain;
    }

    public String name() {
        return name;
    }

    /** {@code https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repo>/}, the URL for Maven. */
    public String url() {
        return domain.aws().url(domain.host()) + "/maven/" + name + "/";
    }

    public String dualStackUrl() {
        return domain.aws().url(domain.dualStackHost()) + "/maven/" + name + "/";
    }

    public String vpcEndpointUrl() {
        return domain.aws().url(domain.vpcEndpointHost()) + "/maven/d/" + domain.name() + "-" + domain.owner()
                + "/" + name + "/";
    }

    /** Seeds a file, plus its {@code .sha1} and {@code .md5} unless it is a checksum itself. */
    public FakeRepository put(String path, byte[] content) {
        String p = normalize(path);
        files.put(p, content.clone());
        if (checksumAlgorithm(p) == null) {
            files.put(p + ".sha1", checksum(content, "SHA-1"));
            files.put(p + ".md5", checksum(content, "MD5"));
        }
        return this;
    }

    public FakeRepository put(String path, String content) {
        return put(path, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether the repository itself holds the file (seeded or uploaded), upstream not considered. */
    public boolean contains(String path) {
        return files.containsKey(normalize(path));
    }

    /** The bytes held for the path; throws listing what is there when it is missing. */
    public byte[] content(String path) {
        byte[] content = files.get(normalize(path));
        if (content == null) {
            throw new NoSuchElementException(name + " has no " + path + "; it has " + paths());
        }
        return content.clone();
    }

    public List<String> paths() {
        return files.keySet().stream().sorted().toList();
    }

    /** GETs and HEADs of missing files are answered from this Maven repository directory, when it has them. */
    public FakeRepository upstream(Path dir) {
        this.upstream = dir;
        return this;
    }

    /** Downloads of artifacts answer 307 to a presigned S3 URL, as CodeArtifact does for package assets. */
    public FakeRepository redirectArtifactsToS3(boolean redirect) {
        this.redirectToS3 = redirect;
        return this;
    }

    boolean redirectsToS3() {
        return redirectToS3;
    }

    /**
     * S3 answers the presigned URLs of this repository's files with 403 AccessDenied, as it does when a bucket or VPC
     * endpoint policy denies the CodeArtifact assets bucket: the repository itself still accepts the token.
     */
    public FakeRepository s3DeniesDownloads(boolean deny) {
        this.s3Denies = deny;
        return this;
    }

    boolean s3Denies() {
        return s3Denies;
    }

    /**
     * Downloads of artifacts answer 307 to {@code baseUrl + <file path>}, a host outside AWS; null for none. Not
     * what CodeArtifact does, but what a compromised or misconfigured front could: the token must not follow.
     */
    public FakeRepository redirectArtifactsTo(String baseUrl) {
        this.redirectBase = baseUrl;
        return this;
    }

    String redirectBase() {
        return redirectBase;
    }

    /**
     * Every request with a valid token must also carry this header with this value, else it is answered 400: not what
     * CodeArtifact does, but how a test sees that headers a user configured for the repository arrive.
     */
    public FakeRepository requireHeader(String headerName, String value) {
        this.requiredHeader = new String[] {headerName, value};
        return this;
    }

    /** The header name and value every authorized request must carry, or null. */
    String[] requiredHeader() {
        return requiredHeader;
    }

    void store(String path, byte[] content) {
        files.put(normalize(path), content);
    }

    /** The file's bytes from the repository, else upstream; checksums of either are computed when not held. */
    byte[] read(String path) {
        String p = normalize(path);
        byte[] held = readPlain(p);
        if (held != null) {
            return held;
        }
        String algorithm = checksumAlgorithm(p);
        if (algorithm != null) {
            byte[] base = readPlain(p.substring(0, p.lastIndexOf('.')));
            return base == null ? null : checksum(base, algorithm);
        }
        return null;
    }

    private byte[] readPlain(String p) {
        byte[] held = files.get(p);
        return held != null ? held : readUpstream(p);
    }

    private byte[] readUpstream(String p) {
        Path dir = upstream;
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(p).normalize();
        String fileName = file.getFileName().toString();
        // a local repository's bookkeeping, not repository content
        if (!file.startsWith(dir.normalize()) || fileName.equals("_remote.repositories")
                || fileName.endsWith(".lastUpdated") || fileName.equals("resolver-status.properties")
                || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isChecksum(String path) {
        return checksumAlgorithm(path) != null;
    }

    private static String checksumAlgorithm(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : CHECKSUMS.get(path.substring(dot));
    }

    private static byte[] checksum(byte[] content, String algorithm) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
            return hex.getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code com/x/a.jar} from {@code /com/x/a.jar}; refuses traversal so upstream stays inside its directory. */
    static String normalize(String path) {
        String p = path.replaceFirst("^/+", "");
        if (p.isEmpty() || p.contains("\\") || ("/" + p + "/").contains("/../") || ("/" + p + "/").contains("/./")
                || p.contains("//")) {
            throw new IllegalArgumentException("Not a repository file path: " + path);
        }
        return p;
    }

    @Override
    public String toString() {
        return domain + "/" + name;
    }
}
