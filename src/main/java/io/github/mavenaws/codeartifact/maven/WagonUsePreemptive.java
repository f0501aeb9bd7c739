package io.github.mavenaws.codeartifact.maven;

import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import java.util.Map;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the wagon transport the {@code <server><configuration>} that makes it preemptive, as resolver 1 (Maven
 * 3.8, and 3.9 with {@code -Dmaven.resolver.transport=wagon}) and resolver 2 (Maven 3.10 and 4.0 with that
 * option) read it, each under its own key. Wagon takes one configuration only, so one of the user's (timeouts,
 * headers) under either key wins.
 */
final class WagonUsePreemptive implements TransportTuning {
    private static final Logger LOGGER = LoggerFactory.getLogger(WagonUsePreemptive.class);

    /** Resolver 1's wagon transport reads the {@code <server><configuration>} of the repository here. */
    private static final String RESOLVER1 = "aether.connector.wagon.config.";

    /** Resolver 2's wagon transport. */
    private static final String RESOLVER2 = "aether.transport.wagon.config.";

    @Override
    public void tune(Map<String, Object> config, String repositoryId, AuthorizationToken token) {
        if (config.containsKey(RESOLVER1 + repositoryId) || config.containsKey(RESOLVER2 + repositoryId)) {
            return;
        }
        Object wagonConfig = usePreemptive();
        if (wagonConfig != null) {
            config.put(RESOLVER1 + repositoryId, wagonConfig);
            config.put(RESOLVER2 + repositoryId, wagonConfig);
        }
    }

    /**
     * {@code <httpConfiguration><all><usePreemptive>true</usePreemptive></all></httpConfiguration>}, or null where
     * this Maven does not let extensions see plexus-utils' Xpp3Dom.
     */
    private static Object usePreemptive() {
        try {
            Xpp3Dom usePreemptive = new Xpp3Dom("usePreemptive");
            usePreemptive.setValue("true");
            Xpp3Dom all = new Xpp3Dom("all");
            all.addChild(usePreemptive);
            Xpp3Dom httpConfiguration = new Xpp3Dom("httpConfiguration");
            httpConfiguration.addChild(all);
            Xpp3Dom configuration = new Xpp3Dom("configuration");
            configuration.addChild(httpConfiguration);
            return configuration;
        } catch (LinkageError e) {
            LOGGER.debug("Wagon preemptive authentication unavailable: {}", e.toString());
            return null;
        }
    }
}
