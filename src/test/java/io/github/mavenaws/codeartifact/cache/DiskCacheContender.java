package io.github.mavenaws.codeartifact.cache;

import io.github.mavenaws.codeartifact.config.AwsIdentity;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.TokenProvider;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;

/**
 * One of several Maven processes starting together, for {@link DiskCacheProcessesTest}: prints "ready", waits for
 * the go file, fetches through the disk cache with a slow provider that records each fetch as a line of the counter
 * file, and prints the token it got.
 *
 * <p>Arguments: cache directory, counter file, go file.
 */
public final class DiskCacheContender {
    private DiskCacheContender() {}

    public static void main(String[] args) throws Exception {
        Path directory = Paths.get(args[0]);
        Path counter = Paths.get(args[1]);
        Path go = Paths.get(args[2]);
        TokenProvider slow = new TokenProvider() {
            @Override
            public String describe() {
                return "slow test provider";
            }

            @Override
            public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
                try {
                    Files.write(counter, ("fetch by " + ProcessHandle.current().pid() + "\n")
                            .getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                    Thread.sleep(300);
                } catch (IOException | InterruptedException e) {
                    throw new TokenProviderException(e.toString(), e);
                }
                Instant now = Clock.systemUTC().instant();
                return new AuthorizationToken("token-of-" + ProcessHandle.current().pid(), now,
                        now.plus(Duration.ofHours(12)), describe());
            }

            @Override
            public boolean canRefresh() {
                return true;
            }
        };
        DiskTokenCache provider = new DiskTokenCache(
                slow,
                AwsIdentity.defaultCredentials(Collections.singletonMap("AWS_PROFILE", "ci"), Collections.emptyMap()),
                new DiskTokenStore(directory, DiskTokenStore.DEFAULT_LOCK_TIMEOUT),
                new RefreshPolicy(Clock.systemUTC()));
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(2);
        }
        System.out.println(provider.fetch(DomainKey.of("acme", "111122223333", "us-west-2")).value());
    }
}
