package io.github.mavenaws.codeartifact.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container credentials endpoint of ECS, CodeBuild and EKS Pod Identity, as the AWS SDK reads it through
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}: plain HTTP on loopback (which the SDK accepts), one path per task
 * role, answering the role session's temporary keys in the endpoint's JSON form. An {@code Authorization} header,
 * when a path asks for one, must match ({@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, as EKS Pod Identity sends it).
 */
public final class ContainerCredentialsEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, FakePrincipal> sessions = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private ContainerCredentialsEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port until closed. */
    public static ContainerCredentialsEndpoint start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ContainerCredentialsEndpoint endpoint = new ContainerCredentialsEndpoint(server);
        server.createContext("/", endpoint::handle);
        server.start();
        return endpoint;
    }

    /**
     * Serves {@code session}'s keys at {@code path}.
     *
     * @param authorization the Authorization header the SDK must send, or null for none
     * @return the URI to put in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}
     */
    public String serve(String path, FakePrincipal session, String authorization) {
        sessions.put(path, session);
        if (authorization != null) {
            authorizations.put(path, authorization);
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** How many credential requests were answered or refused so far. */
    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        FakePrincipal session = sessions.get(path);
        String expected = authorizations.get(path);
        int status;
        String body;
        if (session == null) {
            status = 404;
            body = "{\"code\":\"NotFound\",\"message\":\"no task role at this path\"}";
        } else if (expected != null && !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            status = 403;
            body = "{\"code\":\"AccessDenied\",\"message\":\"missing or wrong authorization token\"}";
        } else {
            status = 200;
            body = "{\"AccessKeyId\":\"" + session.accessKeyId() + "\",\"SecretAccessKey\":\""
                    + session.secretAccessKey() + "\",\"Token\":\"" + session.sessionToken() + "\",\"Expiration\":\""
                    + session.expiration() + "\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
