package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * No provider gave a usable token. Like the AWS SDK's credentials chain, it reports every step tried with its
 * reason, and adds what the user can do next.
 */
public final class TokenUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    private final DomainKey key;
    private final List<String> attempts;

    /**
     * @param key the domain no token could be found for, not null
     * @param attempts one line per provider, "what: why", in chain order, not null
     */
    public TokenUnavailableException(DomainKey key, List<String> attempts) {
        super(message(key, attempts, null));
        this.key = Objects.requireNonNull(key, "key cannot be null");
        this.attempts = Collections.unmodifiableList(new ArrayList<>(attempts));
    }

    public DomainKey key() {
        return key;
    }

    public List<String> attempts() {
        return attempts;
    }

    /** The full message for one repository, naming its URL as the user wrote it. */
    public String messageFor(String repositoryUrl) {
        return message(key, attempts, repositoryUrl);
    }

    private static String prefix(DomainKey key, String url) {
        return "No AWS CodeArtifact token for " + (url == null ? "" : url + " ") + "(domain " + key.domain()
                + ", owner " + key.owner() + ", region " + key.region() + ")";
    }

    private static String message(DomainKey key, List<String> attempts, String url) {
        StringBuilder m = new StringBuilder(prefix(key, url)).append(". Tried:");
        for (int i = 0; i < attempts.size(); i++) {
            m.append("\n  ").append(i + 1).append(". ").append(attempts.get(i));
        }
        if (!CodeArtifactRegions.serves(key.region())) {
            // a hint, not a verdict: the SDK's list is as old as the extension, and a region may have been added since
            m.append("\nThe AWS SDK of this extension does not know AWS CodeArtifact in region ").append(key.region())
                    .append(" (it knows ").append(String.join(", ", CodeArtifactRegions.all())).append("): correct")
                    .append(" the region in the repository URL (https://<domain>-<owner>.d.codeartifact.<region>")
                    .append(".amazonaws.com/maven/<repository>/) as the CodeArtifact console shows it; if")
                    .append(" CodeArtifact is new in that region, update the extension.");
        }
        m.append("\nTo fix it, do one of:")
                .append("\n  - give Maven AWS credentials (aws configure, AWS_PROFILE, -Dcodeartifact.profile, aws sso")
                .append(" login, or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY) of an identity allowed")
                .append(" codeartifact:GetAuthorizationToken on domain ").append(key.domain())
                .append(" and sts:GetServiceBearerToken;")
                .append("\n  - set POETRY_AWS_PLUGIN_ROLE_ARN, -Dcodeartifact.roleArn or -Dcodeartifact.")
                .append(key.domain()).append('-').append(key.owner())
                .append(".roleArn to an IAM role (arn:aws:iam::<account-id>:role/<name>)")
                .append(" that is allowed and that your credentials may assume;")
                .append("\n  - export POETRY_AWS_PLUGIN_AUTH_TOKEN=$(aws codeartifact get-authorization-token --domain ")
                .append(key.domain()).append(" --domain-owner ").append(key.owner()).append(" --region ")
                .append(key.region()).append(" --query authorizationToken --output text)");
        return m.toString();
    }
}
