package io.github.mavenaws.codeartifact.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Sends each request to the AWS surface it addresses and records it. Repository and S3 requests are told apart by
 * Host; API calls by path and content, because with {@code AWS_ENDPOINT_URL_*} overrides they arrive on
 * {@code localhost}.
 */
final class Router implements HttpHandler {

    private final FakeAws aws;
    private final CodeArtifactApi codeArtifact;
    private final StsApi sts;
    private final S3Endpoint s3;
    private final RepositoryEndpoint repository;
    private final SsoPortalApi ssoPortal;
    private final SsoOidcApi ssoOidc;

    Router(FakeAws aws) {
        this.aws = aws;
        this.codeArtifact = new CodeArtifactApi(aws);
        this.sts = new StsApi(aws);
        this.s3 = new S3Endpoint(aws);
        this.repository = new RepositoryEndpoint(aws, s3);
        this.ssoPortal = new SsoPortalApi(aws, aws.ssoDirectory());
        this.ssoOidc = new SsoOidcApi();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            FakeRequest request = new FakeRequest(exchange.getRequestMethod(),
                    exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            FakeCall.Notes notes = new FakeCall.Notes();
            FakeReply reply;
            try {
                reply = route(request, notes);
            } catch (RuntimeException e) {
                // a bug in the fake must fail the test loudly, not look like an AWS answer
                e.printStackTrace();
                aws.violation("fake AWS failed on " + request.method() + " " + request.host() + request.rawPath()
                        + ": " + e);
                reply = FakeReply.text(500, "text/plain", "fake AWS failed: " + e);
            }
            aws.record(new FakeCall(notes.service, notes.operation, request.host(), request.rawPath(),
                    request.rawQuery(), notes.accessKeyId, notes.region, reply.status(), notes.errorCode,
                    FakeCall.Authorization.of(request.header("authorization")), notes.tokenValid));
            if (reply.hold() != null) {
                // an endpoint that accepted the connection and never answers: the client must time out
                reply.hold().run();
                return;
            }
            hold(aws.latency());
            write(exchange, reply);
        } finally {
            exchange.close();
        }
    }

    private FakeReply route(FakeRequest request, FakeCall.Notes notes) {
        String host = request.host();
        AwsNames.RepositoryAddress address = AwsNames.parseRepository(host, request.rawPath());
        if (address != null) {
            return repository.handle(request, address, notes);
        }
        if (AwsNames.isS3Host(host)) {
            return s3.handle(request, notes);
        }
        if (request.rawPath().startsWith(CodeArtifactApi.PATH) || AwsNames.isCodeArtifactApiHost(host)) {
            return codeArtifact.handle(request, notes);
        }
        if (request.rawPath().startsWith(SsoPortalApi.PATH) || AwsNames.isSsoPortalHost(host)) {
            return ssoPortal.handle(request, notes);
        }
        if (AwsNames.isSsoOidcHost(host) || "/token".equals(request.rawPath())) {
            return ssoOidc.handle(request, notes);
        }
        if (StsApi.accepts(request) || AwsNames.isStsHost(host)) {
            return sts.handle(request, notes);
        }
        notes.service(FakeCall.Service.OTHER, request.method());
        return FakeReply.text(404, "text/plain", "The fake AWS serves nothing at " + host + request.rawPath());
    }

    /** The benchmark's network distance, spent after the request is read and before the answer is sent. */
    private static void hold(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void write(HttpExchange exchange, FakeReply reply) throws IOException {
        reply.headers().forEach(exchange.getResponseHeaders()::set);
        byte[] body = reply.body();
        if (reply.headOnly()) {
            // HttpServer sends no body for HEAD; the length is announced by hand
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(reply.status(), -1);
        } else if (body.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
