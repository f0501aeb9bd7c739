/**
 * Maven glue: the connector factory that puts tokens on CodeArtifact repositories, the authentication selector,
 * the retrying connector, one transport tuning per resolver workaround, and the session participant.
 */
package io.github.mavenaws.codeartifact.maven;
