package io.github.mavenaws.codeartifact.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OldMavenRefusalTest {

    @Test
    void mavenOlderThanTheOldestTestedIsRefusedByName() {
        String refusal = OldMavenRefusal.refusal("3.6.3");

        assertTrue(refusal.startsWith("maven-aws-extension needs Maven 3.8.7 or later, but this is Maven 3.6.3."),
                refusal);
        assertTrue(OldMavenRefusal.refusal("3.8.6") != null);
        assertTrue(OldMavenRefusal.refusal("3.3.9") != null);
    }

    @Test
    void supportedAndUnknownVersionsPass() {
        for (String version : new String[] {"3.8.7", "3.8.8", "3.9.16", "3.10.0", "4.0.0-rc-4", "4.0.0-rc-6", "4.0.0"}) {
            assertNull(OldMavenRefusal.refusal(version), version);
        }
        assertNull(OldMavenRefusal.refusal(null));
    }

    @Test
    void theRunningVersionIsMavenCores() {
        // the tests compile against maven-core 3.8.8
        assertEquals("3.8.8", OldMavenRefusal.runningVersion());
    }
}
