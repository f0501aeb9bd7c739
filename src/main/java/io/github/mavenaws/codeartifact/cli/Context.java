package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * What a command runs with: its output streams, the environment and system properties its settings come from, as
 * a build's come from the environment and Maven's properties, and the folder it was started in.
 */
final class Context {
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Map<?, ?> properties;
    private final Path workingDirectory;

    /**
     * @param out where results go (for {@code token}, the token alone), not null
     * @param err where errors go, not null
     * @param environment the process environment, not null
     * @param properties the system properties, {@code -Dcodeartifact.*} among them, not null
     * @param workingDirectory the folder relative paths start from, not null
     */
    Context(PrintStream out, PrintStream err, Map<String, String> environment, Map<?, ?> properties,
            Path workingDirectory) {
        this.out = Objects.requireNonNull(out, "out cannot be null");
        this.err = Objects.requireNonNull(err, "err cannot be null");
        this.environment = Objects.requireNonNull(environment, "environment cannot be null");
        this.properties = Objects.requireNonNull(properties, "properties cannot be null");
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory cannot be null");
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** A system property, or null. */
    String property(String name) {
        Object value = properties.get(name);
        return value instanceof String ? (String) value : null;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    /** The build's settings, read as a build reads them, from the environment and the system properties. */
    ExtensionConfig config() throws ConfigurationException {
        return ExtensionConfig.from(environment, properties);
    }

    /**
     * The proxy of each AWS host, as a build picks it: the user's settings.xml {@code <proxy>} for https, else
     * {@code HTTPS_PROXY}/{@code NO_PROXY}, else {@code https.proxyHost}. Every AWS call of the commands goes through
     * it, and the doctor reports it.
     *
     * @throws ConfigurationException when {@code HTTPS_PROXY} or {@code https.proxyPort} is unusable
     */
    AwsProxies proxies() throws ConfigurationException {
        AwsProxies fallback;
        try {
            fallback = AwsProxies.fromEnvironment(environment, systemProperties());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return SettingsXmlProxy.read(RepositorySources.userSettings(this)).orElse(fallback);
    }

    /**
     * The proxy of a repository host, as a build's downloads pick it: the user's settings.xml {@code <proxy>} for
     * https, else the JVM's {@code https.proxyHost} ({@code HTTPS_PROXY} is the AWS calls' alone: Maven ignores it).
     *
     * @throws ConfigurationException when {@code https.proxyPort} is unusable
     */
    AwsProxies downloadProxies() throws ConfigurationException {
        AwsProxies fallback;
        try {
            fallback = AwsProxies.fromEnvironment(Collections.<String, String>emptyMap(), systemProperties());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage());
        }
        return SettingsXmlProxy.read(RepositorySources.userSettings(this)).orElse(fallback);
    }

    private Properties systemProperties() {
        Properties system = new Properties();
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            if (e.getKey() instanceof String && e.getValue() instanceof String) {
                system.setProperty((String) e.getKey(), (String) e.getValue());
            }
        }
        return system;
    }

    /**
     * The token cache over the build's chains, disk cache included: the one place the commands build it. Close it
     * when done.
     *
     * @param config the settings, not null
     * @param proxies the proxy of each AWS host ({@link #proxies()}), not null
     */
    static TokenCache openTokenCache(ExtensionConfig config, AwsProxies proxies) {
        return TokenCache.create(config, proxies);
    }

}
