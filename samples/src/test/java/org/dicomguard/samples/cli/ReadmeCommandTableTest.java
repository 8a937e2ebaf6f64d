package org.dicomguard.samples.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README.md's "Command line" table lists every command and, in that command's row, every option
 * the command has (help and version aside); the global options are named in the section's text.
 */
class ReadmeCommandTableTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void commandTable_everyOptionOfEveryCommand_appearsInItsRow() throws Exception {
        String section = section(Files.readString(README), "## Command line");
        List<String> missing = new ArrayList<>();
        CommandLine top = new CommandLine(new DicomGuardCli());
        for (Map.Entry<String, CommandLine> command : top.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            String row = row(section, command.getKey());
            if (row == null) {
                missing.add(command.getKey() + " (no row)");
                continue;
            }
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp() || option.inherited()) {
                    continue;
                }
                if (!row.contains(option.longestName())) {
                    missing.add(command.getKey() + " " + option.longestName());
                }
            }
        }
        for (OptionSpec global : top.getCommandSpec().options()) {
            if (!global.usageHelp() && !global.versionHelp() && !section.contains("`" + global.longestName() + "`")) {
                missing.add("global " + global.longestName());
            }
        }
        assertEquals(List.of(), missing, "options missing from README.md's command table");
    }

    /** The table row whose first cell starts with the command's name. */
    private static String row(String section, String command) {
        for (String line : section.lines().toList()) {
            if (line.startsWith("| `" + command + " ") || line.startsWith("| `" + command + "`")) {
                return line;
            }
        }
        return null;
    }

    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "README has " + heading);
        int next = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, next < 0 ? markdown.length() : next);
    }
}
