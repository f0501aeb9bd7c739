package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeAws;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One fake AWS per test class, on 127.0.0.1:443 (Maven's URLs carry no port), shared by the runs of every Maven
 * version: starting it is cheap but binding the port allows only one at a time, so test classes run one after the
 * other. Register as {@code @RegisterExtension static final FakeAwsExtension AWS = new FakeAwsExtension();}, or use
 * {@link AcmeWorld}, which runs one and builds the world most scenarios share in it.
 */
final class FakeAwsExtension implements BeforeAllCallback, AfterAllCallback {

    private FakeAws aws;

    FakeAws aws() {
        if (aws == null) {
            throw new IllegalStateException("The fake AWS starts before all tests of the class; use it from a test"
                    + " or a @BeforeAll method that runs after the extension's");
        }
        return aws;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path workDir = ItEnvironment.workDir().resolve("fake-aws")
                .resolve(context.getRequiredTestClass().getSimpleName());
        aws = FakeAws.start(workDir);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (aws != null) {
            aws.close();
            aws = null;
        }
    }
}
