/**
 * The extension's jar as a command, {@code java -jar maven-aws-extension-<version>.jar}: a token for other tools,
 * a diagnosis of a setup, and the install into a Maven installation, through the build's own settings and chain.
 */
package io.github.mavenaws.codeartifact.cli;
