package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.ArtifactDownload;
import org.eclipse.aether.spi.connector.ArtifactTransfer;
import org.eclipse.aether.spi.connector.ArtifactUpload;
import org.eclipse.aether.spi.connector.MetadataDownload;
import org.eclipse.aether.spi.connector.MetadataTransfer;
import org.eclipse.aether.spi.connector.MetadataUpload;
import org.eclipse.aether.spi.connector.RepositoryConnector;
import org.eclipse.aether.transfer.NoRepositoryConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the domain's token on a CodeArtifact repository and recovers from refusals: transfers refused with 401/403
 * are reported to the cache, which drops the token and picks the next one, and are retried on a new delegate
 * connector, since transports read credentials only once. A refused download is first asked for again at the
 * repository ({@link RefusalOrigin}): when the repository accepts the token and the refusal came from where it
 * redirects downloads (S3) or from something in between, the token is kept and the transfers fail saying so.
 * Everything else is the delegate's (resolver's basic connector) business.
 */
final class RetryingRepositoryConnector implements RepositoryConnector {
    private static final Logger LOGGER = LoggerFactory.getLogger(RetryingRepositoryConnector.class);

    /**
     * A safety bound only: every retry needs a token the cache has not yet seen refused, and the cache gives each
     * provider at most two, so the chain runs dry first.
     */
    private static final int MAX_ATTEMPTS = 10;

    /** Opens the delegate connector for the repository with the given authentication, which holds {@code token}. */
    interface DelegateFactory {
        RepositoryConnector open(RemoteRepository repository, AuthorizationToken token)
                throws NoRepositoryConnectorException;
    }

    /** Asks the repository again for a refused download, with the same token and no redirect followed. */
    interface Prober {
        /**
         * @param url the download's URL on the repository, not null
         * @param token the token the refused download carried, not null
         * @param repository the repository, whose proxy the request goes through, not null
         * @return the repository's answer, or null when it cannot be asked
         * @throws IOException when the repository cannot be reached
         */
        RepositoryProbe.Answer probe(String url, AuthorizationToken token, RemoteRepository repository)
                throws IOException;
    }

    /**
     * The repository asked directly, through the repository's proxy as Maven chose it: a proxy that needs
     * credentials is not tried (they are Maven's to send), and the refusal then counts as the token's.
     */
    static final Prober DIRECT = (url, token, repository) -> {
        org.eclipse.aether.repository.Proxy proxy = repository.getProxy();
        if (proxy != null && proxy.getAuthentication() != null) {
            return null;
        }
        return RepositoryProbe.get(url, token,
                // no proxy of Maven's: the JVM's choice (https.proxyHost), as the JDK and wagon transports make it
                proxy == null ? null : new Proxy(Proxy.Type.HTTP,
                        InetSocketAddress.createUnresolved(proxy.getHost(), proxy.getPort())),
                "maven-aws-extension (checking a refused download)");
    };

    /** One transfer call on a delegate: get or put. */
    private interface Operation<A extends ArtifactTransfer, M extends MetadataTransfer> {
        void run(RepositoryConnector connector, List<A> artifacts, List<M> metadata);
    }

    private final RemoteRepository repository;
    private final CodeArtifactEndpoint endpoint;
    private final CodeArtifactAuthenticationSelector selector;
    private final DelegateFactory delegates;
    private final Prober prober;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Delegate current;

    RetryingRepositoryConnector(
            RemoteRepository repository,
            CodeArtifactEndpoint endpoint,
            CodeArtifactAuthenticationSelector selector,
            DelegateFactory delegates,
            Prober prober) {
        this.repository = Objects.requireNonNull(repository, "repository cannot be null");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint cannot be null");
        this.selector = Objects.requireNonNull(selector, "selector cannot be null");
        this.delegates = Objects.requireNonNull(delegates, "delegates cannot be null");
        this.prober = Objects.requireNonNull(prober, "prober cannot be null");
    }

    @Override
    public void get(
            Collection<? extends ArtifactDownload> artifactDownloads,
            Collection<? extends MetadataDownload> metadataDownloads) {
        failIfClosed();
        transfer(TransferBatch.of(artifactDownloads, metadataDownloads), RepositoryConnector::get);
    }

    @Override
    public void put(
            Collection<? extends ArtifactUpload> artifactUploads, Collection<? extends MetadataUpload> metadataUploads) {
        failIfClosed();
        transfer(TransferBatch.of(artifactUploads, metadataUploads), RepositoryConnector::put);
    }

    /**
     * Runs the transfers, then tries again those that failed on their checksums (once, when none was refused) and
     * those refused, each time with another token, until none is refused or {@link #MAX_ATTEMPTS} is reached.
     */
    private <A extends ArtifactTransfer, M extends MetadataTransfer> void transfer(
            TransferBatch<A, M> transfers, Operation<A, M> operation) {
        boolean checksumsRetried = false;
        for (int attempt = 1; ; attempt++) {
            Delegate delegate = run(transfers, operation);
            if (delegate == null) {
                return; // the transfers say why
            }
            TransferBatch<A, M> refused = transfers.refused();
            if (refused.isEmpty() && !checksumsRetried) {
                checksumsRetried = true;
                TransferBatch<A, M> checksumless = transfers.withoutChecksums();
                if (!checksumless.isEmpty()) {
                    transfers = retryChecksumless(checksumless);
                    continue;
                }
            }
            if (refused.isEmpty() || attempt >= MAX_ATTEMPTS) {
                return;
            }
            RefusalOrigin origin = origin(delegate, refused);
            if (!origin.isTheTokens()) {
                // the token stays, in memory and on disk: the repository itself accepts it
                LOGGER.debug("{}: {} transfer(s) refused by {}, not by the repository; keeping the token from {}",
                        endpoint, refused.size(), origin, delegate.token.source());
                refused.fail(repository, origin.message(repository.getId() + " (" + endpoint.host() + ")",
                        TransferRefusal.describe(refused.firstFailure())));
                return;
            }
            transfers = retryRefused(delegate, refused);
        }
    }

    /** Runs the transfers on the current delegate; null when none could be opened, the transfers then say why. */
    private <A extends ArtifactTransfer, M extends MetadataTransfer> Delegate run(
            TransferBatch<A, M> transfers, Operation<A, M> operation) {
        Delegate delegate;
        try {
            delegate = delegate();
        } catch (TokenUnavailableException e) {
            transfers.fail(repository, e.messageFor(repository.getUrl()));
            return null;
        } catch (NoRepositoryConnectorException e) {
            transfers.fail(repository, e.getMessage());
            return null;
        }
        operation.run(delegate.connector, transfers.artifacts, transfers.metadata);
        if (transfers.anySucceeded()) {
            // the repository accepted this token: a later refusal of it means spent, not denied
            delegate.authentication.served();
        }
        return delegate;
    }

    /**
     * Whether the refusal is the token's, as the repository tells when asked again for the first refused download
     * with the same token and no redirect followed. Uploads are never asked about (asking would mean uploading
     * again), nor is anything when the repository cannot be reached: their refusal counts as the token's.
     */
    private RefusalOrigin origin(Delegate delegate, TransferBatch<?, ?> refused) {
        String path = refused.firstDownloadPath();
        if (path == null) {
            return RefusalOrigin.REPOSITORY;
        }
        String base = repository.getUrl();
        String url = (base.endsWith("/") ? base : base + "/") + path;
        try {
            RepositoryProbe.Answer answer = prober.probe(url, delegate.token, repository);
            RefusalOrigin origin = RefusalOrigin.of(endpoint.host(), answer);
            LOGGER.debug("{}: asked again for {} with the same token, the repository answered {}: refused by {}",
                    endpoint, path, answer == null ? "nothing (not asked through a proxy with credentials)" : answer,
                    origin);
            return origin;
        } catch (IOException | RuntimeException e) {
            LOGGER.debug("{}: could not ask the repository again for {} ({}); the refusal counts as the token's",
                    endpoint, path, e.toString());
            return RefusalOrigin.REPOSITORY;
        }
    }

    /**
     * The transfers that failed on their checksums, ready to be tried once more with the same token. A token
     * refused between a file and its checksum (revoked, expired) reaches resolver 2.0.9 as "no checksums
     * available", without the 401: one more try shows the refusal on the file itself.
     */
    private <A extends ArtifactTransfer, M extends MetadataTransfer> TransferBatch<A, M> retryChecksumless(
            TransferBatch<A, M> checksumless) {
        LOGGER.debug("{}: retrying {} transfer(s) whose checksums could not be fetched", endpoint,
                checksumless.size());
        checksumless.clearFailures();
        return checksumless;
    }

    /**
     * The refused transfers, ready to be tried again with another token: the refused one is reported to the cache
     * and its delegate retired, since transports read credentials only once.
     */
    private <A extends ArtifactTransfer, M extends MetadataTransfer> TransferBatch<A, M> retryRefused(
            Delegate delegate, TransferBatch<A, M> refused) {
        LOGGER.info(
                "{} refused the token from {} (HTTP 401/403); retrying {} transfer(s) with another token",
                endpoint,
                delegate.token.source(),
                refused.size());
        delegate.authentication.refused();
        retire(delegate);
        refused.clearFailures();
        return refused;
    }

    /** The delegate for the current token, opened with a fresh authentication after the previous one was retired. */
    private synchronized Delegate delegate() throws TokenUnavailableException, NoRepositoryConnectorException {
        if (current == null) {
            TokenAuthentication authentication = selector.authentication(endpoint);
            // Fetch before opening: a failure becomes a message here, not a request without credentials.
            AuthorizationToken token = authentication.token();
            RemoteRepository authenticated = new RemoteRepository.Builder(repository)
                    .setAuthentication(authentication)
                    .build();
            current = new Delegate(authentication, token, delegates.open(authenticated, token));
        }
        return current;
    }

    private synchronized void retire(Delegate delegate) {
        if (current == delegate) {
            current = null;
            delegate.connector.close();
        }
    }

    private void failIfClosed() {
        if (closed.get()) {
            throw new IllegalStateException("connector already closed");
        }
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            synchronized (this) {
                if (current != null) {
                    current.connector.close();
                    current = null;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "RetryingRepositoryConnector[" + endpoint + "]";
    }

    /** A delegate connector, the authentication its transport was given and the token that holds. */
    private static final class Delegate {
        final TokenAuthentication authentication;
        final AuthorizationToken token;
        final RepositoryConnector connector;

        Delegate(TokenAuthentication authentication, AuthorizationToken token, RepositoryConnector connector) {
            this.authentication = authentication;
            this.token = token;
            this.connector = connector;
        }
    }
}
