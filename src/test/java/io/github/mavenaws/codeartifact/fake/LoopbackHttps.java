package io.github.mavenaws.codeartifact.fake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * A minimal HTTPS/1.1 client for tests in this JVM: connects to the fake's loopback port but speaks to a real AWS
 * host name (SNI, Host header, certificate check against that name), which JDK clients cannot do without a hosts
 * file. Follows no redirects and adds no headers beyond Host, Connection and Content-Length.
 */
public final class LoopbackHttps {

    private LoopbackHttps() {
    }

    /** A response; header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Sends one request to {@code host} through the fake, verifying the certificate for {@code host}. */
    public static Response send(FakeAws aws, String host, String method, String pathAndQuery,
                                Map<String, String> headers, byte[] body) throws IOException {
        Socket plain = new Socket();
        plain.connect(new InetSocketAddress(FakeAws.address(), aws.port()), 5_000);
        plain.setSoTimeout(10_000);
        // layered over a loopback socket but created for `host`: SNI and endpoint identification both use `host`
        try (SSLSocket socket = (SSLSocket) aws.clientSslContext().getSocketFactory()
                .createSocket(plain, host, aws.port(), true)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();

            StringBuilder head = new StringBuilder()
                    .append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append(aws.port() == 443 ? "" : ":" + aws.port()).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream(), "HEAD".equals(method));
        }
    }

    public static Response get(FakeAws aws, String host, String pathAndQuery, Map<String, String> headers)
            throws IOException {
        return send(aws, host, "GET", pathAndQuery, headers, null);
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(line.substring(colon + 1).trim());
        }
        if (head) {
            return new Response(status, headers, new byte[0]);
        }
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        byte[] body;
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length.get(0)));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("Connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
