package io.github.mavenaws.codeartifact.cli;

import io.github.mavenaws.codeartifact.endpoint.CodeArtifactEndpoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The CodeArtifact repositories a build of a project would contact, read from its files as they are written: the
 * POMs (the project's and its modules', profiles included: repositories, plugin repositories, distribution
 * management) and the user's settings.xml (mirrors, and the repositories of its profiles). Not the effective model:
 * no parent POM is downloaded and a URL holding a {@code ${property}} is listed as skipped.
 */
final class RepositorySources {
    /** Elements whose {@code <url>} child is a repository URL, in POMs and settings.xml alike. */
    private static final Set<String> REPOSITORY_ELEMENTS = new HashSet<>(Arrays.asList(
            "repository", "pluginRepository", "snapshotRepository", "mirror"));

    /** URL to where it was found, in the order found. */
    private final Map<String, String> codeArtifact = new LinkedHashMap<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private int others;

    private RepositorySources() {}

    /**
     * @param project a project folder (or its pom.xml), not null
     * @param settings the user's settings.xml, read when it exists, not null
     * @param required whether a missing pom.xml is an error, rather than a folder that is no project
     */
    static RepositorySources find(Path project, Path settings, boolean required) throws IOException {
        RepositorySources sources = new RepositorySources();
        Path pom = Files.isDirectory(project) ? project.resolve("pom.xml") : project;
        if (Files.isRegularFile(pom)) {
            sources.readPom(pom.toAbsolutePath().normalize(), pom.toAbsolutePath().normalize().getParent(),
                    new HashSet<>());
        } else if (required) {
            throw new IOException("No pom.xml in " + project.toAbsolutePath().normalize() + ": give a project folder"
                    + " or repository URLs");
        }
        if (Files.isRegularFile(settings)) {
            sources.read(settings, settings.toString());
        }
        return sources;
    }

    /** The user's settings.xml: {@code ~/.m2/settings.xml}, as Maven finds it without {@code -s}. */
    static Path userSettings(Context context) {
        String userHome = context.property("user.home");
        return Paths.get(userHome == null ? "." : userHome, ".m2", "settings.xml");
    }

    /** Each CodeArtifact repository URL with where it was found, e.g. "pom.xml" or "settings.xml mirror x". */
    Map<String, String> codeArtifact() {
        return codeArtifact;
    }

    /** URLs that look like CodeArtifact's but hold a property, with where they are. */
    List<String> skipped() {
        return skipped;
    }

    /** The files read. */
    List<String> filesRead() {
        return read;
    }

    /** How many repository URLs were not CodeArtifact's. */
    int others() {
        return others;
    }

    private void readPom(Path pom, Path root, Set<Path> seen) throws IOException {
        if (!seen.add(pom)) {
            return;
        }
        Document document = read(pom, root.relativize(pom).toString());
        // modules of Maven 3 and subprojects of Maven 4, the ones in profiles too
        for (String name : new String[] {"module", "subproject"}) {
            NodeList modules = document.getElementsByTagName(name);
            for (int i = 0; i < modules.getLength(); i++) {
                String module = modules.item(i).getTextContent().trim();
                if (module.isEmpty() || module.contains("${")) {
                    continue;
                }
                Path path = pom.getParent().resolve(module).normalize();
                Path modulePom = Files.isDirectory(path) ? path.resolve("pom.xml") : path;
                if (Files.isRegularFile(modulePom)) {
                    readPom(modulePom, root, seen);
                }
            }
        }
    }

    private Document read(Path file, String name) throws IOException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // the default handler prints "[Fatal Error]" lines of its own; the exception says it all
            builder.setErrorHandler(new DefaultHandler());
            document = builder.parse(file.toFile());
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(file + " is not well-formed XML: " + e.getMessage(), e);
        }
        read.add(file.toString());
        collect(document.getDocumentElement(), name);
        return document;
    }

    private void collect(Element element, String file) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element)) {
                continue;
            }
            Element e = (Element) child;
            if (REPOSITORY_ELEMENTS.contains(e.getTagName())) {
                String url = childText(e, "url");
                if (url != null) {
                    String id = childText(e, "id");
                    add(url, file + " " + e.getTagName() + (id == null ? "" : " " + id));
                }
            }
            collect(e, file);
        }
    }

    private void add(String url, String where) {
        if (url.contains("${")) {
            if (url.contains("codeartifact")) {
                skipped.add(url + " (" + where + "): holds a property, give the URL itself");
            }
            return;
        }
        if (!CodeArtifactEndpoint.parse(url).isPresent()) {
            others++;
            return;
        }
        if (!codeArtifact.containsKey(url)) {
            codeArtifact.put(url, where);
        }
    }

    private static String childText(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && name.equals(((Element) child).getTagName())) {
                String text = child.getTextContent().trim();
                return text.isEmpty() ? null : text;
            }
        }
        return null;
    }
}
