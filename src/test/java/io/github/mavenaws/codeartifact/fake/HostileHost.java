package io.github.mavenaws.codeartifact.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Everywhere a token must never go, listening and taking notes: an attacker's names that merely look like
 * CodeArtifact's, IP literals, the real repository host on another port, and plain HTTP. Every request is recorded
 * with the Authorization it carried, if any; the host asks for credentials the way CodeArtifact does (401 with a
 * Basic challenge), so a client that holds a token for it, preemptively or on challenge, hands it over here.
 *
 * <p>It also plays a download host outside AWS (a CDN, say) that a CodeArtifact repository redirects to: under
 * {@code /cdn/<repository>/} it serves that repository's files without asking for anything, so a redirect that is
 * followed completes and shows whether the token came along.
 *
 * <p>Its names resolve to 127.0.0.2 through the fake's hosts file and are in the fake's certificate, as an attacker
 * with a valid certificate for their own name would be. It binds 127.0.0.2 on 443 and 80, [::1] on 443, and
 * the fake AWS's address ({@link FakeAws#address()}) on {@value #OTHER_PORT} and 80 (the genuine repository host, which
 * resolves there, on another port or without TLS). One at a time: its fixed addresses are not per fork.
 */
public final class HostileHost implements AutoCloseable {

    /** Where the hostile names resolve: loopback, but not the fake AWS's address. */
    public static final String ADDRESS = "127.0.0.2";

    /** A port that is not HTTPS's default; the genuine repository host answers here too, with the attacker behind. */
    public static final int OTHER_PORT = 8443;

    /** The attacker's own name. */
    public static final String EVIL = "evil.example";

    /** The standard repository host of the tests' usual domain, with the attacker's name appended. */
    public static final String SUFFIXED = "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com.evil.example";

    /** The standard repository host with the attacker's registrable name in place of {@code amazonaws.com}. */
    public static final String PREFIXED = "acme-111122223333.d.codeartifact.us-west-2.evilamazonaws.com";

    /**
     * The standard repository host with a trailing dot: the same DNS name, but not one the parser accepts. The hosts
     * file sends it here; no certificate can name it (a SAN may not end with a dot), so whether a client gets through
     * depends on how it strips the dot for TLS.
     */
    public static final String TRAILING_DOT = "acme-111122223333.d.codeartifact.us-west-2.amazonaws.com.";

    /** The host names it answers for, each in the fake's certificate and hosts file. */
    static final List<String> NAMES = List.of(EVIL, SUFFIXED, PREFIXED);

    /** Its IP literals, in the certificate as IP addresses. */
    static final List<String> IP_LITERALS = List.of(ADDRESS, "::1");

    /**
     * One request it received.
     *
     * @param scheme        {@code https} or {@code http}
     * @param localAddress  the address and port it came in on, e.g. {@code 127.0.0.2:443}
     * @param host          the Host header as sent
     * @param method        the HTTP method
     * @param path          the raw path
     * @param authorization the scheme of the Authorization header, NONE when there was none
     * @param basicUser     the user name of Basic credentials, or null
     * @param basicPassword the password of Basic credentials, or null; a test must not print it
     * @param issuedToken   whether that header held a token the fake AWS issued
     */
    public record Request(String scheme, String localAddress, String host, String method, String path,
                          FakeCall.Authorization authorization, String basicUser, String basicPassword,
                          boolean issuedToken) {

        /** Whether the request carried any credentials at all. */
        public boolean carriedCredentials() {
            return authorization != FakeCall.Authorization.NONE;
        }

        @Override
        public String toString() {
            // the header itself is never printed: it may be the very token the test is about
            return scheme + "://" + host + path + " on " + localAddress + " " + method + " auth=" + authorization
                    + (basicUser == null ? "" : " user=" + basicUser + " password of " + basicPassword.length()
                            + " characters")
                    + (issuedToken ? " (an issued token!)" : "");
        }
    }

    private final FakeAws aws;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "hostile-host");
        t.setDaemon(true);
        return t;
    });
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, FakeRepository> mirrored = new ConcurrentHashMap<>();

    private HostileHost(FakeAws aws) {
        this.aws = aws;
    }

    /**
     * Starts listening and adds its names to the fake's hosts file. Needs the loopback ports 443 and 80 of
     * 127.0.0.2 and [::1], and 80 and {@value #OTHER_PORT} of the fake AWS's address: a private network namespace, or root.
     */
    public static HostileHost start(FakeAws aws) throws IOException {
        HostileHost host = new HostileHost(aws);
        try {
            host.listen(ADDRESS, 443, true);
            host.listen(ADDRESS, 80, false);
            host.listen("::1", 443, true);
            host.listen(FakeAws.address(), OTHER_PORT, true);
            host.listen(FakeAws.address(), 80, false);
        } catch (IOException e) {
            host.close();
            throw new IOException("Cannot start the hostile host (" + e.getMessage() + "); it needs loopback ports"
                    + " 443 and 80 of " + ADDRESS + " and [::1], and " + OTHER_PORT + " and 80 of " + FakeAws.address(), e);
        }
        NAMES.forEach(name -> aws.resolve(name, ADDRESS));
        aws.resolve(TRAILING_DOT, ADDRESS);
        return host;
    }

    private void listen(String address, int port, boolean tls) throws IOException {
        InetSocketAddress socket = new InetSocketAddress(InetAddress.getByName(address), port);
        HttpServer server;
        if (tls) {
            HttpsServer https = HttpsServer.create(socket, 32);
            https.setHttpsConfigurator(new HttpsConfigurator(aws.tls().serverContext()));
            server = https;
        } else {
            server = HttpServer.create(socket, 32);
        }
        server.createContext("/", exchange -> handle(exchange, tls ? "https" : "http"));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
    }

    /** The base URL under which it serves {@code repository}'s files, for a redirect: {@code <scheme>://evil.example/cdn/<name>/}. */
    public String cdnFor(FakeRepository repository, String scheme) {
        mirrored.put(repository.name(), repository);
        return scheme + "://" + EVIL + "/cdn/" + repository.name() + "/";
    }

    /** Every request so far. */
    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void reset() {
        requests.clear();
    }

    private void handle(HttpExchange exchange, String scheme) throws IOException {
        try {
            exchange.getRequestBody().readAllBytes();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            FakeCall.Authorization kind = FakeCall.Authorization.of(authorization);
            String[] basic = kind == FakeCall.Authorization.BASIC ? basic(authorization) : null;
            String path = exchange.getRequestURI().getRawPath();
            InetSocketAddress local = exchange.getLocalAddress();
            requests.add(new Request(scheme, local.getAddress().getHostAddress() + ":" + local.getPort(),
                    exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestMethod(), path, kind,
                    basic == null ? null : basic[0], basic == null ? null : basic[1],
                    authorization != null && carriesIssuedToken(authorization)));
            byte[] content = cdnContent(path);
            if (content != null) {
                boolean head = "HEAD".equals(exchange.getRequestMethod());
                exchange.sendResponseHeaders(200, head ? -1 : content.length);
                if (!head) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(content);
                    }
                }
                return;
            }
            // CodeArtifact's own challenge: what makes a client that has credentials for this host send them
            byte[] body = "Unauthorized".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"acme/releases\"");
            exchange.sendResponseHeaders(401, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } finally {
            exchange.close();
        }
    }

    /** User and password of {@code Basic base64(user:password)}, or null when it does not decode. */
    private static String[] basic(String authorization) {
        try {
            String pair = new String(java.util.Base64.getDecoder().decode(authorization.trim().substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = pair.indexOf(':');
            return colon < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, colon), pair.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Whether any token the fake issued appears in the header, raw or inside its Basic credentials. */
    private boolean carriesIssuedToken(String authorization) {
        String[] basic = FakeCall.Authorization.of(authorization) == FakeCall.Authorization.BASIC
                ? basic(authorization) : null;
        for (String token : aws.issuedTokens()) {
            if (authorization.contains(token) || basic != null && (basic[0] + ":" + basic[1]).contains(token)) {
                return true;
            }
        }
        return false;
    }

    /** The file under {@code /cdn/<repository>/<path>}, or null. */
    private byte[] cdnContent(String path) {
        if (!path.startsWith("/cdn/")) {
            return null;
        }
        String rest = path.substring("/cdn/".length());
        int slash = rest.indexOf('/');
        FakeRepository repository = slash < 0 ? null : mirrored.get(rest.substring(0, slash));
        if (repository == null) {
            return null;
        }
        try {
            return repository.read(rest.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public void close() {
        servers.forEach(s -> s.stop(0));
        executor.shutdownNow();
    }
}
