package io.github.mavenaws.codeartifact.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Opens the SDK's connections, through the host's proxy when {@link AwsProxies} names one. The SDK's own proxy
 * support cannot authenticate HTTPS: it sets {@code Proxy-Authorization} as a request header, which the JDK sends
 * inside the tunnel, not with the CONNECT that opens it (and the JDK disables Basic for tunnels besides). So the
 * tunnel is opened here: the connection's socket connects to the proxy and sends CONNECT with the credentials; TLS
 * to the AWS host then runs over it as on a direct connection, with the JVM's trust store and host name checks.
 */
final class ProxiedConnections implements UrlConnectionFactory {
    private static final Logger LOGGER = LoggerFactory.getLogger(ProxiedConnections.class);

    private final AwsProxies proxies;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final Map<String, Boolean> logged = new ConcurrentHashMap<>();

    /**
     * The SDK's URL connection client over these connections. Built here, not where it is used: a caller that
     * handed this class to the client's builder itself would make the JVM's verifier load SDK classes as soon as
     * the caller loads, which a build served from the disk cache must not.
     */
    static SdkHttpClient httpClient(AwsProxies proxies) {
        return UrlConnectionHttpClient.create(
                new ProxiedConnections(proxies, AwsClients.CONNECT_TIMEOUT, AwsClients.READ_TIMEOUT));
    }

    ProxiedConnections(AwsProxies proxies, Duration connectTimeout, Duration readTimeout) {
        this.proxies = Objects.requireNonNull(proxies, "proxies cannot be null");
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        try {
            AwsProxy proxy = proxies.forHost(uri.getHost());
            if (logged.putIfAbsent(uri.getHost(), Boolean.TRUE) == null) {
                LOGGER.debug("AWS calls to {} go {}", uri.getHost(), proxies.describe(uri.getHost()));
            }
            HttpURLConnection connection;
            if (proxy == null) {
                connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
            } else if ("https".equalsIgnoreCase(uri.getScheme())) {
                connection = (HttpURLConnection) uri.toURL().openConnection(Proxy.NO_PROXY);
                ((HttpsURLConnection) connection).setSSLSocketFactory(new TunnelSockets(proxy, connectTimeoutMillis));
            } else {
                // plain HTTP (an endpoint override) goes to the proxy as a request, the credentials with it
                connection = (HttpURLConnection) uri.toURL().openConnection(new Proxy(Proxy.Type.HTTP,
                        InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
                if (proxy.username() != null) {
                    connection.setRequestProperty("Proxy-Authorization", basic(proxy));
                }
            }
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            return connection;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String basic(AwsProxy proxy) {
        String pair = proxy.username() + ":" + (proxy.password() == null ? "" : proxy.password());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The JDK's HTTPS client asks its socket factory for an unconnected socket, connects it to the AWS host, then
     * layers TLS over it with {@link #createSocket(Socket, String, int, boolean)}: the socket here connects to the
     * proxy instead and asks it for a tunnel to the AWS host.
     */
    private static final class TunnelSockets extends SSLSocketFactory {
        private final SSLSocketFactory tls = (SSLSocketFactory) SSLSocketFactory.getDefault();
        private final AwsProxy proxy;
        private final int connectTimeoutMillis;

        TunnelSockets(AwsProxy proxy, int connectTimeoutMillis) {
            this.proxy = proxy;
            this.connectTimeoutMillis = connectTimeoutMillis;
        }

        @Override
        public Socket createSocket() {
            return new TunnelSocket(proxy);
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(socket, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket socket = new TunnelSocket(proxy);
            socket.connect(InetSocketAddress.createUnresolved(host, port), connectTimeoutMillis);
            return tls.createSocket(socket, host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostName(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address.getHostName(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    /** A socket that, asked to connect to an AWS host, connects to the proxy and opens a tunnel to that host. */
    private static final class TunnelSocket extends Socket {
        /** How long a proxy may take at least to answer CONNECT (it connects to the AWS host first). */
        private static final int PROXY_ANSWER_MILLIS = 10_000;

        private final AwsProxy proxy;

        TunnelSocket(AwsProxy proxy) {
            this.proxy = proxy;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress target = (InetSocketAddress) endpoint;
            // the AWS name as written: this machine need not resolve it, the proxy does
            String host = target.getHostString();
            super.connect(new InetSocketAddress(proxy.host(), proxy.port()), timeout);
            String authority = host + ":" + target.getPort();
            StringBuilder request = new StringBuilder("CONNECT ").append(authority).append(" HTTP/1.1\r\nHost: ")
                    .append(authority).append("\r\n");
            if (proxy.username() != null) {
                request.append("Proxy-Authorization: ").append(basic(proxy)).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // the connection's read timeout is set only once connect returns: bound the proxy's answer here
            int readTimeout = getSoTimeout();
            setSoTimeout(Math.max(timeout, PROXY_ANSWER_MILLIS));
            String status;
            try {
                status = readHead(getInputStream());
            } catch (IOException e) {
                close();
                throw e;
            } finally {
                if (!isClosed()) {
                    setSoTimeout(readTimeout);
                }
            }
            String[] parts = status.split(" ", 3);
            int code = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
            if (code == 200) {
                return;
            }
            close();
            if (code == 407) {
                throw new IOException("the proxy " + proxy.describe() + " refused "
                        + (proxy.username() == null ? "to tunnel without credentials" : "the credentials of "
                        + proxy.username()) + " (HTTP 407): check the proxy's username and password");
            }
            throw new IOException("the proxy " + proxy.describe() + " would not open a tunnel to " + authority
                    + " (" + (code == -1 ? "no HTTP answer" : "HTTP " + code) + ")");
        }

        /** The status line of the proxy's answer; reads its head to the blank line, so TLS starts after it. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b == -1) {
                    break;
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                        ? matched + 1 : b == '\r' ? 1 : 0;
                if (head.size() > 16384) {
                    break;
                }
            }
            String text = new String(head.toByteArray(), StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n");
            return end < 0 ? text : text.substring(0, end);
        }
    }
}
