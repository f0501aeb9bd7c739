package io.github.mavenaws.codeartifact.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A corporate HTTPS proxy on loopback: CONNECT only, Basic proxy authentication required, every tunnel opened to
 * the fake AWS (the world's one server), whatever AWS name it was asked for. Records the authorities it tunnelled
 * to and the requests it refused for want of credentials.
 */
public final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final String expectedAuthorization;
    private final int targetPort;
    /** "host:port" of each tunnel opened, in order. */
    public final List<String> tunnels = new CopyOnWriteArrayList<>();
    public final AtomicInteger refusals = new AtomicInteger();

    /**
     * @param username the only user it lets through
     * @param password that user's password
     * @param targetPort the fake AWS's port on {@link FakeAws#address()}
     */
    public ConnectProxy(String username, String password, int targetPort) throws IOException {
        this.expectedAuthorization = "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        Thread accept = new Thread(this::accept, "connect-proxy");
        accept.setDaemon(true);
        accept.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        try {
            while (true) {
                Socket client = server.accept();
                Thread thread = new Thread(() -> serve(client), "connect-proxy-client");
                thread.setDaemon(true);
                thread.start();
            }
        } catch (IOException closed) {
            // the test is over
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] request = head.split("\r\n")[0].split(" ");
                if (request.length < 2 || !request[0].equals("CONNECT")) {
                    out.write("HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n".getBytes());
                    return;
                }
                String authorization = header(head, "Proxy-Authorization");
                if (!expectedAuthorization.equals(authorization)) {
                    refusals.incrementAndGet();
                    // keep-alive, as real proxies do: the JDK and HttpClient retry on the same connection
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                            + " realm=\"corp\"\r\nContent-Length: 0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    continue;
                }
                tunnels.add(request[1]);
                try (Socket target = new Socket(InetAddress.getByName(FakeAws.address()), targetPort)) {
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    Thread up = new Thread(() -> pump(in, target), "connect-proxy-up");
                    up.setDaemon(true);
                    up.start();
                    pump(target.getInputStream(), client);
                }
                return;
            }
        } catch (IOException e) {
            // a client that went away
        }
    }

    private static void pump(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // either side closed
        }
    }

    private static String header(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** The request head up to the blank line, or null at the end of the stream. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                return new String(bytes, StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
