package io.github.mavenaws.codeartifact.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A settings.xml for one run. Never a {@code <server>} with credentials for a CodeArtifact repository: the point of
 * every scenario is that the extension authorizes without one (a server may configure headers).
 */
final class SettingsXml {

    private Path localRepository;
    private final List<String> mirrors = new ArrayList<>();
    private final List<String> repositories = new ArrayList<>();
    private final List<String> pluginRepositories = new ArrayList<>();
    private final List<String> properties = new ArrayList<>();
    private final List<String> servers = new ArrayList<>();
    private final List<String> proxies = new ArrayList<>();

    SettingsXml localRepository(Path dir) {
        this.localRepository = dir;
        return this;
    }

    /** A {@code <mirror>}; {@code mirrorOf} as in Maven, e.g. {@code central} or {@code *}. */
    SettingsXml mirror(String id, String mirrorOf, String url) {
        mirrors.add("""
                    <mirror>
                      <id>%s</id>
                      <mirrorOf>%s</mirrorOf>
                      <url>%s</url>
                    </mirror>
                """.formatted(id, mirrorOf, url));
        return this;
    }

    /** A repository in an always active profile: where a parent POM can come from in every Maven version. */
    SettingsXml repository(String id, String url) {
        repositories.add("""
                        <repository>
                          <id>%s</id>
                          <url>%s</url>
                        </repository>
                """.formatted(id, url));
        return this;
    }

    /**
     * A plugin repository in the always active profile: where Maven 3 and 4 also look for the extensions of
     * {@code .mvn/extensions.xml}; snapshots enabled.
     */
    SettingsXml pluginRepository(String id, String url) {
        pluginRepositories.add("""
                        <pluginRepository>
                          <id>%s</id>
                          <url>%s</url>
                          <snapshots><enabled>true</enabled></snapshots>
                        </pluginRepository>
                """.formatted(id, url));
        return this;
    }

    /** A property of the always active profile: how settings.xml gives Maven properties, the extension's too. */
    SettingsXml property(String name, String value) {
        properties.add("        <%s>%s</%s>\n".formatted(name, value, name));
        return this;
    }

    /**
     * A {@code <server>} without credentials whose {@code <configuration>} sends this HTTP header to the repository
     * of that id, as a user adds a header for a proxy or a tenant.
     */
    SettingsXml serverHeader(String id, String header, String value) {
        servers.add("""
                    <server>
                      <id>%s</id>
                      <configuration>
                        <httpHeaders>
                          <property>
                            <name>%s</name>
                            <value>%s</value>
                          </property>
                        </httpHeaders>
                      </configuration>
                    </server>
                """.formatted(id, header, value));
        return this;
    }

    boolean hasMirrors() {
        return !mirrors.isEmpty();
    }

    /** An active {@code <proxy>} for https, with its user and password. */
    SettingsXml proxy(String id, String host, int port, String username, String password, String nonProxyHosts) {
        proxies.add("""
                    <proxy>
                      <id>%s</id>
                      <active>true</active>
                      <protocol>https</protocol>
                      <host>%s</host>
                      <port>%d</port>
                      <username>%s</username>
                      <password>%s</password>
                      <nonProxyHosts>%s</nonProxyHosts>
                    </proxy>
                """.formatted(id, host, port, username, password, nonProxyHosts));
        return this;
    }

    String toXml() {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                """);
        if (localRepository != null) {
            xml.append("  <localRepository>").append(localRepository).append("</localRepository>\n");
        }
        if (!servers.isEmpty()) {
            xml.append("  <servers>\n");
            servers.forEach(xml::append);
            xml.append("  </servers>\n");
        }
        if (!proxies.isEmpty()) {
            xml.append("  <proxies>\n");
            proxies.forEach(xml::append);
            xml.append("  </proxies>\n");
        }
        if (!mirrors.isEmpty()) {
            xml.append("  <mirrors>\n");
            mirrors.forEach(xml::append);
            xml.append("  </mirrors>\n");
        }
        if (!repositories.isEmpty() || !pluginRepositories.isEmpty() || !properties.isEmpty()) {
            xml.append("""
                      <profiles>
                        <profile>
                          <id>codeartifact</id>
                    """);
            if (!properties.isEmpty()) {
                xml.append("      <properties>\n");
                properties.forEach(xml::append);
                xml.append("      </properties>\n");
            }
            if (!repositories.isEmpty()) {
                xml.append("      <repositories>\n");
                repositories.forEach(xml::append);
                xml.append("      </repositories>\n");
            }
            if (!pluginRepositories.isEmpty()) {
                xml.append("      <pluginRepositories>\n");
                pluginRepositories.forEach(xml::append);
                xml.append("      </pluginRepositories>\n");
            }
            xml.append("""
                        </profile>
                      </profiles>
                      <activeProfiles>
                        <activeProfile>codeartifact</activeProfile>
                      </activeProfiles>
                    """);
        }
        return xml.append("</settings>\n").toString();
    }

    Path write(Path file) {
        try {
            return Files.writeString(file, toXml());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
