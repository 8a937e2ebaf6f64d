package org.dicomguard.samples.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exit status as README.md's "Command line" says: 0 ok, 1 a check failed, 2 bad usage or unreadable
 * input; every error is one plain sentence naming the option or the file, without a Java exception
 * name. Each command is run with a bad option and with an input that does not exist.
 */
class CliExitCodeTest {

    /** A path that exists nowhere; each case names it where the command takes an input. */
    private static final String MISSING = "no-such-dir-4711/missing.dcm";
    /** A folder nobody may create anything in, even root (procfs). */
    private static final String FORBIDDEN = "/proc/forbidden/out";

    @TempDir
    Path dir;

    static Stream<Arguments> missingInputs() {
        return Stream.of(
                Arguments.of("inspect", List.of("inspect", MISSING)),
                Arguments.of("score", List.of("score", "--bundle", MISSING, "bundles/demo-mammography")),
                Arguments.of("evaluate", List.of("evaluate", "--bundle", "bundles/demo-mammography", "--pack", MISSING)),
                Arguments.of("golden", List.of("golden", "check", "--bundle", MISSING, "--pack", ".", "--golden", "g.jsonl")),
                Arguments.of("metrics", List.of("metrics", "--csv", MISSING)),
                Arguments.of("diagnose", List.of("diagnose", "--ours", MISSING, "--theirs", "pom.xml", "--labels", "pom.xml")),
                Arguments.of("review", List.of("review", "--out", "OUT", MISSING)),
                Arguments.of("fit-profile", List.of("fit-profile", "--bundle", "bundles/demo-mammography", "--pack", MISSING,
                        "--target-false-reject-rate", "0.02", "--out", "OUT/p.json")),
                Arguments.of("export-tensors", List.of("export-tensors", "--task", "mammography", "--pack", MISSING,
                        "--out", "OUT")),
                Arguments.of("make-bundle", List.of("make-bundle", "--task", "mammography", "--model", MISSING,
                        "--bundle-id", "x", "--pathology", "mass:Mass:0.5", "--out", "OUT")),
                Arguments.of("synth", List.of("synth", "--size", "small", "--task", "mammography", "--studies", "1", "--out", FORBIDDEN)),
                Arguments.of("demo", List.of("demo", "--studies", "2", "--workdir", FORBIDDEN)),
                Arguments.of("gate-report", List.of("gate-report", "--bundle", MISSING, "--workdir", "OUT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingInputs")
    void run_missingInputOrUnwritableOutput_exit2WithOneSentenceNamingIt(String command, List<String> args) {
        List<String> resolved = new ArrayList<>();
        for (String a : args) {
            resolved.add(a.replace("OUT", dir.resolve("out").toString()));
        }
        CliRun r = CliRun.of(resolved.toArray(String[]::new));

        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, r.exitCode(), command + ": " + r.err());
        // Creating FORBIDDEN fails at its first missing folder, /proc/forbidden.
        String named = args.contains(MISSING) ? MISSING : "/proc/forbidden";
        assertTrue(r.err().contains(named), command + " names the path: " + r.err());
        assertFalse(r.err().matches("(?s).*\\b[A-Z]\\w*(Exception|Error)\\b.*"), command + ": " + r.err());
        assertFalse(r.err().contains("\tat "), command + " prints no stack trace without --debug: " + r.err());
    }

    static Stream<String> commands() {
        return new CommandLine(new DicomGuardCli()).getSubcommands().keySet().stream().filter(c -> !c.equals("help"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void run_unknownOption_exit2NamingTheOptionAndTheCommandsHelp(String command) {
        CliRun r = CliRun.of(command, "--no-such-option");
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, r.exitCode(), r.err());
        // picocli names the unknown option, or first the required options the command still lacks.
        assertTrue(r.err().contains("--no-such-option") || r.err().contains("Missing required"), r.err());
        assertTrue(r.err().contains("Try 'dicom-guard " + command + " --help'."), r.err());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void run_help_exit0(String command) {
        CliRun r = CliRun.of(command, "--help");
        assertEquals(DicomGuardCli.EXIT_OK, r.exitCode(), r.err());
        assertTrue(r.out().contains("Usage: dicom-guard " + command), r.out());
    }

    @Test
    void missingInputs_coverEveryCommandThatTakesOne() {
        Set<String> covered = new TreeSet<>();
        missingInputs().forEach(a -> covered.add((String) a.get()[0]));
        Set<String> all = new TreeSet<>(commands().toList());
        assertEquals(all, covered, "every command has a missing-input (or unwritable-output) case");
    }

    @Test
    void run_unknownCommand_exit2AndPointsAtTopLevelHelpOnce() {
        CliRun r = CliRun.of("frobnicate");
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, r.exitCode());
        assertTrue(r.err().contains("Try 'dicom-guard --help'."), r.err());
        assertFalse(r.err().contains("dicom-guard dicom-guard"), r.err());
    }

    @Test
    void run_noCommand_exit2() {
        assertEquals(DicomGuardCli.EXIT_USAGE_OR_INPUT, CliRun.of().exitCode());
    }

    @Test
    void run_goldenCheckThatMoved_exit1() throws Exception {
        Path pack = dir.resolve("pack");
        assertEquals(0, CliRun.of("--quiet", "synth", "--size", "small", "--task", "mammography", "--studies", "2", "--out", pack.toString())
                .exitCode());
        Path golden = dir.resolve("golden.jsonl");
        assertEquals(0, CliRun.of("--quiet", "golden", "record", "--bundle", "bundles/demo-mammography", "--pack",
                pack.toString(), "--golden", golden.toString()).exitCode());
        // A recorded probability that differs from what the model gives: the check must fail with 1.
        String lines = Files.readString(golden);
        String moved = lines.replaceFirst("\"probability\":0\\.", "\"probability\":0.9");
        assertFalse(lines.equals(moved), lines);
        Files.writeString(golden, moved);
        CliRun check = CliRun.of("--quiet", "golden", "check", "--bundle", "bundles/demo-mammography", "--pack",
                pack.toString(), "--golden", golden.toString());
        assertEquals(DicomGuardCli.EXIT_CHECK_FAILED, check.exitCode(), check.out() + check.err());
    }
}
