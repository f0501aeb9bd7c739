package io.github.mavenaws.codeartifact.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Clock;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's loggers are kept at info during a build, and the JVM is left as found after it. */
class SdkLogLevelsTest {
    private final Properties before = (Properties) System.getProperties().clone();

    @AfterEach
    void restore() {
        System.setProperties(before);
    }

    @Test
    void aBuildQuietsTheSdkAndLeavesTheJvmAsFound() {
        AwsClients clients = new AwsClients(Clock.systemUTC());
        assertEquals("info", System.getProperty(SdkLogLevels.SDK_LOG_LEVEL));
        assertEquals("info", System.getProperty(SdkLogLevels.MAVEN4_SDK_LOG_LEVEL));
        assertEquals("error", System.getProperty(SdkLogLevels.SDK_LOG_LEVEL + SdkLogLevels.QUIET_SDK_LOGGERS[0]));

        clients.close();

        assertEquals(before, System.getProperties());
    }

    @Test
    void aLevelTheUserChoseIsKeptAndLeftInPlace() {
        System.setProperty(SdkLogLevels.SDK_LOG_LEVEL, "debug");
        Properties chosen = (Properties) System.getProperties().clone();

        SdkLogLevels levels = SdkLogLevels.quiet();
        assertEquals("debug", System.getProperty(SdkLogLevels.SDK_LOG_LEVEL));
        assertNull(System.getProperty(SdkLogLevels.MAVEN4_SDK_LOG_LEVEL));
        levels.close();

        assertEquals(chosen, System.getProperties());
    }

    @Test
    void aPropertyChangedDuringTheBuildIsNotTakenAway() {
        SdkLogLevels levels = SdkLogLevels.quiet();
        System.setProperty(SdkLogLevels.SDK_LOG_LEVEL, "warn");
        levels.close();
        assertEquals("warn", System.getProperty(SdkLogLevels.SDK_LOG_LEVEL));
        assertNull(System.getProperty(SdkLogLevels.MAVEN4_SDK_LOG_LEVEL));
    }

    @Test
    void thePackageFollowsTheSdkWhereverItIs() {
        assertEquals(software.amazon.awssdk.regions.Region.class.getPackage().getName()
                .replace(".regions", ""), SdkLogLevels.sdkPackage());
    }
}
