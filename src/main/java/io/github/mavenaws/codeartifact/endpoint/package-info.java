/**
 * Recognises AWS CodeArtifact Maven repository URLs and the domain whose token each one needs.
 */
package io.github.mavenaws.codeartifact.endpoint;
