/** Maven glue: the connector factory that puts tokens on CodeArtifact repositories and the session participant. */
package io.github.mavenaws.codeartifact.maven;
