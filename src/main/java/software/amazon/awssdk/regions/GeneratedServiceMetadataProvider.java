package software.amazon.awssdk.regions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.regions.servicemetadata.CodeartifactServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.OidcServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.PortalSsoServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.SsoServiceMetadata;
import software.amazon.awssdk.regions.servicemetadata.StsServiceMetadata;

/**
 * Takes the place of the SDK's generated class of this name, which the shaded jar leaves out (pom.xml) with the
 * metadata of the services the extension never calls. The SDK's one builds the metadata of every AWS service, about
 * 300 classes loaded and instantiated, the first time any client is built: about 0.3 s of a build's first token.
 * Every client the extension builds, and those the SDK builds for role profiles, web identity and SSO, asks for one
 * of these five; for another name the SDK falls back to its partition-wide {@code DefaultServiceMetadata}.
 */
public final class GeneratedServiceMetadataProvider implements ServiceMetadataProvider {
    private static final Map<String, ServiceMetadata> BUILT = new ConcurrentHashMap<>();

    @Override
    public ServiceMetadata serviceMetadata(String endpointPrefix) {
        return endpointPrefix == null ? null : BUILT.computeIfAbsent(endpointPrefix,
                GeneratedServiceMetadataProvider::build);
    }

    /** The SDK's metadata of the service, or null (not cached: ConcurrentHashMap keeps no null). */
    private static ServiceMetadata build(String endpointPrefix) {
        switch (endpointPrefix) {
            case "codeartifact":
                return new CodeartifactServiceMetadata();
            case "sts":
                return new StsServiceMetadata();
            case "portal.sso":
                return new PortalSsoServiceMetadata();
            case "oidc":
                return new OidcServiceMetadata();
            case "sso":
                return new SsoServiceMetadata();
            default:
                return null;
        }
    }
}
