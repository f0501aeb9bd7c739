package io.github.mavenaws.codeartifact.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.ArtifactTransfer;
import org.eclipse.aether.spi.connector.MetadataTransfer;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.eclipse.aether.transfer.MetadataTransferException;

/** The artifact and metadata transfers of one get or put, or the part of them that is tried again. */
final class TransferBatch<A extends ArtifactTransfer, M extends MetadataTransfer> {
    final List<A> artifacts;
    final List<M> metadata;

    private TransferBatch(List<A> artifacts, List<M> metadata) {
        this.artifacts = artifacts;
        this.metadata = metadata;
    }

    /**
     * @param artifacts the artifact transfers, or null for none
     * @param metadata the metadata transfers, or null for none
     */
    static <A extends ArtifactTransfer, M extends MetadataTransfer> TransferBatch<A, M> of(
            Collection<? extends A> artifacts, Collection<? extends M> metadata) {
        return new TransferBatch<>(list(artifacts), list(metadata));
    }

    private static <T> List<T> list(Collection<? extends T> transfers) {
        return transfers == null ? Collections.<T>emptyList() : new ArrayList<T>(transfers);
    }

    boolean isEmpty() {
        return artifacts.isEmpty() && metadata.isEmpty();
    }

    int size() {
        return artifacts.size() + metadata.size();
    }

    /** The transfers refused with 401/403, however the transport reports it. */
    TransferBatch<A, M> refused() {
        return failedWith(TransferRefusal::isRefusal);
    }

    /** The transfers that failed on their checksums. */
    TransferBatch<A, M> withoutChecksums() {
        return failedWith(failure -> failure instanceof ChecksumFailureException
                || failure.getCause() instanceof ChecksumFailureException);
    }

    private TransferBatch<A, M> failedWith(Predicate<Exception> kind) {
        List<A> failedArtifacts = new ArrayList<>();
        for (A transfer : artifacts) {
            if (transfer.getException() != null && kind.test(transfer.getException())) {
                failedArtifacts.add(transfer);
            }
        }
        List<M> failedMetadata = new ArrayList<>();
        for (M transfer : metadata) {
            if (transfer.getException() != null && kind.test(transfer.getException())) {
                failedMetadata.add(transfer);
            }
        }
        return new TransferBatch<>(failedArtifacts, failedMetadata);
    }

    /** Forgets the transfers' failures, so that they can be tried again. */
    void clearFailures() {
        artifacts.forEach(t -> t.setException(null));
        metadata.forEach(t -> t.setException(null));
    }

    /** Fails every transfer with {@code message}, which must carry no secret. */
    void fail(RemoteRepository repository, String message) {
        for (ArtifactTransfer transfer : artifacts) {
            transfer.setException(new ArtifactTransferException(transfer.getArtifact(), repository, message));
        }
        for (MetadataTransfer transfer : metadata) {
            transfer.setException(new MetadataTransferException(transfer.getMetadata(), repository, message));
        }
    }
}
