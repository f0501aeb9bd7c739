package io.github.mavenaws.codeartifact.config;

/**
 * A token exported in a variable, used as is. A CodeArtifact token is one run of printable ASCII; anything else in
 * it is a pasting or quoting mistake that would only surface as an unexplained 401, so it is refused at the build's
 * start, naming the position but never the value.
 */
final class TokenValue {
    /** Longest token accepted from a variable: real ones are about 1 KB; anything far longer is a pasted mistake. */
    private static final int MAX_LENGTH = 16 * 1024;

    private TokenValue() {}

    /**
     * @param setting the variable holding the token, already trimmed (shells and CI secrets add newlines), not null
     * @return the token
     * @throws ConfigurationException naming the variable and what is wrong, never echoing the value
     */
    static String parse(Setting setting) throws ConfigurationException {
        String token = setting.value();
        String fix = " Export only the token, e.g. " + setting + "=$(aws codeartifact get-authorization-token"
                + " --domain <domain> --domain-owner <account-id> --query authorizationToken --output text).";
        if (token.length() > MAX_LENGTH) {
            throw new ConfigurationException(setting + " holds " + token.length()
                    + " characters, far more than a CodeArtifact token (about 1,000)." + fix);
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            String where = " (character " + (i + 1) + " of " + token.length() + ")";
            // isSpaceChar: no-break and other Unicode spaces, which trim() keeps and isWhitespace misses
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                throw new ConfigurationException(setting + " contains whitespace or a line break inside the value"
                        + where + ", so it is not a single CodeArtifact token." + fix);
            }
            if (c > '~') {
                throw new ConfigurationException(setting + " contains a character that is not printable ASCII"
                        + where + ", which no CodeArtifact token has: it was probably pasted with a look-alike or"
                        + " invisible character." + fix);
            }
        }
        return token;
    }
}
