package io.github.mavenaws.codeartifact.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's settings table and {@link Settings} say the same: every setting is a row with its property and
 * variable (and its default, where it has one), every row is a setting, and the per-domain row lists exactly the
 * settings a domain may override.
 */
class SettingsReadmeTest {
    private static final String NONE = "—";
    private static final String HEADER = "| Maven property | Environment variable | Meaning |";
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final String PER_DOMAIN_ROW = "`codeartifact.<domain>-<owner>.";

    /** The table's rows other than the per-domain one, by their first cell's property or, without one, variable. */
    private static final Map<String, String[]> ROWS = new LinkedHashMap<>();
    private static String[] perDomainRow;

    @BeforeAll
    static void readTable() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8);
        int section = lines.indexOf("### Settings");
        assertTrue(section >= 0, "README.md has a '### Settings' section");
        int header = lines.subList(section, lines.size()).indexOf(HEADER) + section;
        assertTrue(header > section, "the section has the table " + HEADER);
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String[] cells = line.substring(1, line.length() - 1).split(" \\| ", -1);
            assertEquals(3, cells.length, line);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            if (cells[0].startsWith(PER_DOMAIN_ROW)) {
                perDomainRow = cells;
                continue;
            }
            String key = cells[0].equals(NONE) ? code(cells[1]) : code(cells[0]);
            assertFalse(ROWS.containsKey(key), "one row per setting: " + key);
            ROWS.put(key, cells);
        }
    }

    /** The cell's text when it is one code span; fails otherwise. */
    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        assertTrue(m.matches(), "a setting's cell is one code span or " + NONE + ": " + cell);
        return m.group(1);
    }

    @Test
    void everySettingIsARowWithItsPropertyVariableAndDefault() {
        for (SettingDescriptor<?> setting : Settings.all()) {
            String[] row = ROWS.get(setting.name());
            assertNotNull(row, "README.md's settings table has no row for " + setting.name());
            assertEquals(setting.property() == null ? NONE : "`" + setting.property() + "`", row[0], setting.name());
            assertEquals(setting.variable() == null ? NONE : "`" + setting.variable() + "`", row[1], setting.name());
            if (setting.defaultValue() != null) {
                assertTrue(row[2].contains("`" + setting.defaultValue() + "`"),
                        setting.name() + "'s row names its default `" + setting.defaultValue() + "`: " + row[2]);
            }
        }
    }

    @Test
    void everyRowIsASetting() {
        List<String> names = new ArrayList<>();
        for (SettingDescriptor<?> setting : Settings.all()) {
            names.add(setting.name());
        }
        assertEquals(names, new ArrayList<>(ROWS.keySet()), "the table's rows, in the list's order");
    }

    @Test
    void thePerDomainRowListsThePerDomainSettings() {
        assertNotNull(perDomainRow, "README.md's settings table has a per-domain row");
        StringBuilder expected = new StringBuilder();
        for (SettingDescriptor<?> setting : Settings.perDomain()) {
            expected.append(expected.length() == 0 ? PER_DOMAIN_ROW.substring(1) : "`, `.")
                    .append(setting.suffix());
        }
        assertEquals("`" + expected + "`", perDomainRow[0]);
        assertEquals(NONE, perDomainRow[1], "per-domain settings have no variable");
    }
}
