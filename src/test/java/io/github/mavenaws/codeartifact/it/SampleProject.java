package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A sample project from {@code src/it/projects/<name>/}, copied with its {@code @placeholders@} filled in and a
 * {@code .mvn/extensions.xml} that loads the extension under test, as a user would declare it.
 */
final class SampleProject {

    private static final Pattern PLACEHOLDER = Pattern.compile("@([a-z][a-z0-9.]*)@");

    private final String name;
    private final Map<String, String> values = new LinkedHashMap<>();
    private boolean declaresExtension = true;
    private String extensionConfiguration;

    private SampleProject(String name) {
        this.name = name;
    }

    static SampleProject named(String name) {
        return new SampleProject(name);
    }

    /** Replaces {@code @key@}, e.g. {@code with("repo.url", repository.url())}. */
    SampleProject with(String key, String value) {
        values.put(key, value);
        return this;
    }

    /**
     * No {@code .mvn/extensions.xml}: the project does not name the extension, as with the extension installed in
     * Maven's {@code lib/ext}, where it serves every project.
     */
    SampleProject withoutExtensionsXml() {
        this.declaresExtension = false;
        return this;
    }

    /**
     * Gives the extension's entry in {@code .mvn/extensions.xml} a {@code <configuration>} holding {@code elements}
     * (Maven 4's extensions model 1.2.0).
     */
    SampleProject withExtensionConfiguration(String elements) {
        this.extensionConfiguration = elements;
        return this;
    }

    String name() {
        return name;
    }

    /** Copies the template into {@code target}; a placeholder left without value fails here, not in Maven. */
    void copyTo(Path target) {
        Path template = ItEnvironment.projectsDir().resolve(name);
        if (!Files.isDirectory(template)) {
            throw new IllegalArgumentException("No sample project " + template);
        }
        try (Stream<Path> files = Files.walk(template)) {
            for (Path source : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Path copy = target.resolve(template.relativize(source).toString());
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, fill(Files.readString(source, StandardCharsets.UTF_8), source));
            }
            if (!declaresExtension) {
                return;
            }
            Files.createDirectories(target.resolve(".mvn"));
            Files.writeString(target.resolve(".mvn/extensions.xml"), extensionConfiguration == null ? """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <extensions>
                      <extension>
                        <groupId>io.github.mavenaws</groupId>
                        <artifactId>maven-aws-extension</artifactId>
                        <version>%s</version>
                      </extension>
                    </extensions>
                    """.formatted(ItEnvironment.extensionVersion()) : """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <extensions xmlns="http://maven.apache.org/EXTENSIONS/1.2.0">
                      <extension>
                        <groupId>io.github.mavenaws</groupId>
                        <artifactId>maven-aws-extension</artifactId>
                        <version>%s</version>
                        <configuration>
                          %s
                        </configuration>
                      </extension>
                    </extensions>
                    """.formatted(ItEnvironment.extensionVersion(), extensionConfiguration));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy sample project " + name, e);
        }
    }

    private String fill(String text, Path source) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalStateException(source + " needs a value for @" + m.group(1) + "@");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }
}
