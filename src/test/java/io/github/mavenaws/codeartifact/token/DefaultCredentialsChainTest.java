package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The chain builds its providers as it walks; once closed it builds none, so none escapes closing. */
class DefaultCredentialsChainTest {

    @Test
    void aClosedChainBuildsNoProviderAndSaysWhy() {
        DefaultCredentialsChain chain = new DefaultCredentialsChain();
        chain.close();
        SdkClientException e = assertThrows(SdkClientException.class, chain::resolveCredentials);
        assertTrue(e.getMessage().contains("SystemPropertyCredentialsProvider: AWS clients are closed"), e.getMessage());
        assertTrue(e.getMessage().contains("InstanceProfileCredentialsProvider: AWS clients are closed"),
                e.getMessage());
    }
}
