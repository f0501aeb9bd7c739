/**
 * Integration tests that run real Maven distributions (3.8 to 4.0) on the sample projects of {@code src/it/projects}
 * through the freshly built extension, against the fake AWS on loopback; run by failsafe in {@code mvn verify}.
 */
package io.github.mavenaws.codeartifact.it;
