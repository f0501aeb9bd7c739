package io.github.mavenaws.codeartifact.token;

import io.github.mavenaws.codeartifact.endpoint.DomainKey;
import java.util.Objects;

/** A token the user already holds, exported in an environment variable and used as is, without any AWS call. */
public final class EnvironmentTokenProvider implements TokenProvider {
    private final String variable;
    private final String value;
    private final boolean setButBlank;

    /**
     * @param variable the variable's name, not null
     * @param value its value, already checked by the configuration, or null when the variable is unusable
     * @param setButBlank whether the variable is set but empty or only whitespace, which the failure message says
     */
    public EnvironmentTokenProvider(String variable, String value, boolean setButBlank) {
        this.variable = Objects.requireNonNull(variable, "variable cannot be null");
        this.value = value;
        this.setButBlank = value == null && setButBlank;
    }

    @Override
    public String describe() {
        return "environment variable " + variable;
    }

    @Override
    public AuthorizationToken fetch(DomainKey key) throws TokenProviderException {
        if (value == null) {
            throw new TokenProviderException(
                    setButBlank ? "set, but empty or only whitespace, so ignored" : "not set");
        }
        return new AuthorizationToken(value, null, describe());
    }

    @Override
    public boolean canRefresh() {
        return false;
    }

    @Override
    public String toString() {
        return "EnvironmentTokenProvider[" + variable + (value == null ? ", not set" : ", set") + "]";
    }
}
