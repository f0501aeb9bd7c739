package io.github.mavenaws.codeartifact.config;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The AWS accounts whose CodeArtifact repositories may be given a token ({@link Settings#ALLOWED_OWNERS}): by
 * default every owner, so the common case needs no configuration; when set, a repository of any other account, such
 * as one a dependency's POM declares, gets no token and causes no AWS call. Immutable.
 */
public final class AllowedOwners {
    /** Every owner: the default. */
    public static final AllowedOwners ANY = new AllowedOwners(null);

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    /** The allowed account ids, sorted; null for every owner. */
    private final Set<String> owners;

    private AllowedOwners(Set<String> owners) {
        this.owners = owners;
    }

    /**
     * The owners the user listed.
     *
     * @param setting the setting holding the list, not null
     * @throws ConfigurationException when an entry is not a 12-digit account id
     */
    static AllowedOwners parse(Setting setting) throws ConfigurationException {
        Set<String> owners = new TreeSet<>();
        for (String entry : setting.value().split(",", -1)) {
            String owner = entry.trim();
            if (!ACCOUNT_ID.matcher(owner).matches()) {
                throw new ConfigurationException(setting + " must list 12-digit AWS account ids separated by commas,"
                        + " but " + (owner.isEmpty() ? "an entry is empty" : "one entry is " + shape(owner))
                        + ". Set it like " + setting.example("111122223333,444455556666") + ", or remove it to"
                        + " allow repositories of every account.");
            }
            owners.add(owner);
        }
        return new AllowedOwners(Collections.unmodifiableSet(owners));
    }

    /** An entry for a message: quoted when short and plain, else only its length (it may be a pasted secret). */
    private static String shape(String entry) {
        return entry.length() <= 20 && entry.matches("[\\x21-\\x7e]+")
                ? "'" + entry + "'" : "a value of " + entry.length() + " characters";
    }

    /**
     * @param owner a repository's 12-digit account id, not null
     * @return whether its repositories may be given a token
     */
    public boolean allows(String owner) {
        Objects.requireNonNull(owner, "owner cannot be null");
        return owners == null || owners.contains(owner);
    }

    /** Whether the setting is set: only then can a repository be turned away. */
    public boolean restricted() {
        return owners != null;
    }

    /** The setting as a user would read it: "every owner" or the ids. */
    @Override
    public String toString() {
        return owners == null ? "every owner" : String.join(",", owners);
    }
}
