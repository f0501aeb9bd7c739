package io.github.mavenaws.codeartifact.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

/**
 * The token cache's directory, checked but not created: only a build that fetches a token from AWS creates it. A
 * file in its place is reported at the build's start, when the cache is on, rather than silently costing every
 * build its cache.
 */
final class CacheDir {
    private CacheDir() {}

    /**
     * The directory the user set, made absolute against the working directory.
     *
     * @param setting the setting holding the path, not null
     * @throws ConfigurationException when the value is no path on this system
     */
    static Path parse(Setting setting) throws ConfigurationException {
        try {
            return Paths.get(setting.value()).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new ConfigurationException(setting + " is not a valid path on this system: " + e.getReason()
                    + ". Set it to a directory, e.g. "
                    + setting.example("/home/me/.m2/" + Settings.CACHE_DIR.defaultValue()) + ", or remove it.");
        }
    }

    /**
     * {@link Settings#CACHE_DIR}, else its default in Maven's user home.
     *
     * @param environment the process environment, not null
     * @param properties Maven's properties, not null
     * @param cache whether the cache is on, and a file in the directory's place therefore an error
     * @return the absolute directory, never null; it may not exist
     * @throws ConfigurationException when the setting is no path, or a file is in the way of a cache that is on
     */
    static Path resolve(Map<String, String> environment, Map<?, ?> properties, boolean cache)
            throws ConfigurationException {
        Setting configured = Settings.CACHE_DIR.find(environment, properties);
        Path dir;
        if (configured != null) {
            dir = Settings.CACHE_DIR.parse(configured, environment, properties);
        } else {
            String mavenHome = string(properties, "maven.user.home");
            String userHome = string(properties, "user.home");
            Path home = mavenHome != null
                    ? Paths.get(mavenHome)
                    : Paths.get(userHome != null ? userHome : System.getProperty("user.home"), ".m2");
            dir = home.resolve(Settings.CACHE_DIR.defaultValue()).toAbsolutePath();
        }
        if (cache && Files.exists(dir) && !Files.isDirectory(dir)) {
            String setting = configured != null ? configured.name() : Settings.CACHE_DIR.name();
            throw new ConfigurationException((configured != null
                            ? setting + " names a file, not a directory: " + dir
                            : dir + " (the default of " + setting + ") is a file, not a directory")
                    + ". Point " + setting + " at a directory (it is created when missing), remove the"
                    + " file, or turn the token cache off with -D" + Settings.CACHE.property() + "=false.");
        }
        return dir;
    }

    /** A string property, trimmed; null when unset, blank or not a string. */
    private static String string(Map<?, ?> properties, String key) {
        Object value = properties.get(key);
        return value instanceof String && !((String) value).trim().isEmpty() ? ((String) value).trim() : null;
    }
}
