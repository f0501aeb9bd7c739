package io.github.mavenaws.codeartifact.it;

import io.github.mavenaws.codeartifact.fake.FakeRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The private artifacts only the fake CodeArtifact serves: {@code com.example:<artifactId>:1.0}, a jar holding
 * {@code com.example.<artifactid without dashes>.<ArtifactId in camel case>} with a static {@code hello(String)},
 * which the sample projects call. A sample that compiles had the real jar on its class path.
 */
final class PrivateArtifacts {

    static final String GROUP_PATH = "com/example/";
    static final String VERSION = "1.0";

    /** Compiled once per JVM: javac takes a second, every test class publishes the same few jars. */
    private static final Map<String, byte[]> JARS = new ConcurrentHashMap<>();

    private PrivateArtifacts() {
    }

    /** Puts the jar and a dependency-free POM of {@code com.example:<artifactId>:1.0} into the repository. */
    static void publishLibrary(FakeRepository repository, String artifactId) {
        repository.put(path(artifactId, "jar"), JARS.computeIfAbsent(artifactId, PrivateArtifacts::compileJar));
        repository.put(path(artifactId, "pom"), pom(artifactId, "jar", ""));
    }

    /**
     * Puts {@code com.example:private-parent:1.0}, a parent POM that manages the version of {@code private-lib}:
     * a child that omits the version builds only if the parent was really read.
     */
    static void publishParent(FakeRepository repository) {
        repository.put(path("private-parent", "pom"), pom("private-parent", "pom", """
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>com.example</groupId>
                        <artifactId>private-lib</artifactId>
                        <version>1.0</version>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                """));
    }

    /** {@code com/example/<artifactId>/1.0/<artifactId>-1.0.<extension>}. */
    static String path(String artifactId, String extension) {
        return GROUP_PATH + artifactId + "/" + VERSION + "/" + artifactId + "-" + VERSION + "." + extension;
    }

    private static String pom(String artifactId, String packaging, String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>%s</artifactId>
                  <version>%s</version>
                  <packaging>%s</packaging>
                %s</project>
                """.formatted(artifactId, VERSION, packaging, body);
    }

    private static byte[] compileJar(String artifactId) {
        String pkg = "com.example." + artifactId.replace("-", "");
        String simpleName = camelCase(artifactId);
        try {
            Path dir = Files.createTempDirectory(ItEnvironment.workDir(), "private-artifact");
            Path source = dir.resolve(simpleName + ".java");
            Files.writeString(source, """
                    package %s;

                    public final class %s {
                        private %s() {
                        }

                        public static String hello(String name) {
                            return "hello " + name + " from %s";
                        }
                    }
                    """.formatted(pkg, simpleName, simpleName, artifactId));
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            // release 8, like the samples: a newer class file would not compile against it
            int status = javac.run(null, null, null, "--release", "8", "-d", dir.resolve("classes").toString(),
                    source.toString());
            if (status != 0) {
                throw new IllegalStateException("javac failed for " + source);
            }
            Path classFile = dir.resolve("classes").resolve(pkg.replace('.', '/')).resolve(simpleName + ".class");
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
                jar.putNextEntry(new JarEntry(pkg.replace('.', '/') + "/" + simpleName + ".class"));
                jar.write(Files.readAllBytes(classFile));
                jar.closeEntry();
            }
            FileTrees.delete(dir);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code private-lib-eu} to {@code PrivateLibEu}. */
    private static String camelCase(String artifactId) {
        StringBuilder name = new StringBuilder();
        for (String part : List.of(artifactId.split("-"))) {
            name.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return name.toString();
    }
}
