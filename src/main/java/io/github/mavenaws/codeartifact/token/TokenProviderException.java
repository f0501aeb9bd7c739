package io.github.mavenaws.codeartifact.token;

/** A provider could not give a token; the message is the reason shown to the user and never holds a secret. */
public final class TokenProviderException extends Exception {
    private static final long serialVersionUID = 1L;

    public TokenProviderException(String reason) {
        super(reason);
    }

    public TokenProviderException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
