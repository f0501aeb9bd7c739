package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.config.ConfigurationException;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.MavenExecutionException;
import org.apache.maven.execution.MavenSession;

/**
 * Owns the extension's part of the Maven session: at its start the settings are checked, so a mistake stops the
 * build with one clear message before any download; at its end the build's SDK clients are released.
 */
@Named(CodeArtifactRepositoryConnectorFactory.NAME)
@Singleton
public final class CodeArtifactLifecycleParticipant extends AbstractMavenLifecycleParticipant {
    private final ExtensionsXmlSettings extensionsXml;

    /** @param extensionsXml the extension's settings in {@code .mvn/extensions.xml}, not null */
    @Inject
    public CodeArtifactLifecycleParticipant(ExtensionsXmlSettings extensionsXml) {
        this.extensionsXml = Objects.requireNonNull(extensionsXml, "extensionsXml cannot be null");
    }

    @Override
    public void afterSessionStart(MavenSession session) throws MavenExecutionException {
        String refusal = OldMavenRefusal.refusal();
        if (refusal != null) {
            throw new MavenExecutionException(refusal, (Throwable) null);
        }
        try {
            ExtensionState.of(session.getRepositorySession(), extensionsXml);
        } catch (ConfigurationException e) {
            // No cause: the message is complete, and Maven prints a cause's stack trace only with -e.
            throw new MavenExecutionException(e.getMessage(), (Throwable) null);
        }
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        ExtensionState.close(session.getRepositorySession());
    }
}
