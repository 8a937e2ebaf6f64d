package org.dicomguard.benchmarks;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.monitoring.PipelineEvent;
import org.dicomguard.core.synthetic.SyntheticPackSize;
import org.dicomguard.core.task.TaskRegistry;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Whole-pipeline profile on one shared {@link Pipeline}: throughput with one and two threads, side
 * by side in each round with a control (pure arithmetic that shares nothing, so its two-thread
 * ratio is what the machine gives perfectly parallel work), the statistics gate's share of each
 * study's total time (from {@link PipelineEvent#stageNanos()}), and allocation per study.
 *
 * <p>Heap: {@code --heap-only} runs the studies one at a time and prints the heap the open Pipeline
 * holds with no study in flight; {@code benchmarks/heap-bisect.sh} runs it under decreasing
 * {@code -Xmx} to find the peak per study in flight (see benchmarks/README.md).
 *
 * <p>Run from the repository root:
 * {@code java -cp benchmarks/target/benchmarks.jar org.dicomguard.benchmarks.PipelineProfile [task] [studies] [rounds] [--heap-only]}
 * (defaults mammography 8 5), or
 * {@code PipelineProfile --realistic [task] [studies] [rounds] [--study K] [--heap-only]} for
 * realistic-size studies (task mammography by default, or chest-ct; outcomes and stage medians per
 * outcome; predictions not required, since the demo bundles were trained on small images and reject
 * some realistic ones after preprocessing).
 */
public final class PipelineProfile {

    private PipelineProfile() {
    }

    /**
     * @param args task (mammography or chest-ct), studies, rounds, optional --heap-only
     * @throws Exception when the bundle or the studies cannot be prepared, or a study is not predicted
     */
    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        boolean heapOnly = rest.remove("--heap-only");
        boolean realistic = rest.remove("--realistic");
        int only = -1;
        int at = rest.indexOf("--study");
        if (at >= 0) {
            only = Integer.parseInt(rest.remove(at + 1));
            rest.remove(at);
        }
        // The first argument is a task when it names a registered one; otherwise the first task (mammography).
        if (rest.isEmpty() || !TaskRegistry.names().contains(rest.get(0))) {
            rest.add(0, TaskRegistry.names().get(0));
        }
        String task = rest.get(0);
        int studyCount = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : (realistic ? 2 : 8);
        int rounds = rest.size() > 2 ? Integer.parseInt(rest.get(2)) : 5;
        List<List<Path>> studies = PipelineFixtures.studies(task, studyCount,
                realistic ? SyntheticPackSize.REALISTIC : SyntheticPackSize.SMALL);
        if (only >= 0) {
            studies = List.of(studies.get(only));
        }
        // Realistic packs mix detector sizes, so a ratio to raw bytes is only meaningful for
        // studies of one size: the largest is reported, and --study K measures one study alone.
        long rawBytes = 0;
        long smallestRawBytes = Long.MAX_VALUE;
        for (List<Path> study : studies) {
            long bytes = PipelineFixtures.rawPixelBytes(study);
            rawBytes = Math.max(rawBytes, bytes);
            smallestRawBytes = Math.min(smallestRawBytes, bytes);
        }
        ConcurrentLinkedQueue<PipelineEvent> events = new ConcurrentLinkedQueue<>();
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(PipelineFixtures.bundle(task)))
                .listener(events::add).build()) {
            System.out.printf(Locale.ROOT, "task %s%s, %d studies%s, raw pixel bytes per study %d%s, max heap %d MiB%n",
                    task, realistic ? " (realistic size)" : "", studies.size(), only >= 0 ? " (study " + only + ")" : "",
                    rawBytes, smallestRawBytes == rawBytes ? "" : " (largest; smallest " + smallestRawBytes + ")",
                    Runtime.getRuntime().maxMemory() >> 20);
            for (List<Path> study : studies) {
                requirePreprocessed(pipeline.run(study), events, realistic);
            }
            if (heapOnly) {
                heap(pipeline, studies, rawBytes, events, realistic);
                return;
            }
            if (realistic) {
                events.clear();
                for (int r = 0; r < rounds; r++) {
                    runSequential(pipeline, studies);
                }
                List<PipelineEvent> all = new ArrayList<>(events);
                Map<String, Long> outcomes = new java.util.TreeMap<>();
                all.forEach(e -> outcomes.merge(e.status() + " " + e.codes(), 1L, Long::sum));
                System.out.println("outcomes " + outcomes);
                stages(all);
                for (String status : List.of("prediction", "rejected")) {
                    System.out.println("-- " + status + " only:");
                    stages(all.stream().filter(e -> e.status().equals(status)).toList());
                }
                return;
            }
            scaling(pipeline, studies, rounds);
            events.clear();
            for (int r = 0; r < rounds; r++) {
                runSequential(pipeline, studies);
            }
            stages(new ArrayList<>(events));
            heap(pipeline, studies, rawBytes, events, false);
        }
        System.out.printf(Locale.ROOT, "available processors %d, load average %.2f%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * Studies/s with one and two threads, and the same for a control: a loop of pure arithmetic on
     * a 256 KB array per task that shares nothing, so its two-thread ratio is what this machine
     * gives any perfectly parallel work. All four run in each round, side by side.
     */
    private static void scaling(Pipeline pipeline, List<List<Path>> studies, int rounds) throws Exception {
        int n = studies.size();
        // Warm-up long enough for C2 to finish compiling the hot paths: while it compiles, its
        // threads take a core from a two-thread run (seen as run-queue wait).
        for (int w = 0; w < 10; w++) {
            run(pipeline, studies, 1);
            run(pipeline, studies, 2);
            control(n, 1);
            control(n, 2);
        }
        double[] one = new double[rounds];
        double[] two = new double[rounds];
        double[] cpuOne = new double[rounds];
        double[] cpuTwo = new double[rounds];
        double[] queuedOne = new double[rounds];
        double[] queuedTwo = new double[rounds];
        double[] controlRatio = new double[rounds];
        double[] ratios = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            Timing t1 = run(pipeline, studies, 1);
            Timing t2 = run(pipeline, studies, 2);
            one[r] = n / (t1.wallNanos() / 1e9);
            two[r] = n / (t2.wallNanos() / 1e9);
            cpuOne[r] = t1.cpuNanos() / 1e6 / n;
            cpuTwo[r] = t2.cpuNanos() / 1e6 / n;
            queuedOne[r] = t1.runQueueNanos() / (double) t1.wallNanos();
            queuedTwo[r] = t2.runQueueNanos() / 2.0 / t2.wallNanos();
            ratios[r] = two[r] / one[r];
            controlRatio[r] = control(n, 1) / (double) control(n, 2);
            System.out.printf(Locale.ROOT, "round %d: 1 thread %.2f studies/s (CPU %.2f ms/study, run-queue wait"
                    + " %.2f), 2 threads %.2f studies/s (CPU %.2f ms/study, run-queue wait %.2f), ratio %.2f;"
                    + " control ratio %.2f%n", r, one[r], cpuOne[r], queuedOne[r], two[r], cpuTwo[r], queuedTwo[r],
                    ratios[r], controlRatio[r]);
        }
        double[] relative = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            relative[r] = ratios[r] / controlRatio[r];
        }
        System.out.printf(Locale.ROOT, "median studies/s: 1 thread %.2f, 2 threads %.2f, ratio of medians %.2f,"
                        + " median ratio %.2f; control median ratio %.2f; median of ratio / control ratio %.2f%n",
                median(one), median(two), median(two) / median(one), median(ratios), median(controlRatio),
                median(relative));
        // Busy share: CPU time inside Pipeline.run per wall second per thread. Run-queue wait: the
        // share of wall time a worker was runnable but another thread (JIT compiler, GC, another
        // process) had the core. Busy below 1 with little run-queue wait would mean the Pipeline
        // itself made a thread wait (a lock, I/O); CPU per study rising with two threads while
        // busy stays near 1 means each core ran slower (shared cache, memory bandwidth, the host).
        System.out.printf(Locale.ROOT, "median CPU per study: 1 thread %.2f ms, 2 threads %.2f ms; busy share of"
                        + " wall time per thread: 1 thread %.2f, 2 threads %.2f; run-queue wait share: 1 thread %.2f,"
                        + " 2 threads %.2f%n", median(cpuOne), median(cpuTwo), median(one) * median(cpuOne) / 1e3,
                median(two) * median(cpuTwo) / 2e3, median(queuedOne), median(queuedTwo));
    }

    private static final int CONTROL_INTS = 65_536;

    /** Keeps the control's result alive so the JIT cannot drop the loop. */
    private static volatile long controlSink;

    /** @return nanoseconds for {@code tasks} control tasks on {@code threads} threads */
    private static long control(int tasks, int threads) throws Exception {
        List<Callable<Long>> work = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
            work.add(PipelineProfile::controlTask);
        }
        long start = System.nanoTime();
        for (long value : onPool(threads, work)) {
            controlSink += value;
        }
        return System.nanoTime() - start;
    }

    /** Runs the tasks on a fresh pool of {@code threads} threads and returns their results in order. */
    private static <T> List<T> onPool(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> f : pool.invokeAll(tasks)) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }

    private static long controlTask() {
        int[] a = new int[CONTROL_INTS];
        long sum = 0;
        for (int r = 0; r < 160; r++) {
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] * 31 + i + r;
                sum += a[i] >>> 3;
            }
        }
        return sum;
    }

    /**
     * Fails unless the study went through preprocessing (a prediction, or for realistic studies
     * also a statistics-gate rejection, which comes after preprocessing): only those measure it.
     */
    private static void requirePreprocessed(GuardResult r, ConcurrentLinkedQueue<PipelineEvent> events,
                                            boolean realistic) {
        boolean preprocessed = r instanceof Prediction || (realistic && r instanceof org.dicomguard.contract.Rejected
                && events.stream().reduce((a, b) -> b).map(e -> e.stageNanos().containsKey("statisticsGate"))
                .orElse(false));
        if (!preprocessed) {
            throw new IllegalStateException("study not preprocessed: " + r);
        }
    }

    /**
     * Wall time of a batch, the CPU time its worker threads spent inside {@code Pipeline.run}, and
     * the time they spent runnable but not running (another thread had the core), from Linux's
     * /proc/thread-self/schedstat; -1 where that file is missing.
     */
    private record Timing(long wallNanos, long cpuNanos, long runQueueNanos) {
    }

    private static final Path SCHEDSTAT = Path.of("/proc/thread-self/schedstat");

    /** @return nanoseconds this thread has waited on a run queue, or -1 when not on Linux */
    private static long runQueueNanos() {
        try {
            return Long.parseLong(java.nio.file.Files.readString(SCHEDSTAT).trim().split(" ")[1]);
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long runSequential(Pipeline pipeline, List<List<Path>> studies) throws Exception {
        return run(pipeline, studies, 1).wallNanos();
    }

    /** Runs the studies on a fresh pool of {@code threads} threads (1 included, so both modes share one path). */
    private static Timing run(Pipeline pipeline, List<List<Path>> studies, int threads) throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        java.util.concurrent.atomic.LongAdder cpu = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.LongAdder waited = new java.util.concurrent.atomic.LongAdder();
        List<Callable<GuardResult>> work = new ArrayList<>();
        for (List<Path> study : studies) {
            work.add(() -> {
                long before = mx.getCurrentThreadCpuTime();
                long queuedBefore = runQueueNanos();
                GuardResult result = pipeline.run(study);
                cpu.add(mx.getCurrentThreadCpuTime() - before);
                waited.add(queuedBefore < 0 ? 0 : runQueueNanos() - queuedBefore);
                return result;
            });
        }
        long start = System.nanoTime();
        onPool(threads, work);
        return new Timing(System.nanoTime() - start, cpu.sum(), runQueueNanos() < 0 ? -1 : waited.sum());
    }

    private static void stages(List<PipelineEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        System.out.println("stage medians over " + events.size() + " studies:");
        for (String stage : events.get(0).stageNanos().keySet()) {
            double[] ms = events.stream().mapToDouble(e -> e.stageNanos().getOrDefault(stage, 0L) / 1e6).toArray();
            System.out.printf(Locale.ROOT, "  %-15s median %9.3f ms, min %9.3f ms%n", stage, median(ms),
                    Arrays.stream(ms).min().orElse(0));
        }
        double[] share = events.stream().mapToDouble(PipelineProfile::gateShare).toArray();
        System.out.printf(Locale.ROOT, "statisticsGate / total: median %.4f %%, max %.4f %%%n",
                100 * median(share), 100 * Arrays.stream(share).max().orElse(0));
    }

    private static double gateShare(PipelineEvent e) {
        Map<String, Long> s = e.stageNanos();
        return s.getOrDefault("statisticsGate", 0L) / (double) s.get("total");
    }

    private static void heap(Pipeline pipeline, List<List<Path>> studies, long rawBytes,
                             ConcurrentLinkedQueue<PipelineEvent> events, boolean realistic) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long base = rt.totalMemory() - rt.freeMemory();
        double[] allocated = new double[studies.size()];
        for (int i = 0; i < studies.size(); i++) {
            long allocBefore = threads.getThreadAllocatedBytes(self);
            GuardResult r = pipeline.run(studies.get(i));
            allocated[i] = threads.getThreadAllocatedBytes(self) - allocBefore;
            requirePreprocessed(r, events, realistic);
        }
        System.out.printf(Locale.ROOT, "heap used after full GC with the Pipeline open, no study in flight: %.1f MB%n",
                base / 1e6);
        System.out.printf(Locale.ROOT, "allocated per study (one thread): median %.1f MB = %.2f x raw pixel bytes%n",
                median(allocated) / 1e6, median(allocated) / rawBytes);
        System.out.println("all " + studies.size() + " studies preprocessed one at a time");
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
