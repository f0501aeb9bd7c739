package io.github.mavenaws.codeartifact.config;

import java.util.regex.Pattern;

/** AssumeRole's RoleSessionName, checked against STS's own constraint so a typo fails at the build's start. */
final class RoleSessionName {
    private static final Pattern VALID = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern ALLOWED_CHAR = Pattern.compile("[\\w+=,.@-]");

    private RoleSessionName() {}

    /**
     * @param setting the setting holding the value, not null
     * @return the name, 2 to 64 characters of letters, digits and {@code +=,.@_-}
     * @throws ConfigurationException naming the setting, what is wrong with the value and the fix
     */
    static String parse(Setting setting) throws ConfigurationException {
        String value = setting.value();
        if (VALID.matcher(value).matches()) {
            return value;
        }
        String shape;
        if (value.length() < 2) {
            shape = "1 character long, and at least 2 are needed";
        } else if (value.length() > 64) {
            shape = value.length() + " characters long, and at most 64 are allowed";
        } else {
            shape = "using a character STS does not allow (" + firstIllegal(value) + ")";
        }
        throw new ConfigurationException(setting + " is not a valid AWS role session name: it is " + shape
                + ". Use 2 to 64 letters, digits or + = , . @ _ -, e.g. " + setting.example("ci-build-42")
                + ", or remove it for the default " + Settings.ROLE_SESSION_NAME.defaultValue() + ".");
    }

    /** Describes the first refused character by its kind or code point: the value is not worth echoing. */
    private static String firstIllegal(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!ALLOWED_CHAR.matcher(String.valueOf(c)).matches()) {
                if (Character.isWhitespace(c)) {
                    return "whitespace at position " + (i + 1);
                }
                return (c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c))
                        + " at position " + (i + 1);
            }
        }
        return "none found";
    }
}
