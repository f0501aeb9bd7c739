package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.ArtifactDownload;
import org.eclipse.aether.spi.connector.ArtifactTransfer;
import org.eclipse.aether.spi.connector.ArtifactUpload;
import org.eclipse.aether.spi.connector.MetadataDownload;
import org.eclipse.aether.spi.connector.MetadataTransfer;
import org.eclipse.aether.spi.connector.MetadataUpload;
import org.eclipse.aether.spi.connector.RepositoryConnector;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.MetadataTransferException;
import org.eclipse.aether.transfer.NoRepositoryConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the domain's token on a CodeArtifact repository and recovers from refusals: transfers refused with 401/403
 * are reported to the cache, which drops the token and picks the next one, and are retried on a new delegate
 * connector, since transports read credentials only once. Everything else is the delegate's (resolver's basic
 * connector) business.
 */
final class RetryingRepositoryConnector implements RepositoryConnector {
    private static final Logger LOGGER = LoggerFactory.getLogger(RetryingRepositoryConnector.class);

    /**
     * A safety bound only: every retry needs a token the cache has not yet seen refused, and the cache gives each
     * provider at most two, so the chain runs dry first.
     */
    static final int MAX_ATTEMPTS = 10;

    /** Opens the delegate connector for the repository with the given authentication, which holds {@code token}. */
    interface DelegateFactory {
        RepositoryConnector open(RemoteRepository repository, AuthorizationToken token)
                throws NoRepositoryConnectorException;
    }

    /** One transfer call on a delegate: get or put. */
    private interface Operation<A extends ArtifactTransfer, M extends MetadataTransfer> {
        void run(RepositoryConnector connector, List<A> artifacts, List<M> metadata);
    }

    private final RemoteRepository repository;
    private final CodeArtifactEndpoint endpoint;
    private final CodeArtifactAuthenticationSelector selector;
    private final DelegateFactory delegates;
    private final AtomicBoolean closed = new AtomicBoolean();
    private Delegate current;

    RetryingRepositoryConnector(
            RemoteRepository repository,
            CodeArtifactEndpoint endpoint,
            CodeArtifactAuthenticationSelector selector,
            DelegateFactory delegates) {
        this.repository = Objects.requireNonNull(repository, "repository cannot be null");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint cannot be null");
        this.selector = Objects.requireNonNull(selector, "selector cannot be null");
        this.delegates = Objects.requireNonNull(delegates, "delegates cannot be null");
    }

    @Override
    public void get(
            Collection<? extends ArtifactDownload> artifactDownloads,
            Collection<? extends MetadataDownload> metadataDownloads) {
        failIfClosed();
        transfer(list(artifactDownloads), list(metadataDownloads), RepositoryConnector::get);
    }

    @Override
    public void put(
            Collection<? extends ArtifactUpload> artifactUploads, Collection<? extends MetadataUpload> metadataUploads) {
        failIfClosed();
        transfer(list(artifactUploads), list(metadataUploads), RepositoryConnector::put);
    }

    private <A extends ArtifactTransfer, M extends MetadataTransfer> void transfer(
            List<A> artifacts, List<M> metadata, Operation<A, M> operation) {
        boolean checksumsRetried = false;
        for (int attempt = 1; ; attempt++) {
            Delegate delegate;
            try {
                delegate = delegate();
            } catch (TokenUnavailableException e) {
                fail(artifacts, metadata, e.messageFor(repository.getUrl()));
                return;
            } catch (NoRepositoryConnectorException e) {
                fail(artifacts, metadata, e.getMessage());
                return;
            }
            operation.run(delegate.connector, artifacts, metadata);

            List<A> refusedArtifacts = refused(artifacts);
            List<M> refusedMetadata = refused(metadata);
            if (refusedArtifacts.isEmpty() && refusedMetadata.isEmpty() && !checksumsRetried) {
                // A token refused between a file and its checksum (revoked, expired) reaches resolver 2.0.9 as
                // "no checksums available", without the 401. One more try shows the refusal on the file itself.
                checksumsRetried = true;
                refusedArtifacts = withoutChecksums(artifacts);
                refusedMetadata = withoutChecksums(metadata);
                if (!refusedArtifacts.isEmpty() || !refusedMetadata.isEmpty()) {
                    LOGGER.debug("{}: retrying {} transfer(s) whose checksums could not be fetched", endpoint,
                            refusedArtifacts.size() + refusedMetadata.size());
                    refusedArtifacts.forEach(t -> t.setException(null));
                    refusedMetadata.forEach(t -> t.setException(null));
                    artifacts = refusedArtifacts;
                    metadata = refusedMetadata;
                    continue;
                }
            }
            if (refusedArtifacts.isEmpty() && refusedMetadata.isEmpty() || attempt >= MAX_ATTEMPTS) {
                return;
            }
            LOGGER.info(
                    "{} refused the token from {} (HTTP 401/403); retrying {} transfer(s) with another token",
                    endpoint,
                    delegate.token.source(),
                    refusedArtifacts.size() + refusedMetadata.size());
            delegate.authentication.refused();
            retire(delegate);
            refusedArtifacts.forEach(t -> t.setException(null));
            refusedMetadata.forEach(t -> t.setException(null));
            artifacts = refusedArtifacts;
            metadata = refusedMetadata;
        }
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

    /** The transfers refused with 401/403, however the transport reports it. */
    private static <T> List<T> refused(List<T> transfers) {
        return failedWith(transfers, TransferRefusal::isRefusal);
    }

    /** The transfers that failed on their checksums. */
    private static <T> List<T> withoutChecksums(List<T> transfers) {
        return failedWith(transfers, failure -> failure instanceof ChecksumFailureException
                || failure.getCause() instanceof ChecksumFailureException);
    }

    private static <T> List<T> failedWith(List<T> transfers, Predicate<Exception> kind) {
        List<T> failed = new ArrayList<>();
        for (T transfer : transfers) {
            Exception failure = transfer instanceof ArtifactTransfer
                    ? ((ArtifactTransfer) transfer).getException()
                    : ((MetadataTransfer) transfer).getException();
            if (failure != null && kind.test(failure)) {
                failed.add(transfer);
            }
        }
        return failed;
    }

    private void fail(List<? extends ArtifactTransfer> artifacts, List<? extends MetadataTransfer> metadata, String message) {
        for (ArtifactTransfer transfer : artifacts) {
            transfer.setException(new ArtifactTransferException(transfer.getArtifact(), repository, message));
        }
        for (MetadataTransfer transfer : metadata) {
            transfer.setException(new MetadataTransferException(transfer.getMetadata(), repository, message));
        }
    }

    private static <T> List<T> list(Collection<? extends T> transfers) {
        return transfers == null ? Collections.<T>emptyList() : new ArrayList<T>(transfers);
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
