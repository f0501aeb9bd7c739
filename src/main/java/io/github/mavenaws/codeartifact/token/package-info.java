/**
 * Where tokens come from: the environment, GetAuthorizationToken, or an assumed role, walked in order by the chain
 * that also decides what a refusal means; and the SDK clients those calls use.
 */
package io.github.mavenaws.codeartifact.token;
