/** One token per CodeArtifact domain for the build, fetched once and replaced when refused or expired. */
package io.github.mavenaws.codeartifact.cache;
