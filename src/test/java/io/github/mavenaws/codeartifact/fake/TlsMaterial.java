package io.github.mavenaws.codeartifact.fake;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The fake's one self-signed certificate, covering every AWS name it answers for, and a trust store holding only
 * that certificate. Handed to Maven as {@code javax.net.ssl.trustStore}, the trust store makes the real names
 * validate against the fake and nothing else validate at all.
 */
final class TlsMaterial {

    static final String PASSWORD = "fake-aws-changeit";
    private static final String ALIAS = "fake-aws";

    /** keytool takes about a second; the names never change, so one key pair serves every FakeAws of this JVM. */
    private static byte[] cachedKeyStore;

    private final Path trustStore;
    private final SSLContext serverContext;
    private final TrustManager[] trustManagers;

    private TlsMaterial(Path trustStore, SSLContext serverContext, TrustManager[] trustManagers) {
        this.trustStore = trustStore;
        this.serverContext = serverContext;
        this.trustManagers = trustManagers;
    }

    static TlsMaterial create(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path keyStoreFile = workDir.resolve("fake-aws-keystore.p12");
        Path trustStoreFile = workDir.resolve("fake-aws-truststore.p12");
        Files.write(keyStoreFile, keyStoreBytes(workDir));
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(Files.readAllBytes(keyStoreFile)), PASSWORD.toCharArray());
            Certificate certificate = keys.getCertificate(ALIAS);

            // Written through the KeyStore API so the JDK marks the entry as a trust anchor.
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStoreFile)) {
                trust.store(out, PASSWORD.toCharArray());
            }

            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD.toCharArray());
            SSLContext server = SSLContext.getInstance("TLS");
            server.init(kmf.getKeyManagers(), null, null);

            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            return new TlsMaterial(trustStoreFile, server, tmf.getTrustManagers());
        } catch (GeneralSecurityException e) {
            throw new IOException("Cannot load the fake AWS key store " + keyStoreFile, e);
        }
    }

    private static synchronized byte[] keyStoreBytes(Path workDir) throws IOException {
        if (cachedKeyStore == null) {
            Path scratch = Files.createTempDirectory(workDir, "keytool");
            Path file = scratch.resolve("keystore.p12");
            runKeytool(file);
            cachedKeyStore = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(scratch);
        }
        return cachedKeyStore;
    }

    private static void runKeytool(Path file) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(),
                "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-validity", "3650",
                "-dname", "CN=Fake AWS for maven-aws-extension tests",
                "-ext", "SAN=" + String.join(",", AwsNames.certificateNames()),
                "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while running keytool", e);
        }
    }

    Path trustStore() {
        return trustStore;
    }

    SSLContext serverContext() {
        return serverContext;
    }

    TrustManager[] trustManagers() {
        return trustManagers.clone();
    }

    /** A client context that trusts the fake only, for tests talking to it in-process. */
    SSLContext clientContext() {
        try {
            SSLContext client = SSLContext.getInstance("TLS");
            client.init(null, trustManagers(), null);
            return client;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
