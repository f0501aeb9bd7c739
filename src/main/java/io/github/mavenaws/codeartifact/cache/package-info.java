/**
 * Keeping tokens: one per domain in memory for the build, the AWS ones shared with the user's other Maven processes
 * on disk, both renewed by one refresh policy.
 */
package io.github.mavenaws.codeartifact.cache;
