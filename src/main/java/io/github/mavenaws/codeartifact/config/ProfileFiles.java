package io.github.mavenaws.codeartifact.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The AWS config and credentials files as the AWS SDK reads them: parsed by the SDK's own {@link ProfileFile}, the
 * one reader of these files in the extension, so that a profile is found exactly when the SDK will find it (the
 * SDK ignores {@code [profile my dev]}, a name with a space, and so does this). Loading this class loads the SDK's
 * profile classes: it is used only when a setting names a profile ({@link AwsConfigFiles#requireProfile}) and when
 * a profile identity's digest is needed ({@link ProfilePrincipal}), never in a build that needs neither.
 */
final class ProfileFiles {
    private final AwsConfigFiles files;
    private final ProfileFile parsed;
    private final boolean configRead;
    private final boolean credentialsRead;
    /** The first failure to read a file that exists; null when none failed. */
    private final RuntimeException failure;
    /** The file of {@link #failure}. */
    private final String failedFile;

    private ProfileFiles(AwsConfigFiles files, ProfileFile parsed, boolean configRead, boolean credentialsRead,
            RuntimeException failure, String failedFile) {
        this.files = files;
        this.parsed = parsed;
        this.configRead = configRead;
        this.credentialsRead = credentialsRead;
        this.failure = failure;
        this.failedFile = failedFile;
    }

    /**
     * Reads both files now, the config file first: the SDK's credentials file wins over its config file for the same
     * property. A file that does not exist is skipped, as the SDK skips it.
     *
     * @param files where the files are, not null
     * @return never null, even when a file cannot be read or parsed
     */
    static ProfileFiles read(AwsConfigFiles files) {
        ProfileFile.Aggregator aggregate = ProfileFile.aggregator();
        boolean[] read = new boolean[2];
        RuntimeException failure = null;
        String failedFile = null;
        String[] names = {files.config(), files.credentials()};
        ProfileFile.Type[] types = {ProfileFile.Type.CONFIGURATION, ProfileFile.Type.CREDENTIALS};
        for (int i = 0; i < names.length; i++) {
            try {
                Path path = Paths.get(names[i]);
                if (Files.isRegularFile(path)) {
                    aggregate.addFile(ProfileFile.builder().content(path).type(types[i]).build());
                    read[i] = true;
                }
            } catch (RuntimeException e) {
                // not in the SDK's format (see malformed()), unreadable, or no path on this system: the SDK fails
                // alike when it reads them
                if (failure == null) {
                    failure = e;
                    failedFile = names[i];
                }
            }
        }
        return new ProfileFiles(files, aggregate.build(), read[0], read[1], failure, failedFile);
    }

    /**
     * The files' profiles and sections as one, the credentials file winning; null when a file that exists failed
     * to read or parse (see {@link #failure()}), since the SDK then refuses them all.
     */
    ProfileFile profileFile() {
        return failure == null ? parsed : null;
    }

    /** Why an existing file could not be read or parsed, or null. */
    RuntimeException failure() {
        return failure;
    }

    /**
     * Whether {@link #failure()} is the SDK's parser refusing a file's content; its message names a line, never
     * the content, which may hold secret keys.
     */
    private boolean malformed() {
        return failure instanceof IllegalArgumentException && !(failure instanceof InvalidPathException);
    }

    /** Whether either file exists and was read. */
    boolean any() {
        return configRead || credentialsRead;
    }

    /**
     * Fails unless {@code setting} names a profile the SDK finds in the files.
     *
     * @param setting the setting naming the profile, not null
     * @throws ConfigurationException naming the setting, the files looked in, the profiles found and the fix
     */
    void requireProfile(Setting setting) throws ConfigurationException {
        String remove = " remove " + setting + " to use the AWS SDK's default credentials (AWS_PROFILE included).";
        if (malformed()) {
            throw new ConfigurationException(setting + " names AWS profile '" + setting.value() + "', but the AWS"
                    + " SDK cannot read " + failedFile + ": " + failure.getMessage() + ". Correct the file, or"
                    + remove);
        }
        Set<String> profiles = new TreeSet<>(parsed.profiles().keySet());
        if (profiles.contains(setting.value())) {
            return;
        }
        throw new ConfigurationException(setting + " names AWS profile '" + setting.value() + "', which is in"
                + " neither " + files.config() + (configRead ? "" : " (not readable)") + " nor "
                + files.credentials() + (credentialsRead ? "" : " (not readable)") + "; "
                + (profiles.isEmpty() ? "they define no profile" : "their profiles are " + String.join(", ", profiles))
                + ". Set " + setting + " to one of those, create the profile (aws configure --profile "
                + setting.value() + ", or aws configure sso), or" + remove);
    }
}
