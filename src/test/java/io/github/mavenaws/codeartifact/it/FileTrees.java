package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copying, searching and deleting folder trees. */
final class FileTrees {

    private FileTrees() {
    }

    /**
     * Copies every file, never links: Maven rewrites {@code _remote.repositories} and metadata files of its local
     * repository in place, so a hard-linked copy would change the seed under the next run. Symbolic links are
     * followed: a distro-packaged Maven links its jars and its {@code conf}, and the copy must hold what they name.
     */
    static void copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + from + " to " + to, e);
        }
    }

    /**
     * The regular files under {@code dir} (itself included when a file) whose bytes contain {@code text}, an ASCII
     * string such as a token; none when {@code dir} does not exist.
     */
    static List<Path> filesContaining(Path dir, String text) {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> found = new ArrayList<>();
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                    found.add(file);
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search " + dir, e);
        }
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + dir, e);
        }
    }
}
