package org.dicomguard.samples.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code dicom-guard} command line: a picocli top command whose subcommands do the work.
 * Add a command by writing a {@code @Command} class and listing it in {@code subcommands}.
 *
 * <p>Exit status (docs/DESIGN.md): {@link #EXIT_OK} 0, {@link #EXIT_CHECK_FAILED} 1 (a check such as
 * evaluate or golden failed), {@link #EXIT_USAGE_OR_INPUT} 2 (bad usage or unreadable input).
 * Errors are one plain sentence on stderr ({@link CliErrors}); {@code --debug} adds the stack trace.
 * Long commands show {@link Progress} on stderr; {@code --quiet} turns it off.
 */
@Command(name = "dicom-guard", mixinStandardHelpOptions = true,
        versionProvider = DicomGuardCli.VersionProvider.class,
        description = "DICOM inference with guardrails.",
        subcommands = {DemoCommand.class, InspectCommand.class, SynthCommand.class, ScoreCommand.class, MetricsCommand.class,
                DiagnoseCommand.class, ExportTensorsCommand.class, MakeBundleCommand.class, FitProfileCommand.class,
                EvaluateCommand.class, GoldenCommand.class, ReviewCommand.class, GateReportCommand.class,
                CommandLine.HelpCommand.class})
public final class DicomGuardCli implements Runnable {
    /** Everything succeeded. */
    public static final int EXIT_OK = 0;
    /** A check (evaluate, golden check) ran and failed. */
    public static final int EXIT_CHECK_FAILED = 1;
    /** Bad usage or unreadable input. */
    public static final int EXIT_USAGE_OR_INPUT = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces of errors.")
    boolean debug;

    @Option(names = "--quiet", scope = CommandLine.ScopeType.INHERIT,
            description = "No progress bar or progress lines on stderr (errors and results still print).")
    boolean quiet;

    /** Whether stderr is the process's own and a terminal; set by {@link #run}. */
    private boolean stderrIsTerminal;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return true when --debug was given (subcommands see it through their parent) */
    public boolean debug() {
        return debug;
    }

    /** @return true when --quiet was given: commands show no progress */
    public boolean quiet() {
        return quiet;
    }

    /** @return true when stderr is the process's stderr and a terminal: progress is a bar */
    public boolean stderrIsTerminal() {
        return stderrIsTerminal;
    }

    /** Without a subcommand: a usage error (exit 2) that lists the commands. */
    @Override
    public void run() {
        // No subcommand: usage is the answer, and it is a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    /**
     * @param args command line arguments
     */
    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /**
     * Runs the command line with the given streams (used by tests and by {@link #main}).
     *
     * @param out  standard output, not closed
     * @param err  standard error, not closed
     * @param args the arguments
     * @return the exit status
     */
    public static int run(PrintStream out, PrintStream err, String... args) {
        DicomGuardCli root = new DicomGuardCli();
        root.stderrIsTerminal = err == System.err && System.console() != null;
        CommandLine cmd = new CommandLine(root);
        cmd.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cmd.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cmd.setParameterExceptionHandler((ex, args1) -> {
            PrintWriter w = ex.getCommandLine().getErr();
            w.println("dicom-guard: " + ex.getMessage());
            // qualifiedName is "dicom-guard" for the top command and "dicom-guard score" for a subcommand.
            w.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            w.flush();
            return EXIT_USAGE_OR_INPUT;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            // The one place where any failure a command lets out becomes one sentence on stderr.
            return CliErrors.report(commandLine.getErr(), commandLine.getCommandName(), ex, root.debug);
        });
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return code;
    }

    /** Version from the jar manifest (Implementation-Version), "dev" when run from classes. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = DicomGuardCli.class.getPackage().getImplementationVersion();
            return new String[] {"dicom-guard " + (v == null ? "dev" : v)};
        }
    }
}
