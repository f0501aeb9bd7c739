package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.junit.jupiter.api.Test;

class TransferRefusalTest {
    private static final RemoteRepository REPO =
            new RemoteRepository.Builder("r", "default", "https://example.invalid/").build();

    /** Stands in for HttpResponseException / HttpTransporterException, which expose getStatusCode(). */
    public static final class StatusException extends IOException {
        private final int status;

        public StatusException(int status) {
            super("status " + status);
            this.status = status;
        }

        public int getStatusCode() {
            return status;
        }
    }

    private static ArtifactTransferException wrapped(Throwable cause) {
        return new ArtifactTransferException(new DefaultArtifact("g:a:1"), REPO, cause);
    }

    @Test
    void statusCodes401And403AreRefusals() {
        assertTrue(TransferRefusal.isRefusal(wrapped(new StatusException(401))));
        assertTrue(TransferRefusal.isRefusal(wrapped(new StatusException(403))));
        assertFalse(TransferRefusal.isRefusal(wrapped(new StatusException(404))));
        assertFalse(TransferRefusal.isRefusal(wrapped(new StatusException(500))));
    }

    @Test
    void transportMessagesAreRecognised() {
        assertTrue(TransferRefusal.isRefusal(wrapped(new IOException("too many authentication attempts. Limit: 3"))));
        assertTrue(TransferRefusal.isRefusal(wrapped(new IOException(
                "Failed to transfer file: https://x/y.jar. Return code is: 401, ReasonPhrase: Unauthorized."))));
        assertFalse(TransferRefusal.isRefusal(wrapped(new IOException(
                "Failed to transfer file: https://x/y.jar. Return code is: 502, ReasonPhrase: Bad Gateway."))));
        assertFalse(TransferRefusal.isRefusal(wrapped(new IOException("Connection reset"))));
    }

    @Test
    void notFoundIsNoRefusal() {
        assertFalse(TransferRefusal.isRefusal(new ArtifactNotFoundException(new DefaultArtifact("g:a:1"), REPO)));
    }
}
