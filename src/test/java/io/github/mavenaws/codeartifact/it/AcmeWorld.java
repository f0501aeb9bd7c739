package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import io.github.mavenaws.codeartifact.fake.FakeDomain;
import io.github.mavenaws.codeartifact.fake.FakePrincipal;
import io.github.mavenaws.codeartifact.fake.FakeRepository;
import io.github.mavenaws.codeartifact.fake.FakeRole;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fake AWS world the scenarios build in, one per test class on a {@link FakeAwsExtension}: domain {@value #DOMAIN}
 * of account {@value #OWNER} in {@value #REGION}, whose repository {@code releases} serves
 * {@code com.example:private-lib:1.0} and the parent POM {@code com.example:private-parent:1.0}, and fresh IAM users
 * to build as. Register as {@code @RegisterExtension static final AcmeWorld ACME = new AcmeWorld();}; a scenario
 * adds what only it needs (a second domain, roles, faults, more repositories) in its own {@code @BeforeAll}, which
 * runs after the world is built.
 */
final class AcmeWorld implements BeforeAllCallback, AfterAllCallback {

    static final String DOMAIN = "acme";
    static final String OWNER = "111122223333";
    static final String REGION = "us-west-2";
    /** Where Maven finds the domain's repositories, as AWS names it. */
    static final String HOST = DOMAIN + "-" + OWNER + ".d.codeartifact." + REGION + ".amazonaws.com";
    static final String PARENT_POM = PrivateArtifacts.path("private-parent", "pom");

    private final FakeAwsExtension fake = new FakeAwsExtension();
    private FakeDomain domain;
    private FakeRepository releases;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        fake.beforeAll(context);
        domain = aws().domain(DOMAIN, OWNER, REGION);
        releases = domain.repository("releases");
        PrivateArtifacts.publishLibrary(releases, "private-lib");
        PrivateArtifacts.publishParent(releases);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        domain = null;
        releases = null;
        fake.afterAll(context);
    }

    FakeAws aws() {
        return fake.aws();
    }

    FakeDomain domain() {
        return started(domain);
    }

    /** {@code releases}, holding the private library and the parent POM. */
    FakeRepository releases() {
        return started(releases);
    }

    /** An IAM user with fresh keys and no grant yet. */
    FakePrincipal user() {
        return aws().user(AccessKeys.accessKeyId(), AccessKeys.secretAccessKey());
    }

    /** An IAM user with fresh keys who may fetch the domain's tokens. */
    FakePrincipal reader() {
        return user().allowToken(domain());
    }

    /** A role of the domain's account, {@code arn:aws:iam::111122223333:role/<pathAndName>}, with no grant yet. */
    FakeRole role(String pathAndName) {
        return aws().role("arn:aws:iam::" + OWNER + ":role/" + pathAndName);
    }

    /** A token for the domain, issued out of band, as {@code aws codeartifact get-authorization-token} would. */
    String issueToken(FakePrincipal principal) {
        return aws().issueToken(domain(), principal);
    }

    /**
     * A second domain, {@code globex} of account 444455556666 in {@code region}, whose repository {@code releases}
     * serves {@code com.example:private-lib-eu:1.0}: for builds that need one token per domain.
     */
    FakeRepository globexReleases(String region) {
        FakeRepository globex = aws().domain("globex", "444455556666", region).repository("releases");
        PrivateArtifacts.publishLibrary(globex, "private-lib-eu");
        return globex;
    }

    /** A run against this world's fake AWS. */
    MavenRun run(MavenDistribution maven, String scenario) {
        return MavenRun.of(maven, scenario).against(aws());
    }

    /** A build of the sample whose POM declares {@code releases} and depends on the private library. */
    MavenRun pomRepositoryBuild(MavenDistribution maven, String scenario) {
        return run(maven, scenario).project(SampleProject.named("pom-repository").with("repo.url", releases().url()));
    }

    /**
     * A build of the sample whose parent POM only {@code releases} serves, with the extension alone in the local
     * repository and central from the seed: with goal {@code validate} the parent is its one download and it runs no
     * plugin, so nothing else costs time.
     */
    MavenRun parentPomBuild(MavenDistribution maven, String scenario) {
        return run(maven, scenario)
                .project(SampleProject.named("parent-from-pom").with("repo.url", releases().url()))
                .localRepositoryFrom(ItEnvironment.extensionRepository())
                .centralFrom(ItEnvironment.seedRepository());
    }

    private static <T> T started(T part) {
        if (part == null) {
            throw new IllegalStateException("The acme world is built before all tests of the class; use it from a"
                    + " test or a @BeforeAll method that runs after the extension's");
        }
        return part;
    }
}
