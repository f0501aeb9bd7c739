package io.github.mavenaws.codeartifact.config;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The ARN of an IAM role in the commercial partition, the only one where CodeArtifact exists. */
public final class RoleArn {
    private static final String EXPECTED = "arn:aws:iam::<account-id>:role/<name>";

    private static final Pattern ROLE = Pattern.compile("arn:aws:iam::(\\d{12}):role/([\\w+=,.@/-]{1,512})");
    private static final Pattern ANY_ARN = Pattern.compile("arn:([^:]*):([^:]*):[^:]*:[^:]*:([^:/]*).*", Pattern.DOTALL);

    private final String value;

    private RoleArn(String value) {
        this.value = value;
    }

    /**
     * @param setting the name of the setting the value came from, for the message, not null
     * @param value the value, not null
     * @throws ConfigurationException naming the setting, what the value looks like and the expected form
     */
    public static RoleArn parse(String setting, String value) throws ConfigurationException {
        Objects.requireNonNull(setting, "setting cannot be null");
        Objects.requireNonNull(value, "value cannot be null");
        String trimmed = value.trim();
        if (ROLE.matcher(trimmed).matches()) {
            return new RoleArn(trimmed);
        }
        throw new ConfigurationException(setting + " is not an IAM role ARN: " + describe(trimmed)
                + ". Expected " + EXPECTED + ", e.g. arn:aws:iam::111122223333:role/codeartifact-reader. Set "
                + setting + " to the ARN of the IAM role that may call codeartifact:GetAuthorizationToken, or unset"
                + " it to use your AWS credentials directly.");
    }

    /** Says what the bad value looks like without echoing more of it than its structure. */
    private static String describe(String value) {
        Matcher arn = ANY_ARN.matcher(value);
        if (!arn.matches()) {
            return value.isEmpty() ? "it is empty" : "it is not an ARN at all (an ARN starts with 'arn:')";
        }
        String partition = arn.group(1);
        String service = arn.group(2);
        String resource = arn.group(3);
        if ("codeartifact".equals(service)) {
            return "it is a CodeArtifact " + (resource.isEmpty() ? "resource" : resource)
                    + " ARN (arn:" + partition + ":codeartifact:...), as in the Poetry AWS Plugin's README example,"
                    + " but a role is needed";
        }
        if (!"iam".equals(service)) {
            return "it names service '" + service + "' instead of 'iam'";
        }
        if (!"aws".equals(partition)) {
            return "it is in partition '" + partition + "', where CodeArtifact does not exist";
        }
        if (!"role".equals(resource)) {
            return "it names an IAM " + (resource.isEmpty() ? "resource" : "'" + resource + "'") + ", not a role";
        }
        return "its account id must be 12 digits and the role name must follow ':role/'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoleArn && ((RoleArn) o).value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
