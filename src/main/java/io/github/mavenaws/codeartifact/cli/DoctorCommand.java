package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.cache.TokenCache;
import io.github.mavenaws.codeartifact.config.AwsSettings;
import io.github.mavenaws.codeartifact.config.Settings;
import io.github.mavenaws.codeartifact.config.ConfigurationException;
import io.github.mavenaws.codeartifact.config.ExtensionConfig;
import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import io.github.mavenaws.codeartifact.maven.RepositoryProbe;
import io.github.mavenaws.codeartifact.token.AuthorizationToken;
import io.github.mavenaws.codeartifact.token.AwsProxies;
import io.github.mavenaws.codeartifact.token.AwsProxy;
import io.github.mavenaws.codeartifact.token.CallerIdentity;
import io.github.mavenaws.codeartifact.token.TokenProviderException;
import io.github.mavenaws.codeartifact.token.TokenUnavailableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor}: explains, for a person, how each CodeArtifact repository of a setup gets its token, step by step,
 * each with its outcome and time: the URL read, the AWS identity, the token chain, and a probe of the repository
 * with the token, which is what a build's downloads depend on. Ends with the fix for the first step that failed.
 * Never prints a token or a secret: the token's source and expiry only.
 */
final class DoctorCommand {
    static final String HELP = "Usage: java -jar " + ThisJar.fileName() + " doctor [<repository-url>...|<project-dir>]\n"
            + "\n"
            + "Explains how each CodeArtifact repository gets its token, step by step, and the fix for the first step\n"
            + "that fails. The repositories are the URLs given, or those found in the project's POMs (pom.xml and its\n"
            + "modules; the current folder by default) and in ~/.m2/settings.xml (mirrors included).\n"
            + "\n"
            + "For each: the domain, owner and region read from the URL; the AWS identity the SDK resolves\n"
            + "(sts:GetCallerIdentity); every token source tried and its outcome; the token's source and expiry (never\n"
            + "the token); a GET of the repository with the token (HTTP 200 or 404: accepted, 401 or 403: refused);\n"
            + "the proxy of the AWS calls; the time of each step. Settings as for a build and the token command.\n"
            + "\n"
            + "Exit status: 0 when every repository accepts a token, 1 otherwise, 2 for wrong arguments.";

    /** Refusals the doctor lets the cache answer before it stops; the cache gives up sooner. */
    private static final int MAX_ROUNDS = 8;
    private static final String OK = "ok";
    private static final String FAILED = "FAILED";
    private static final String SKIPPED = "skipped";

    private final Context context;
    private final ExtensionConfig config;
    private final TokenCache cache;
    /** The proxy of each AWS host, as a build picks it; the chain and the identity step call through it. */
    private final AwsProxies proxies;
    /** The proxy of the repository hosts, as a build's downloads pick it; the probe goes through it. */
    private final AwsProxies downloads;
    private final Map<String, Object> identities = new HashMap<>();

    private DoctorCommand(Context context, ExtensionConfig config, TokenCache cache, AwsProxies proxies,
            AwsProxies downloads) {
        this.context = context;
        this.config = config;
        this.cache = cache;
        this.proxies = proxies;
        this.downloads = downloads;
    }

    static int run(Context context, List<String> args) {
        if (args.contains("--help") || args.contains("-h")) {
            context.out().println(HELP);
            return CommandLine.OK;
        }
        for (String arg : args) {
            if (arg.startsWith("-")) {
                context.err().println("Unknown option " + CommandLine.quote(arg) + ".\n\n" + HELP);
                return CommandLine.USAGE;
            }
        }
        Map<String, String> repositories = new LinkedHashMap<>();
        List<String> projects = new ArrayList<>();
        for (String arg : args) {
            if (arg.contains("://")) {
                repositories.put(arg, "given");
            } else {
                projects.add(arg);
            }
        }
        // with no argument, the current folder when it is a project, and settings.xml in any case
        boolean given = !args.isEmpty();
        if (!given) {
            projects.add(".");
        }
        context.out().println(ThisJar.ARTIFACT_ID + " " + ThisJar.version() + " doctor");
        for (String project : projects) {
            Path dir = context.workingDirectory().resolve(project).normalize();
            Path settings = RepositorySources.userSettings(context);
            RepositorySources found;
            try {
                found = RepositorySources.find(dir, settings, given);
            } catch (IOException e) {
                context.err().println(e.getMessage());
                return CommandLine.USAGE;
            }
            context.out().println("Read " + (found.filesRead().isEmpty() ? "no pom.xml nor settings.xml"
                    : String.join(", ", found.filesRead())) + ": "
                    + found.codeArtifact().size() + " CodeArtifact repositor" + (found.codeArtifact().size() == 1
                            ? "y" : "ies") + (found.others() == 0 ? "" : ", " + found.others() + " other"
                            + (found.others() == 1 ? "" : "s") + " (not CodeArtifact, not checked)"));
            for (String skipped : found.skipped()) {
                context.out().println("  skipped " + skipped);
            }
            for (Map.Entry<String, String> e : found.codeArtifact().entrySet()) {
                repositories.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        if (repositories.isEmpty()) {
            context.out().println("No CodeArtifact repository to check. Give its URL: java -jar " + ThisJar.fileName()
                    + " doctor https://<domain>-<owner>.d.codeartifact.<region>.amazonaws.com/maven/<repository>/");
            return CommandLine.FAILED;
        }
        ExtensionConfig config;
        AwsProxies proxies;
        AwsProxies downloads;
        try {
            config = context.config();
            proxies = context.proxies();
            downloads = context.downloadProxies();
        } catch (ConfigurationException e) {
            context.out().println(FAILED + " settings: " + e.getMessage());
            return CommandLine.FAILED;
        }
        TokenCache cache = Context.openTokenCache(config, proxies);
        try {
            return new DoctorCommand(context, config, cache, proxies, downloads).check(repositories);
        } finally {
            cache.close();
        }
    }

    private int check(Map<String, String> repositories) {
        context.out().println("Settings: token cache " + (config.cache() ? config.cacheDir() : "off")
                + (config.skip() ? "; " + Settings.SKIP.property() + " is true: builds give no token at all" : ""));
        int accepted = 0;
        for (Map.Entry<String, String> repository : repositories.entrySet()) {
            context.out().println();
            context.out().println("Repository " + repository.getKey()
                    + ("given".equals(repository.getValue()) ? "" : "  (" + repository.getValue() + ")"));
            if (new Diagnosis(repository.getKey()).run()) {
                accepted++;
            }
        }
        context.out().println();
        context.out().println(accepted == repositories.size()
                ? "All " + repositories.size() + " accept a token."
                : (repositories.size() - accepted) + " of " + repositories.size() + " do not accept a token.");
        return accepted == repositories.size() ? CommandLine.OK : CommandLine.FAILED;
    }

    /** The steps for one repository, each printed when done; the first failure's fix is kept for the end. */
    private final class Diagnosis {
        private final String url;
        private String fix;
        private CallerIdentity identity;

        Diagnosis(String url) {
            this.url = url;
        }

        /** Whether the repository accepted a token. */
        boolean run() {
            long start = System.nanoTime();
            Optional<CodeArtifactEndpoint> parsed = CodeArtifactEndpoint.parse(url);
            if (!parsed.isPresent()) {
                String reason = UrlRefusal.explain(url);
                step(FAILED, "URL", "not a CodeArtifact repository URL", start);
                return verdict(false, reason);
            }
            CodeArtifactEndpoint endpoint = parsed.get();
            DomainKey key = endpoint.key();
            step(OK, "URL", "domain " + key.domain() + ", owner " + key.owner() + ", region " + key.region()
                    + ", repository " + endpoint.repository() + " (" + endpoint.form().toString()
                    .toLowerCase(Locale.ROOT).replace('_', '-') + " host)", start);
            start = System.nanoTime();
            step(OK, "proxy", "AWS calls go " + awsProxy(key), start);
            AwsSettings aws = config.aws(key);
            identity(aws, key);
            for (int round = 0; round < MAX_ROUNDS; round++) {
                start = System.nanoTime();
                AuthorizationToken token;
                try {
                    token = cache.get(key);
                } catch (TokenUnavailableException e) {
                    step(FAILED, "token", "no source gave a usable token; tried, in order:"
                            + numbered(e.attempts()), start);
                    step(SKIPPED, "repository", "no token to send", null);
                    return verdict(false, tokenFix(e, key));
                }
                step(OK, "token", "from " + token.source() + ", " + expiry(token)
                        + (round == 0 ? sources(aws, token) : ""), start);
                start = System.nanoTime();
                RepositoryProbe.Answer answer;
                try {
                    answer = RepositoryProbe.get(url, token, downloads,
                            ThisJar.ARTIFACT_ID + "/" + ThisJar.version() + " doctor");
                } catch (IOException e) {
                    step(FAILED, "repository", "GET " + endpoint.host() + " failed: " + e, start);
                    AwsProxy proxy = downloads.forHost(endpoint.host());
                    return verdict(false, "The repository could not be reached (" + e.getClass().getSimpleName()
                            + "). " + (proxy != null ? "The proxy " + proxy.describe() + " may be wrong or down:"
                            + " correct or unset it." : "Check DNS and the network to " + endpoint.host() + "."));
                }
                int status = answer.status();
                if (answer.accepted()) {
                    step(OK, "repository", "GET with the token answered HTTP " + status + ": the token is accepted",
                            start);
                    return verdict(true, null);
                }
                if (!answer.refused()) {
                    step(FAILED, "repository", "GET with the token answered HTTP " + status
                            + ", neither accepting nor refusing it", start);
                    return verdict(false, "The repository answered HTTP " + status + " where CodeArtifact answers"
                            + " 404 or 200 to a good token and 401 or 403 to a bad one: something between this"
                            + " machine and CodeArtifact answered (a proxy?), or CodeArtifact had a bad moment (try"
                            + " again).");
                }
                step(FAILED, "repository", "GET with the token answered HTTP " + status + ": the token from "
                        + token.source() + " is refused; as in a build, the chain is asked again", start);
                if (fix == null) {
                    fix = refusalFix(token, endpoint);
                }
                cache.refused(key, token);
            }
            return verdict(false, null);
        }

        private void identity(AwsSettings aws, DomainKey key) {
            long start = System.nanoTime();
            String credentials = aws.profile() == null ? "the default AWS credentials"
                    : "AWS profile '" + aws.profile() + "' (" + aws.profileSetting() + ")";
            String cacheKey = aws.profile() + "@" + key.region();
            Object known = identities.get(cacheKey);
            if (known == null) {
                try {
                    known = CallerIdentity.of(aws, key.region(), proxies);
                } catch (TokenProviderException e) {
                    known = e.getMessage();
                }
                identities.put(cacheKey, known);
            }
            String role = aws.roleArn() == null ? "" : "; then the role " + aws.roleArn() + " (" + aws.roleSetting()
                    + ") if they get no token";
            if (known instanceof CallerIdentity) {
                identity = (CallerIdentity) known;
                step(OK, "identity", identity.arn() + " (account " + identity.account() + "), from " + credentials
                        + role, start);
            } else {
                String reason = (String) known;
                boolean tokenFromVariable = config.envToken() != null || config.codeartifactEnvToken() != null;
                step(tokenFromVariable ? SKIPPED : FAILED, "identity", credentials + ": " + reason
                        + (tokenFromVariable ? "\n(not needed while a token variable is set)" : ""), start);
                if (!tokenFromVariable && fix == null) {
                    fix = identityFix(reason, key);
                }
            }
        }

        /** The chain's sources in order, with what each did: the winner, those before it, those not asked. */
        private String sources(AwsSettings aws, AuthorizationToken token) {
            String winner = token.source();
            List<String> lines = new ArrayList<>();
            int position = winner.startsWith("environment variable " + Settings.AUTH_TOKEN.variable()) ? 0
                    : winner.startsWith("environment variable " + Settings.CODEARTIFACT_AUTH_TOKEN.variable()) ? 1
                    : winner.startsWith("codeartifact:GetAuthorizationToken") ? 2
                    : winner.startsWith("sts:AssumeRole") ? 3 : -1;
            if (position < 0) {
                return "";
            }
            lines.add(variable(Settings.AUTH_TOKEN.variable(), position, 0));
            lines.add(variable(Settings.CODEARTIFACT_AUTH_TOKEN.variable(), position, 1));
            lines.add("codeartifact:GetAuthorizationToken with " + (aws.profile() == null
                    ? "the default AWS credentials" : "AWS profile '" + aws.profile() + "'") + ": "
                    + outcome(position, 2, "gave no token"));
            lines.add("sts:AssumeRole on " + (aws.roleArn() == null ? "the role in " + aws.roleSetting() + ": not set"
                    : aws.roleArn() + ": " + outcome(position, 3, "gave no token")));
            return "; sources, in order:" + numbered(lines);
        }

        private String variable(String name, int winner, int position) {
            String state = name.equals(Settings.AUTH_TOKEN.variable()) ? config.envToken() : config.codeartifactEnvToken();
            String before = config.isSetButBlank(name) ? "set, but empty or only whitespace, so ignored" : "not set";
            return "environment variable " + name + ": " + (state == null ? before : outcome(winner, position,
                    "set"));
        }

        private String outcome(int winner, int position, String before) {
            return position == winner ? "gave the token" : position < winner ? before : "not asked";
        }

        private boolean verdict(boolean accepted, String lastFix) {
            if (accepted) {
                context.out().println("  => the repository accepts a token");
                return true;
            }
            String advice = fix != null ? fix : lastFix;
            context.out().println("  => FAILED. Fix: " + (advice == null ? "see the steps above." : indent(advice)));
            return false;
        }

        private String identityFix(String reason, DomainKey key) {
            if (reason.contains("did not answer in time") || reason.contains("Unable to execute HTTP request")) {
                AwsProxy proxy = proxies.forHost(sts(key));
                return "AWS STS (" + sts(key) + ") could not be reached." + (proxy != null ? " The proxy "
                        + proxy.describe() + " may be wrong or down: correct or unset it."
                        : " Check DNS, the network to AWS, and any AWS_ENDPOINT_URL* setting.");
            }
            if (reason.contains("no AWS credentials found") || reason.contains("Unable to load credentials")
                    || reason.contains("aws sso login")) {
                return "Give the AWS SDK credentials, as for the AWS CLI: aws configure (access keys), aws sso login"
                        + " (IAM Identity Center), a profile in AWS_PROFILE or -D" + Settings.PROFILE.property() + ", or"
                        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; aws sts get-caller-identity then shows"
                        + " who you are. Or export a token in " + Settings.AUTH_TOKEN.variable() + ".";
            }
            return "AWS refused the credentials (see the identity step): renew them (aws sso login, a fresh"
                    + " AWS_SESSION_TOKEN, new access keys) and check this machine's clock.";
        }

        private String tokenFix(TokenUnavailableException e, DomainKey key) {
            String attempts = String.join("\n", e.attempts());
            if (identity != null && (attempts.contains("AccessDenied") || attempts.contains("not authorized"))) {
                return identity.arn() + " may not get tokens: allow it codeartifact:GetAuthorizationToken on"
                        + " arn:aws:codeartifact:" + key.region() + ":" + key.owner() + ":domain/" + key.domain()
                        + " and sts:GetServiceBearerToken (condition sts:AWSServiceName = codeartifact.amazonaws.com),"
                        + " or use an identity that has them (" + Settings.PROFILE.property() + ", " + Settings.ROLE_ARN.variable()
                        + ").";
            }
            String message = e.getMessage();
            int at = message.indexOf("To fix it");
            return at >= 0 ? message.substring(at) : message;
        }

        private String refusalFix(AuthorizationToken token, CodeArtifactEndpoint endpoint) {
            DomainKey key = endpoint.key();
            if (!token.expiration().isPresent()) {
                return "The repository refused the token of " + token.source() + " (expired, or issued for another"
                        + " domain): unset the variable to let the extension fetch one, or export a fresh token.";
            }
            return (identity != null ? identity.arn() : "The identity") + " gets tokens, but the repository refuses"
                    + " them: allow it codeartifact:ReadFromRepository on arn:aws:codeartifact:" + key.region() + ":"
                    + key.owner() + ":repository/" + key.domain() + "/" + endpoint.repository() + " (and"
                    + " codeartifact:PublishPackageVersion to deploy), and check that the repository "
                    + endpoint.repository() + " exists in domain " + key.domain() + ".";
        }

        /** How the domain's AWS calls go: one proxy for CodeArtifact and STS, or each its own. */
        private String awsProxy(DomainKey key) {
            String codeartifact = "codeartifact." + key.region() + ".amazonaws.com";
            String viaCodeartifact = proxies.describe(codeartifact);
            String viaSts = proxies.describe(sts(key));
            return viaCodeartifact.equals(viaSts) ? viaCodeartifact
                    : "to " + codeartifact + " " + viaCodeartifact + ", to " + sts(key) + " " + viaSts;
        }

        /** One step: outcome, name, what happened, and its time when it ran. */
        private void step(String outcome, String name, String text, Long startNanos) {
            String time = startNanos == null ? ""
                    : "  (" + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms)";
            context.out().println(String.format(Locale.ROOT, "  %-8s %-11s", outcome, name) + indent(text) + time);
        }
    }

    private static String sts(DomainKey key) {
        return "sts." + key.region() + ".amazonaws.com";
    }

    private static String expiry(AuthorizationToken token) {
        if (!token.expiration().isPresent()) {
            return "expiry unknown (a token from a variable)";
        }
        Instant expiration = token.expiration().get();
        long minutes = Duration.between(Instant.now(), expiration).toMinutes();
        return "expires " + expiration.truncatedTo(ChronoUnit.SECONDS) + " (in " + (minutes / 60) + " h "
                + (minutes % 60) + " min)";
    }

    private static String numbered(List<String> lines) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            text.append("\n  ").append(i + 1).append(". ").append(lines.get(i));
        }
        return text.toString();
    }

    /** Continuation lines under the step's text. */
    private static String indent(String text) {
        return text.replace("\n", "\n                      ");
    }
}
