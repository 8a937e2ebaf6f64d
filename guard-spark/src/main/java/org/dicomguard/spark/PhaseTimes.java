package org.dicomguard.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where a job's time goes, phase by phase: the driver's wall time of each phase and, from a
 * {@link SparkListener}, the tasks' run time, CPU time, deserialization time, garbage collection
 * and shuffle bytes written for the jobs run in it. A phase is what runs between {@link #time}'s
 * start and end; its jobs are tagged with the phase name as their job description.
 *
 * <p>For {@link ScoreArchiveJob}'s summary and {@code compare-score.sh}: one line per phase on
 * standard error, e.g. {@code phase score: wall 12.3 s, tasks 15, task run 22.1 s, task cpu 20.9 s,
 * deserialize 0.2 s, gc 0.4 s, shuffle write 32 KB}.
 */
final class PhaseTimes extends SparkListener {

    /** Sums of one phase's task metrics and its driver wall time. */
    static final class Phase {
        long wallNanos;
        long tasks;
        long runMillis;
        long cpuNanos;
        long deserializeMillis;
        long gcMillis;
        long shuffleWriteBytes;
    }

    /** The job property {@link SparkContext#setJobDescription} sets. */
    private static final String JOB_DESCRIPTION = "spark.job.description";

    private final SparkContext context;
    private final Map<String, Phase> phases = new LinkedHashMap<>();
    private final Map<Integer, String> stagePhase = new ConcurrentHashMap<>();

    private PhaseTimes(SparkContext context) {
        this.context = context;
    }

    /**
     * @param context the job's context; the listener is added to it
     * @return a listener collecting phase times
     */
    static PhaseTimes register(SparkContext context) {
        PhaseTimes times = new PhaseTimes(context);
        context.addSparkListener(times);
        return times;
    }

    /**
     * Runs one phase on the driver, its jobs tagged with the phase name.
     *
     * @param name   the phase
     * @param action what the phase does (one or more Spark actions)
     * @param <T>    the action's result
     * @return the action's result
     */
    <T> T time(String name, Supplier<T> action) {
        context.setJobDescription(name);
        long start = System.nanoTime();
        try {
            return action.get();
        } finally {
            long wall = System.nanoTime() - start;
            context.setJobDescription(null);
            synchronized (this) {
                phases.computeIfAbsent(name, n -> new Phase()).wallNanos += wall;
            }
        }
    }

    /** As {@link #time(String, Supplier)} for an action without a result. */
    void run(String name, Runnable action) {
        time(name, () -> {
            action.run();
            return null;
        });
    }

    @Override
    public void onJobStart(SparkListenerJobStart start) {
        String name = start.properties() == null ? null : start.properties().getProperty(JOB_DESCRIPTION);
        if (name != null) {
            scala.collection.Iterator<Object> ids = start.stageIds().iterator();
            while (ids.hasNext()) {
                stagePhase.put((Integer) ids.next(), name);
            }
        }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        String name = stagePhase.get(end.stageId());
        TaskMetrics metrics = end.taskMetrics();
        if (name == null || metrics == null) {
            return;
        }
        synchronized (this) {
            Phase phase = phases.computeIfAbsent(name, n -> new Phase());
            phase.tasks++;
            phase.runMillis += metrics.executorRunTime();
            phase.cpuNanos += metrics.executorCpuTime();
            phase.deserializeMillis += metrics.executorDeserializeTime();
            phase.gcMillis += metrics.jvmGCTime();
            phase.shuffleWriteBytes += metrics.shuffleWriteMetrics().bytesWritten();
        }
    }

    /** @return the phases in the order they first ran (a copy) */
    synchronized Map<String, Phase> phases() {
        return new LinkedHashMap<>(phases);
    }

    /** @return one line per phase, as in the class comment */
    synchronized String report() {
        StringBuilder out = new StringBuilder();
        phases.forEach((name, p) -> out.append(String.format(Locale.ROOT,
                "phase %s: wall %.1f s, tasks %d, task run %.1f s, task cpu %.1f s, deserialize %.1f s, gc %.1f s, "
                        + "shuffle write %d bytes%n", name, p.wallNanos / 1e9, p.tasks, p.runMillis / 1e3,
                p.cpuNanos / 1e9, p.deserializeMillis / 1e3, p.gcMillis / 1e3, p.shuffleWriteBytes)));
        return out.toString();
    }
}
