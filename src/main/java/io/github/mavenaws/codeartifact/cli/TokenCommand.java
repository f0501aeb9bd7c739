package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.util.List;
import java.util.Optional;

/**
 * {@code token <repository-url>}: the token a build would use for that repository, alone on stdout, for tools that
 * cannot run the extension (curl, Gradle, npm, Docker builds). Same settings, chain and disk cache as a build, so a
 * token a build fetched serves here with no AWS call, and the other way round.
 */
final class TokenCommand {
    static final String HELP = "Usage: java -jar " + ThisJar.fileName() + " token <repository-url>\n"
            + "\n"
            + "Prints a CodeArtifact token for the repository, alone on one line of stdout, e.g.\n"
            + "  curl -u \"aws:$(java -jar " + ThisJar.fileName() + " token <url>)\" <url>com/acme/lib/1.0/lib-1.0.pom\n"
            + "\n"
            + "The token comes as a build's does: POETRY_AWS_PLUGIN_AUTH_TOKEN, CODEARTIFACT_AUTH_TOKEN, then\n"
            + "codeartifact:GetAuthorizationToken with your AWS credentials, then sts:AssumeRole on\n"
            + "POETRY_AWS_PLUGIN_ROLE_ARN; tokens from AWS are shared with your builds through ~/.m2/codeartifact-tokens.\n"
            + "Settings are the build's environment variables and, as system properties, its Maven properties:\n"
            + "java -Dcodeartifact.profile=ci -jar " + ThisJar.fileName() + " token <url>, or -D... after token.\n"
            + "\n"
            + "Exit status: 0 with a token, 1 when none can be had (the reason on stderr), 2 for a URL that is not\n"
            + "a CodeArtifact repository.";

    private TokenCommand() {}

    static int run(Context context, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            context.out().println(HELP);
            return CommandLine.OK;
        }
        if (args.size() != 1 || args.get(0).startsWith("-")) {
            context.err().println("token takes one argument, the repository URL.\n\n" + HELP);
            return CommandLine.USAGE;
        }
        String url = args.get(0);
        Optional<CodeArtifactEndpoint> endpoint = CodeArtifactEndpoint.parse(url);
        if (!endpoint.isPresent()) {
            context.err().println("No token. " + UrlRefusal.explain(url));
            return CommandLine.USAGE;
        }
        ExtensionConfig config;
        AwsProxies proxies;
        try {
            config = context.config();
            proxies = context.proxies();
        } catch (ConfigurationException e) {
            context.err().println(e.getMessage());
            return CommandLine.FAILED;
        }
        TokenCache cache = Context.openTokenCache(config, proxies);
        try {
            AuthorizationToken token = cache.get(endpoint.get().key());
            // the one place a token is ever printed: stdout, for $(...)
            context.out().println(token.value());
            context.out().flush();
            return CommandLine.OK;
        } catch (TokenUnavailableException e) {
            context.err().println(e.messageFor(url));
            return CommandLine.FAILED;
        } finally {
            cache.close();
        }
    }
}
