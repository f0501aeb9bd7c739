package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.testing.CountingTokenProvider;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.testing.TestTokens;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import java.io.File;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.spi.connector.ArtifactDownload;
import org.eclipse.aether.spi.connector.ArtifactUpload;
import org.eclipse.aether.spi.connector.MetadataDownload;
import org.eclipse.aether.spi.connector.MetadataUpload;
import org.eclipse.aether.spi.connector.RepositoryConnector;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.ArtifactTransferException;
import org.eclipse.aether.transfer.ChecksumFailureException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

class RetryingRepositoryConnectorTest {
    private static final String URL = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/";
    private static final RemoteRepository REPOSITORY = new RemoteRepository.Builder("ca", "default", URL).build();
    private static final CodeArtifactEndpoint ENDPOINT = CodeArtifactEndpoint.parse(URL).get();

    /** A source issuing numbered tokens without expiry, as variables' are, judged by the system clock. */
    static CountingTokenProvider provider(String name, boolean refreshable) {
        CountingTokenProvider provider = new CountingTokenProvider(name, refreshable, Clock.systemUTC());
        provider.lifetime = null;
        return provider;
    }

    /**
     * A repository behind a transport: it reads the password from the repository's authentication once, as real
     * transports do, and refuses transfers whose token is not accepted.
     */
    static final class Server {
        final Set<String> accepted = new HashSet<>();
        final List<String> seen = new ArrayList<>();
        /** Revoked right after the first file served with it, before the file's checksums are fetched. */
        String revokedBeforeChecksums;
        int opened;
        int closed;

        RepositoryConnector open(RemoteRepository repository) {
            opened++;
            AuthenticationContext context = AuthenticationContext.forRepository(
                    new org.eclipse.aether.DefaultRepositorySystemSession(), repository);
            String password = context == null ? null : context.get(AuthenticationContext.PASSWORD);
            String user = context == null ? null : context.get(AuthenticationContext.USERNAME);
            return new RepositoryConnector() {
                @Override
                public void get(Collection<? extends ArtifactDownload> artifacts,
                        Collection<? extends MetadataDownload> metadata) {
                    for (ArtifactDownload d : artifacts) {
                        seen.add(password);
                        if (!"aws".equals(user) || !accepted.contains(password)) {
                            d.setException(new ArtifactTransferException(d.getArtifact(), repository,
                                    new TransferRefusalTest.StatusException(401)));
                        } else if (password.equals(revokedBeforeChecksums)
                                || d.getArtifact().getArtifactId().equals("no-checksums")) {
                            // what resolver 2.0.9 reports when the checksum requests are refused or absent
                            accepted.remove(revokedBeforeChecksums);
                            d.setException(new ArtifactTransferException(d.getArtifact(), repository,
                                    new ChecksumFailureException("Checksum validation failed, no checksums available")));
                        } else if (d.getArtifact().getArtifactId().equals("missing")) {
                            d.setException(new ArtifactNotFoundException(d.getArtifact(), repository));
                        }
                    }
                }

                @Override
                public void put(Collection<? extends ArtifactUpload> artifacts,
                        Collection<? extends MetadataUpload> metadata) {
                    for (ArtifactUpload u : artifacts) {
                        seen.add(password);
                        if (!accepted.contains(password)) {
                            u.setException(new ArtifactTransferException(u.getArtifact(), repository,
                                    new TransferRefusalTest.StatusException(403)));
                        }
                    }
                }

                @Override
                public void close() {
                    closed++;
                }
            };
        }
    }

    private final Server server = new Server();

    private RetryingRepositoryConnector connector(TokenProvider... providers) {
        TokenCache tokens = TestTokens.cache(java.time.Clock.systemUTC(), providers);
        return new RetryingRepositoryConnector(REPOSITORY, ENDPOINT, new CodeArtifactAuthenticationSelector(tokens),
                (r, t) -> server.open(r));
    }

    private static ArtifactDownload download(String artifactId) {
        return new ArtifactDownload(new DefaultArtifact("com.example:" + artifactId + ":1.0"), null,
                new File("target/unused"), org.eclipse.aether.repository.RepositoryPolicy.CHECKSUM_POLICY_FAIL);
    }

    @Test
    void healthyTransfersCarryTheTokenAndAreNotRetried() {
        CountingTokenProvider aws = provider("aws", true);
        server.accepted.add("aws-acme-1");
        ArtifactDownload a = download("a");
        ArtifactDownload missing = download("missing");

        try (RetryingRepositoryConnector connector = connector(aws)) {
            connector.get(Arrays.asList(a, missing), null);
        }

        assertNull(a.getException());
        assertTrue(missing.getException() instanceof ArtifactNotFoundException, "a 404 is not a refusal");
        assertEquals(Arrays.asList("aws-acme-1", "aws-acme-1"), server.seen);
        assertEquals(1, server.opened);
        assertEquals(1, server.closed);
    }

    @Test
    void refusedTransfersAreRetriedTogetherWithOneFreshToken() {
        CountingTokenProvider aws = provider("aws", true);
        server.accepted.add("aws-acme-2");
        ArtifactDownload a = download("a");
        ArtifactDownload b = download("b");

        try (RetryingRepositoryConnector connector = connector(aws)) {
            connector.get(Arrays.asList(a, b), Collections.emptyList());
        }

        assertNull(a.getException());
        assertNull(b.getException());
        assertEquals(2, aws.calls.get());
        assertEquals(Arrays.asList("aws-acme-1", "aws-acme-1", "aws-acme-2", "aws-acme-2"), server.seen);
        assertEquals(2, server.opened, "a new transport for the new token");
    }

    @Test
    void aRefusedEnvironmentTokenFallsBackToAws() {
        CountingTokenProvider env = provider("env", false);
        CountingTokenProvider aws = provider("aws", true);
        server.accepted.add("aws-acme-1");
        ArtifactDownload a = download("a");

        try (RetryingRepositoryConnector connector = connector(env, aws)) {
            connector.get(Collections.singletonList(a), null);
        }

        assertNull(a.getException());
        assertEquals(Arrays.asList("env-acme-1", "aws-acme-1"), server.seen);
    }

    @Test
    void aTokenRevokedBetweenAFileAndItsChecksumsIsReplaced() {
        CountingTokenProvider aws = provider("aws", true);
        server.accepted.add("aws-acme-1");
        server.accepted.add("aws-acme-2");
        server.revokedBeforeChecksums = "aws-acme-1";
        ArtifactDownload a = download("a");

        try (RetryingRepositoryConnector connector = connector(aws)) {
            connector.get(Collections.singletonList(a), null);
        }

        assertNull(a.getException());
        assertEquals(Arrays.asList("aws-acme-1", "aws-acme-1", "aws-acme-2"), server.seen, "retried as is, then refused, then anew");
        assertEquals(2, aws.calls.get());
    }

    @Test
    void missingChecksumsAreTriedOnceMoreWithoutDroppingTheToken() {
        CountingTokenProvider aws = provider("aws", true);
        server.accepted.add("aws-acme-1");
        ArtifactDownload a = download("no-checksums");

        try (RetryingRepositoryConnector connector = connector(aws)) {
            connector.get(Collections.singletonList(a), null);
        }

        assertTrue(a.getException().getCause() instanceof ChecksumFailureException, String.valueOf(a.getException()));
        assertEquals(Arrays.asList("aws-acme-1", "aws-acme-1"), server.seen);
        assertEquals(1, aws.calls.get(), "the token was not refused");
        assertEquals(1, server.opened);
    }

    @Test
    void anIdentityThatCannotPublishFallsThroughToTheRole() {
        CountingTokenProvider direct = provider("direct", true);
        CountingTokenProvider role = provider("role", true);
        server.accepted.add("role-acme-1");
        ArtifactUpload upload = new ArtifactUpload(new DefaultArtifact("com.example:a:1.0"), new File("pom.xml"));

        try (RetryingRepositoryConnector connector = connector(direct, role)) {
            connector.put(Collections.singletonList(upload), null);
        }

        assertNull(upload.getException());
        assertEquals(Arrays.asList("direct-acme-1", "direct-acme-2", "role-acme-1"), server.seen);
    }

    @Test
    void whenEveryTokenIsRefusedTheTransferFailsWithTheChainsMessageAndNoLoop() {
        CountingTokenProvider env = provider("environment variable POETRY_AWS_PLUGIN_AUTH_TOKEN", false);
        CountingTokenProvider aws = provider("codeartifact:GetAuthorizationToken", true);
        ArtifactDownload a = download("a");

        try (RetryingRepositoryConnector connector = connector(env, aws)) {
            connector.get(Collections.singletonList(a), null);
        }

        assertEquals(3, server.seen.size(), "env once, AWS twice");
        String message = a.getException().getMessage();
        assertTrue(message.startsWith("No AWS CodeArtifact token for " + URL), message);
        assertTrue(message.contains("domain acme, owner 111122223333, region us-west-2"), message);
        for (String token : server.seen) {
            assertFalse(message.contains(token), "the message must not carry a token");
        }
    }

    @Test
    void aChainThatYieldsNothingFailsTransfersWithoutOpeningATransport() {
        CountingTokenProvider aws = provider("codeartifact:GetAuthorizationToken", true);
        aws.failure = "GetAuthorizationToken failed: Unable to load credentials";
        ArtifactDownload a = download("a");

        try (RetryingRepositoryConnector connector = connector(aws)) {
            connector.get(Collections.singletonList(a), null);
        }

        assertEquals(0, server.opened);
        assertTrue(a.getException().getMessage().contains("Unable to load credentials"));
    }

    @Test
    void authenticationNeverShowsTheToken() throws Exception {
        CountingTokenProvider aws = provider("aws", true);
        TokenCache tokens = TestTokens.cache(java.time.Clock.systemUTC(), aws);
        TokenAuthentication authentication = new CodeArtifactAuthenticationSelector(tokens).getAuthentication(REPOSITORY);
        assertEquals("aws-acme-1", authentication.token().value());
        assertFalse(authentication.toString().contains("aws-acme-1"), authentication.toString());
        RepositoryConnector mock = Mockito.mock(RepositoryConnector.class);
        assertFalse(new RetryingRepositoryConnector(REPOSITORY, ENDPOINT, new CodeArtifactAuthenticationSelector(tokens),
                (r, t) -> mock).toString().contains("aws-acme-1"));
    }
}
