/** The extension's settings, read from the environment and Maven properties and checked at session start. */
package io.github.mavenaws.codeartifact.config;
