/** Where tokens come from: the environment, GetAuthorizationToken, or an assumed role, asked in chain order. */
package io.github.mavenaws.codeartifact.token;
