package io.github.mavenaws.codeartifact.fake;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * CodeArtifact's Maven repository endpoint, {@code /maven/<repo>/<path>} on a domain's host: GET, HEAD and PUT
 * with the token as the Basic password of user {@code aws} (or as a Bearer token). The token must have been
 * issued for exactly this domain, owner and region; its principal's grants decide at each request.
 */
final class RepositoryEndpoint {

    private final FakeAws aws;
    private final S3Endpoint s3;

    RepositoryEndpoint(FakeAws aws, S3Endpoint s3) {
        this.aws = aws;
        this.s3 = s3;
    }

    FakeReply handle(FakeRequest request, AwsNames.RepositoryAddress address, FakeCall.Notes notes) {
        String method = request.method();
        notes.service(FakeCall.Service.REPOSITORY, method);
        String[] parts = address.path().split("/", 4); // "", "maven", repo, file path
        if (address.domain() == null || parts.length < 3 || !"maven".equals(parts[1]) || parts[2].isEmpty()) {
            return FakeReply.text(404, "text/plain", "Not a Maven repository path: " + address.path());
        }
        String repositoryName = parts[2];
        String filePath = parts.length > 3 ? parts[3] : "";

        IssuedToken token = aws.validToken(bearerOrBasicPassword(request.header("authorization")),
                address.domain(), address.owner(), address.region());
        notes.tokenValid = token != null;
        if (token == null) {
            return FakeReply.text(401, "text/plain", "Unauthorized")
                    .header("WWW-Authenticate", "Basic realm=\"" + address.domain() + "/" + repositoryName + "\"");
        }
        FakeDomain domain = token.domain();
        FakePrincipal principal = token.principal();
        if (!principal.mayGetToken(domain)) {
            return FakeReply.text(403, "text/plain", principal.arn() + " may no longer read " + domain);
        }
        FakeRepository repository = domain.findRepository(repositoryName);
        if (repository == null || filePath.isEmpty()) {
            return FakeReply.text(404, "text/plain", "Not found: " + address.path());
        }
        String[] required = repository.requiredHeader();
        if (required != null && !required[1].equals(request.header(required[0]))) {
            return FakeReply.text(400, "text/plain", "Missing header " + required[0]);
        }
        try {
            FakeRepository.normalize(filePath);
        } catch (IllegalArgumentException e) {
            return FakeReply.text(400, "text/plain", e.getMessage());
        }
        return switch (method) {
            case "GET", "HEAD" -> read(repository, filePath, "HEAD".equals(method));
            case "PUT" -> {
                if (!principal.mayPublish(domain)) {
                    yield FakeReply.text(403, "text/plain", "User: " + principal.arn()
                            + " is not authorized to perform: codeartifact:PublishPackageVersion on " + repository);
                }
                repository.store(filePath, request.body());
                yield FakeReply.empty(200);
            }
            default -> FakeReply.empty(405).header("Allow", "GET, HEAD, PUT");
        };
    }

    private FakeReply read(FakeRepository repository, String filePath, boolean head) {
        byte[] content = repository.read(filePath);
        if (content == null) {
            return FakeReply.text(404, "text/plain", "Not found: " + filePath);
        }
        // CodeArtifact serves metadata and checksums itself and sends package assets to S3
        boolean asset = !filePath.endsWith("maven-metadata.xml") && !FakeRepository.isChecksum(filePath);
        if (!head && asset && repository.redirectsToS3()) {
            return FakeReply.empty(307)
                    .header("Location", s3.presign(repository.domain(), content, repository.s3Denies()));
        }
        if (!head && asset && repository.redirectBase() != null) {
            return FakeReply.empty(307).header("Location", repository.redirectBase() + filePath);
        }
        FakeReply reply = FakeReply.of(200, contentType(filePath), content);
        return head ? reply.forHead() : reply;
    }

    /** The token of {@code Basic base64(aws:<token>)} or {@code Bearer <token>}; null otherwise. */
    static String bearerOrBasicPassword(String authorization) {
        if (authorization == null) {
            return null;
        }
        switch (FakeCall.Authorization.of(authorization)) {
            case BEARER:
                return authorization.trim().substring(7).trim();
            case BASIC:
                try {
                    String pair = new String(Base64.getDecoder().decode(authorization.trim().substring(6).trim()),
                            StandardCharsets.UTF_8);
                    return pair.startsWith("aws:") ? pair.substring(4) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    private static String contentType(String path) {
        if (path.endsWith(".jar")) {
            return "application/java-archive";
        }
        if (path.endsWith(".pom") || path.endsWith(".xml")) {
            return "text/xml";
        }
        return FakeRepository.isChecksum(path) ? "text/plain" : "application/octet-stream";
    }
}
