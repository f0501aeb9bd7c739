package io.github.mavenaws.codeartifact.fake;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CodeArtifact domain: the unit tokens are issued for. Identified, as in AWS, by name, owner account and
 * region; a token for it opens every repository of the domain in that region and nothing else.
 */
public final class FakeDomain {

    private final FakeAws aws;
    private final String name;
    private final String owner;
    private final String region;
    private final Map<String, FakeRepository> repositories = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();

    FakeDomain(FakeAws aws, String name, String owner, String region) {
        this.aws = aws;
        this.name = name;
        this.owner = owner;
        this.region = region;
    }

    public String name() {
        return name;
    }

    public String owner() {
        return owner;
    }

    public String region() {
        return region;
    }

    public String arn() {
        return "arn:aws:codeartifact:" + region + ":" + owner + ":domain/" + name;
    }

    /** The repository of that name, created empty on first use. */
    public FakeRepository repository(String repositoryName) {
        return repositories.computeIfAbsent(repositoryName, n -> new FakeRepository(this, n));
    }

    /** The faults its GetAuthorizationToken answers with; none until a test adds some. */
    public Faults faults() {
        return faults;
    }

    /** {@code <domain>-<owner>.d.codeartifact.<region>.amazonaws.com}. */
    public String host() {
        return AwsNames.repositoryHost(name, owner, region);
    }

    /** {@code <domain>-<owner>.codeartifact.<region>.on.aws}. */
    public String dualStackHost() {
        return AwsNames.dualStackHost(name, owner, region);
    }

    /** The VPC endpoint host (without private DNS) the fake answers for this region. */
    public String vpcEndpointHost() {
        return AwsNames.vpcEndpointHost(region);
    }

    /** The S3 bucket CodeArtifact redirects asset downloads of this domain to. */
    public String assetsBucket() {
        return "assets-" + owner + "-" + region;
    }

    public String assetsHost() {
        return AwsNames.s3Host(assetsBucket(), region);
    }

    List<String> hosts() {
        return List.of(host(), dualStackHost(), vpcEndpointHost(), assetsHost());
    }

    FakeRepository findRepository(String repositoryName) {
        return repositories.get(repositoryName);
    }

    FakeAws aws() {
        return aws;
    }

    boolean is(String otherName, String otherOwner, String otherRegion) {
        return name.equals(otherName) && owner.equals(otherOwner) && region.equals(otherRegion);
    }

    @Override
    public String toString() {
        return name + "-" + owner + " (" + region + ")";
    }
}
