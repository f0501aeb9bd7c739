package io.github.mavenaws.codeartifact.token;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codeartifact.CodeartifactClient;

/**
 * The regions where CodeArtifact exists, from the AWS SDK's own endpoint metadata rather than a list of ours. When no
 * token can be had for a URL naming another region, the failure says so, instead of leaving the user with a lookup
 * of a host that does not exist. Only a hint: the list is as old as the SDK, so a region is never refused for it.
 */
final class CodeArtifactRegions {
    private CodeArtifactRegions() {}

    /** Whether the SDK knows CodeArtifact in {@code region}. */
    static boolean serves(String region) {
        return CodeartifactClient.serviceMetadata().regions().contains(Region.of(region));
    }

    /** The regions the SDK knows CodeArtifact in, sorted. */
    static List<String> all() {
        List<String> regions = new ArrayList<>();
        for (Region region : CodeartifactClient.serviceMetadata().regions()) {
            regions.add(region.id());
        }
        Collections.sort(regions);
        return regions;
    }
}
