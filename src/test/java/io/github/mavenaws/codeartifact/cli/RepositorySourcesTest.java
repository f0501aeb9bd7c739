package io.github.mavenaws.codeartifact.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositorySourcesTest {
    private static final String RELEASES = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/releases/";
    private static final String PLUGINS = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/plugins/";
    private static final String DEPLOY = "https://acme-111122223333.d.codeartifact.us-west-2.amazonaws.com/maven/deploy/";
    private static final String MIRROR = "https://acme-111122223333.codeartifact.us-west-2.on.aws/maven/all/";

    @TempDir
    Path dir;

    @Test
    void findsRepositoriesOfPomsModulesProfilesAndSettings() throws IOException {
        write("pom.xml", "<project><modules><module>a</module><module>b/pom.xml</module><module>gone</module>"
                + "</modules><repositories><repository><id>ca</id><url>" + RELEASES + "</url></repository>"
                + "<repository><id>central</id><url>https://repo.maven.apache.org/maven2/</url></repository>"
                + "</repositories></project>");
        write("a/pom.xml", "<project><profiles><profile><pluginRepositories><pluginRepository><id>p</id><url> "
                + PLUGINS + " </url></pluginRepository></pluginRepositories></profile></profiles>"
                + "<distributionManagement><repository><id>d</id><url>${deploy.url}codeartifact</url></repository>"
                + "<snapshotRepository><id>s</id><url>" + DEPLOY + "</url></snapshotRepository>"
                + "</distributionManagement></project>");
        // a module naming its parent folder again: read once
        write("b/pom.xml", "<project><modules><module>..</module></modules><repositories><repository><id>again</id>"
                + "<url>" + RELEASES + "</url></repository></repositories></project>");
        Path settings = write("settings.xml", "<settings><mirrors><mirror><id>m</id><mirrorOf>*</mirrorOf><url>"
                + MIRROR + "</url></mirror></mirrors></settings>");

        RepositorySources found = RepositorySources.find(dir, settings, true);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(RELEASES, "pom.xml repository ca");
        expected.put(PLUGINS, "a/pom.xml pluginRepository p");
        expected.put(DEPLOY, "a/pom.xml snapshotRepository s");
        expected.put(MIRROR, settings + " mirror m");
        assertEquals(expected, found.codeArtifact());
        assertEquals(1, found.others());
        assertEquals(1, found.skipped().size());
        assertEquals(Arrays.asList(dir.resolve("pom.xml").toString(), dir.resolve("a/pom.xml").toString(),
                dir.resolve("b/pom.xml").toString(), settings.toString()), found.filesRead());
    }

    @Test
    void aFolderWithoutPomIsAnError() {
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> RepositorySources.find(dir, dir.resolve("settings.xml"), true));
        assertEquals("No pom.xml in " + dir + ": give a project folder or repository URLs", e.getMessage());
    }

    @Test
    void withoutPomOnlySettingsAreRead() throws IOException {
        Path settings = write("settings.xml", "<settings><mirrors><mirror><id>m</id><url>" + MIRROR
                + "</url></mirror></mirrors></settings>");

        RepositorySources found = RepositorySources.find(dir.resolve("no-project"), settings, false);

        assertEquals(java.util.Collections.singletonMap(MIRROR, settings + " mirror m"), found.codeArtifact());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, content.getBytes("UTF-8"));
    }
}
