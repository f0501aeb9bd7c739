package software.amazon.awssdk.regions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.servicemetadata.CodeartifactServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.StsServiceMetadata;

/** The five services' metadata, as the SDK's generated provider gave them; other services fall back as the SDK does. */
class GeneratedServiceMetadataProviderTest {

    @Test
    void theServicesTheExtensionCallsKeepTheSdksMetadata() {
        ServiceMetadata codeartifact = ServiceMetadata.of("codeartifact");
        assertInstanceOf(CodeartifactServiceMetadata.class, codeartifact);
        assertTrue(codeartifact.regions().contains(Region.US_WEST_2), codeartifact.regions().toString());
        assertEquals(URI.create("codeartifact.us-west-2.amazonaws.com"), codeartifact.endpointFor(Region.US_WEST_2));
        assertInstanceOf(StsServiceMetadata.class, ServiceMetadata.of("sts"));
        assertEquals(Region.US_EAST_1, ServiceMetadata.of("sts").signingRegion(Region.AWS_GLOBAL));
        for (String prefix : new String[] {"portal.sso", "oidc", "sso"}) {
            assertTrue(ServiceMetadata.of(prefix).regions().contains(Region.EU_WEST_1), prefix);
        }
        GeneratedServiceMetadataProvider provider = new GeneratedServiceMetadataProvider();
        assertSame(provider.serviceMetadata("codeartifact"), provider.serviceMetadata("codeartifact"));
    }

    @Test
    void anotherServiceGetsTheSdksPartitionWideFallback() {
        assertNull(new GeneratedServiceMetadataProvider().serviceMetadata("s3"));
        assertNull(new GeneratedServiceMetadataProvider().serviceMetadata(null));
        ServiceMetadata s3 = ServiceMetadata.of("s3");
        assertInstanceOf(DefaultServiceMetadata.class, s3);
        assertEquals(URI.create("s3.eu-west-1.amazonaws.com"), s3.endpointFor(Region.EU_WEST_1));
    }
}
