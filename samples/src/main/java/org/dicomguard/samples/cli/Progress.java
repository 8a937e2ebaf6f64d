package org.dicomguard.samples.cli;

import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.AbstractList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Progress of a long command on stderr, in one of three forms:
 * <ul>
 *   <li>{@link Mode#BAR}: a bar redrawn in place, when stderr is a terminal;</li>
 *   <li>{@link Mode#LINES}: one line every {@value #LINE_INTERVAL_SECONDS} s or every 10% of the work
 *       (whichever comes first) and at the end, when stderr is a file or a pipe, e.g.
 *       {@code synth: 40/200 studies (20%), 3.8 studies/s, 10.5 s elapsed};</li>
 *   <li>{@link Mode#QUIET}: nothing, with the global {@code --quiet}.</li>
 * </ul>
 * Not thread-safe: one command reports from one thread.
 */
public final class Progress {

    /** Longest pause between two lines in {@link Mode#LINES}. */
    static final long LINE_INTERVAL_SECONDS = 10;
    private static final long LINE_INTERVAL_NANOS = LINE_INTERVAL_SECONDS * 1_000_000_000L;
    /** Redraw the terminal bar at most this often. */
    private static final long BAR_INTERVAL_NANOS = 200_000_000L;
    private static final int BAR_WIDTH_CHARS = 30;

    /** How progress is shown. */
    public enum Mode {
        /** A bar redrawn in place (stderr is a terminal). */
        BAR,
        /** Periodic lines (stderr is a file or a pipe). */
        LINES,
        /** Nothing ({@code --quiet}). */
        QUIET
    }

    private final PrintWriter err;
    private final Mode mode;
    private final String label;
    private final String unit;
    private int total;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private long lastNanos;
    private int lastTenth;
    private int done;
    private int lastPrintedDone = -1;
    private boolean finished;

    /**
     * @param err       where progress goes (stderr)
     * @param mode      how it is shown
     * @param label     the command, e.g. {@code synth} or {@code evaluate mammography}
     * @param unit      what is counted, plural, e.g. {@code studies}
     * @param total     how many there are, &gt;= 0
     * @param nanoClock monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own)
     */
    Progress(PrintWriter err, Mode mode, String label, String unit, int total, LongSupplier nanoClock) {
        this.err = Objects.requireNonNull(err, "err");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.label = Objects.requireNonNull(label, "label");
        this.unit = Objects.requireNonNull(unit, "unit");
        if (total < 0) {
            throw new IllegalArgumentException("total must be >= 0, got " + total);
        }
        this.total = total;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.startNanos = nanoClock.getAsLong();
        this.lastNanos = startNanos;
    }

    /**
     * Progress for a command: mode from the top command's {@code --quiet} and from whether stderr is a
     * terminal ({@link DicomGuardCli#stderrIsTerminal()}); a command run without the top command
     * (a test) reports lines.
     *
     * @param spec  the running command's spec
     * @param label what the lines start with
     * @param unit  what is counted, plural
     * @param total how many there are
     * @return a progress reporter at 0
     */
    static Progress of(CommandSpec spec, String label, String unit, int total) {
        Object root = spec.root().userObject();
        Mode mode = Mode.LINES;
        if (root instanceof DicomGuardCli cli) {
            mode = cli.quiet() ? Mode.QUIET : cli.stderrIsTerminal() ? Mode.BAR : Mode.LINES;
        }
        return new Progress(spec.commandLine().getErr(), mode, label, unit, total, System::nanoTime);
    }

    /** @return how progress is shown */
    public Mode mode() {
        return mode;
    }

    /**
     * Records that {@code doneCount} of the total are done and shows it when due.
     *
     * @param doneCount in [0, total]
     */
    public void update(int doneCount) {
        if (doneCount < 0 || doneCount > total) {
            throw new IllegalArgumentException("doneCount must be in [0, " + total + "], got " + doneCount);
        }
        done = doneCount;
        long now = nanoClock.getAsLong();
        int tenth = total == 0 ? 10 : (int) (10L * done / total);
        switch (mode) {
            case QUIET -> { }
            case BAR -> {
                if (now - lastNanos >= BAR_INTERVAL_NANOS || done == total) {
                    lastNanos = now;
                    err.print("\r" + barText(now));
                    err.flush();
                }
            }
            case LINES -> {
                if (tenth > lastTenth || now - lastNanos >= LINE_INTERVAL_NANOS) {
                    lastNanos = now;
                    lastTenth = tenth;
                    lastPrintedDone = done;
                    err.println(lineText(now));
                    err.flush();
                }
            }
        }
    }

    /**
     * Records progress when the total is only known as the work runs (a library loop that reports
     * {@code (index, total)}).
     *
     * @param doneCount  in [0, totalCount]
     * @param totalCount how many there are, &gt;= 0
     */
    public void update(int doneCount, int totalCount) {
        if (totalCount < 0) {
            throw new IllegalArgumentException("totalCount must be >= 0, got " + totalCount);
        }
        total = totalCount;
        update(doneCount);
    }

    /** Records one more done. */
    public void step() {
        update(Math.min(done + 1, total));
    }

    /**
     * Marks all of the total done and ends the display: the bar's line is closed; a final line is
     * printed unless the last one showed the same count. Call it once the work succeeded.
     */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        done = total;
        long now = nanoClock.getAsLong();
        if (mode == Mode.BAR) {
            err.println("\r" + barText(now));
            err.flush();
        } else if (mode == Mode.LINES && lastPrintedDone != done) {
            err.println(lineText(now));
            err.flush();
        }
    }

    /**
     * A view of {@code items} that counts an item done when the next one is fetched, and all of them
     * when the last one is: for library loops that take a list ({@code for (StudyFiles g : groups)}).
     *
     * @param items the work list, size equal to this progress's total
     * @param <T>   element type
     * @return a read-only view that reports as it is iterated
     */
    public <T> List<T> over(List<T> items) {
        if (items.size() != total) {
            throw new IllegalArgumentException("list size " + items.size() + " differs from total " + total);
        }
        return new AbstractList<>() {
            @Override
            public T get(int index) {
                update(index);
                return items.get(index);
            }

            @Override
            public int size() {
                return items.size();
            }
        };
    }

    /** @return the line shown in {@link Mode#LINES} at {@code now} */
    String lineText(long now) {
        double seconds = (now - startNanos) / 1e9;
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        return String.format(Locale.ROOT, "%s: %d/%d %s (%d%%), %s, %.1f s elapsed", label, done, total, unit, percent,
                rate(seconds), seconds);
    }

    private String barText(long now) {
        double seconds = (now - startNanos) / 1e9;
        int filled = total == 0 ? BAR_WIDTH_CHARS : (int) ((long) BAR_WIDTH_CHARS * done / total);
        return String.format(Locale.ROOT, "%s [%s%s] %d/%d %s, %s, %.0f s", label, "#".repeat(filled),
                ".".repeat(BAR_WIDTH_CHARS - filled), done, total, unit, rate(seconds), seconds);
    }

    private String rate(double seconds) {
        return seconds > 0 ? String.format(Locale.ROOT, "%.1f %s/s", done / seconds, unit) : "- " + unit + "/s";
    }
}
