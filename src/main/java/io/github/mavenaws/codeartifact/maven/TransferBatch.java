package io.github.mavenaws.codeartifact.maven;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.ArtifactDownload;
import org.eclipse.aether.spi.connector.ArtifactTransfer;
import org.eclipse.aether.spi.connector.MetadataDownload;
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

    /** Whether any transfer succeeded. */
    boolean anySucceeded() {
        for (A transfer : artifacts) {
            if (transfer.getException() == null) {
                return true;
            }
        }
        for (M transfer : metadata) {
            if (transfer.getException() == null) {
                return true;
            }
        }
        return false;
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

    /**
     * The path, in the repository's Maven 2 layout, of the first download of the batch; null when the batch holds an
     * upload, or nothing.
     */
    String firstDownloadPath() {
        for (A transfer : artifacts) {
            if (!(transfer instanceof ArtifactDownload)) {
                return null;
            }
        }
        for (M transfer : metadata) {
            if (!(transfer instanceof MetadataDownload)) {
                return null;
            }
        }
        if (!artifacts.isEmpty()) {
            Artifact artifact = artifacts.get(0).getArtifact();
            return directory(artifact.getGroupId(), artifact.getArtifactId(), artifact.getBaseVersion())
                    + artifact.getArtifactId() + "-" + artifact.getVersion()
                    + (artifact.getClassifier().isEmpty() ? "" : "-" + artifact.getClassifier())
                    + (artifact.getExtension().isEmpty() ? "" : "." + artifact.getExtension());
        }
        if (!metadata.isEmpty()) {
            Metadata file = metadata.get(0).getMetadata();
            return directory(file.getGroupId(), file.getArtifactId(), file.getVersion()) + file.getType();
        }
        return null;
    }

    /** {@code com/example/lib/1.0/}: the folders of the non-empty parts. */
    private static String directory(String groupId, String artifactId, String version) {
        StringBuilder path = new StringBuilder();
        if (!groupId.isEmpty()) {
            path.append(groupId.replace('.', '/')).append('/');
            if (!artifactId.isEmpty()) {
                path.append(artifactId).append('/');
                if (!version.isEmpty()) {
                    path.append(version).append('/');
                }
            }
        }
        return path.toString();
    }

    /** The failure of the first failed transfer, or null when none failed. */
    Exception firstFailure() {
        for (A transfer : artifacts) {
            if (transfer.getException() != null) {
                return transfer.getException();
            }
        }
        for (M transfer : metadata) {
            if (transfer.getException() != null) {
                return transfer.getException();
            }
        }
        return null;
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
