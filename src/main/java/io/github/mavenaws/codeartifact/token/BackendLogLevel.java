package io.github.mavenaws.codeartifact.token;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets loggers' levels under a logging backend that ignores the simple logger's system properties and Maven's
 * {@code conf/logging} defaults: logback, which Maven's documentation shows how to put in {@code lib/ext}. Reached by
 * reflection, through the class of the logger SLF4J hands out, since the extension cannot depend on whatever
 * backend a user's Maven holds. A level the user's logback configuration gives is left alone. Under a backend it
 * does not know (log4j 2, say) it changes nothing and says so at debug; Maven's own simple loggers (3 and 4) read
 * {@link SdkLogLevels}' properties and Maven's defaults.
 */
public final class BackendLogLevel implements AutoCloseable {
    private static final Logger LOGGER = LoggerFactory.getLogger(BackendLogLevel.class);

    private static final String LOGBACK_LOGGER = "ch.qos.logback.classic.Logger";
    private static final String LOGBACK_LEVEL = "ch.qos.logback.classic.Level";

    /** Loggers of Maven's simple backends (Maven 3.1-3.8 slf4j-simple, 3.9 maven-slf4j-provider, 4 maven-logging). */
    private static final String[] SIMPLE_LOGGERS = {"org.slf4j.impl.", "org.slf4j.simple.", "org.apache.maven."};

    /** The logback loggers whose level was set, to be unset by {@link #close()}. */
    private final List<Object> changed;
    private final Method setLevel;

    private BackendLogLevel(List<Object> changed, Method setLevel) {
        this.changed = changed;
        this.setLevel = setLevel;
    }

    private static BackendLogLevel none() {
        return new BackendLogLevel(new ArrayList<>(), null);
    }

    /**
     * Sets each logger to its level (logback's names: {@code INFO}, {@code ERROR}, {@code OFF}), unless the user's
     * configuration already gives it one.
     *
     * @param levels logger name to level, in order, not null
     * @param risk what the first logger shows at debug when it cannot be set, for the -X line, not null
     * @return what to close to unset them again, never null
     */
    public static BackendLogLevel set(Map<String, String> levels, String risk) {
        Objects.requireNonNull(levels, "levels cannot be null");
        Objects.requireNonNull(risk, "risk cannot be null");
        if (levels.isEmpty()) {
            return none();
        }
        String first = levels.keySet().iterator().next();
        Class<?> type = LoggerFactory.getLogger(first).getClass();
        if (!LOGBACK_LOGGER.equals(type.getName())) {
            if (!isSimpleLogger(type.getName())) {
                LOGGER.debug("Cannot set logger {} to {} under the logging backend {}: set it so in that backend's"
                        + " configuration, or -X shows {}", first, levels.get(first), type.getName(), risk);
            }
            return none();
        }
        try {
            Class<?> level = type.getClassLoader().loadClass(LOGBACK_LEVEL);
            Method getLevel = type.getMethod("getLevel");
            Method setLevel = type.getMethod("setLevel", level);
            List<Object> changed = new ArrayList<>();
            for (Map.Entry<String, String> entry : levels.entrySet()) {
                Object logger = LoggerFactory.getLogger(entry.getKey());
                if (type.isInstance(logger) && getLevel.invoke(logger) == null) {
                    setLevel.invoke(logger, level.getField(entry.getValue()).get(null));
                    changed.add(logger);
                }
            }
            if (changed.isEmpty()) {
                LOGGER.debug("Logger {} has its level from the logback configuration; left as it is", first);
            }
            return new BackendLogLevel(changed, setLevel);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            LOGGER.debug("Cannot set logger {} to {} under logback ({}): set it so in logback's configuration, or -X"
                    + " shows {}", first, levels.get(first), e.toString(), risk);
            return none();
        }
    }

    private static boolean isSimpleLogger(String type) {
        for (String prefix : SIMPLE_LOGGERS) {
            if (type.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Unsets the levels set, as they were found, for a long-lived JVM. */
    @Override
    public void close() {
        // idempotent: each logger is unset once
        for (Object logger : changed) {
            try {
                setLevel.invoke(logger, (Object) null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOGGER.debug("Cannot unset the level of logger {}: {}", logger, e.toString());
            }
        }
        changed.clear();
    }
}
