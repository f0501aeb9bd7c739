package io.github.mavenaws.codeartifact.token;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.regions.Region;

/**
 * Keeps the AWS SDK's loggers quiet under Maven's {@code -X}, and puts the JVM back as it was afterwards. The SDK
 * logs each signed request at debug, session token included, and {@code -X} shows every debug line. Maven's simple
 * loggers take a logger's level from a system property when the logger is created, so setting it before the first
 * SDK class loads keeps the SDK at info, unless the user chose a level. A long-lived JVM (IDE, Maven daemon) must
 * be left as found, so {@link #close()} removes what {@link #quiet()} set, once the build is over.
 *
 * <p>The SDK's loggers are named after its classes, which the extension's jar relocates: the package is read from a
 * class name, never written out, so that the jar and the classes (unit tests, IDEs) each name their SDK's package.
 */
final class SdkLogLevels implements AutoCloseable {
    /** Maven 3's simple logger. */
    static final String SDK_LOG_LEVEL = "org.slf4j.simpleLogger.log." + sdkPackage();

    /** Maven 4's logger reads this name, and the one above only with a deprecation warning per logger. */
    static final String MAVEN4_SDK_LOG_LEVEL = "maven.logger.log." + sdkPackage();

    /**
     * SDK loggers that warn, with a full stack trace, about what the "no token" message already says in one line:
     * an {@code sso_session} login whose refresh IAM Identity Center refused, and the expired login it then falls
     * back to. The user is told to run {@code aws sso login}; the trace helps nobody. Kept at error.
     */
    static final String[] QUIET_SDK_LOGGERS = {
        ".services.ssooidc.SsoOidcTokenProvider", ".utils.cache.CachedSupplier"
    };

    /** What {@link #quiet()} set, to be removed by {@link #close()}. */
    private final Map<String, String> set;

    private SdkLogLevels(Map<String, String> set) {
        this.set = set;
    }

    /** {@code software.amazon.awssdk}, or where the extension's jar relocated it; initialises no SDK class. */
    static String sdkPackage() {
        String region = Region.class.getName();
        return region.substring(0, region.length() - ".regions.Region".length());
    }

    /** Sets the SDK's levels unless the user chose one, under both Maven 3's and Maven 4's property names. */
    static SdkLogLevels quiet() {
        Map<String, String> set = new LinkedHashMap<>();
        if (System.getProperty(SDK_LOG_LEVEL) == null && System.getProperty(MAVEN4_SDK_LOG_LEVEL) == null) {
            // both: Maven 4 reads its own name first and warns about the other only when its own is missing
            set.put(MAVEN4_SDK_LOG_LEVEL, "info");
            set.put(SDK_LOG_LEVEL, "info");
            for (String logger : QUIET_SDK_LOGGERS) {
                set.put(MAVEN4_SDK_LOG_LEVEL + logger, "error");
                set.put(SDK_LOG_LEVEL + logger, "error");
            }
            set.forEach(System::setProperty);
        }
        return new SdkLogLevels(set);
    }

    /** Removes the properties {@link #quiet()} set, unless someone has changed them since. */
    @Override
    public void close() {
        set.forEach((name, value) -> {
            if (value.equals(System.getProperty(name))) {
                System.clearProperty(name);
            }
        });
        set.clear();
    }
}
