/**
 * Where tokens come from: the environment, GetAuthorizationToken, or an assumed role, asked in chain order; the
 * AWS ones shared between the user's Maven processes through the disk cache.
 */
package io.github.mavenaws.codeartifact.token;
