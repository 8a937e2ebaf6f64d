package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomException;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one frame decode on its own daemon thread and ends it when the work it has done passes a
 * budget. Work is the decoding thread's own CPU time ({@link ThreadMXBean#getThreadCpuTime}), so a
 * loaded machine neither kills a healthy decode (other processes' time is not counted) nor gives
 * a runaway one more room; where the JVM cannot measure thread CPU time, elapsed time stands in.
 * A wall-clock ceiling ({@link #WALL_CEILING_FACTOR} times the budget) still answers a decode that
 * is starved of CPU.
 *
 * <p>Stopping: a pure-Java decoder is stopped ({@code Thread.stop}, effective on Java 17) and the
 * watchdog waits until the thread has ended before answering. A decode inside native code cannot
 * be stopped by the JVM; the caller then gets its answer in time and the daemon thread finishes
 * on its own.
 */
final class DecodeWatchdog {
    /** How often the worker's CPU time is looked at, in milliseconds. */
    static final long POLL_MILLIS = 25;
    /** Wall-clock ceiling as a multiple of the CPU budget. */
    static final long WALL_CEILING_FACTOR = 20;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeWatchdog() {
    }

    /**
     * @param codecName      name used in error messages
     * @param work           the decode; its DicomException passes through, other failures become CORRUPT_PIXEL_DATA
     * @param cpuBudgetNanos the CPU time the decode may use
     * @param stoppable      whether the decode is pure Java and is stopped when over budget
     * @param <T>            the decode's result
     * @return the decode's result
     * @throws DicomException CORRUPT_PIXEL_DATA when the decode fails or passes its budget
     */
    static <T> T run(String codecName, Callable<T> work, long cpuBudgetNanos, boolean stoppable)
            throws DicomException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread worker = new Thread(task, "dicomguard-decode-" + codecName.replace(' ', '-'));
        worker.setDaemon(true);
        long startNanos = System.nanoTime();
        worker.start();
        long wallCeilingNanos = Math.multiplyExact(cpuBudgetNanos, WALL_CEILING_FACTOR);
        try {
            while (true) {
                try {
                    return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException stillRunning) {
                    long elapsed = System.nanoTime() - startNanos;
                    long cpu = workDoneNanos(worker, elapsed);
                    if (cpu > cpuBudgetNanos || elapsed > wallCeilingNanos) {
                        boolean stopped = stoppable && stop(worker);
                        throw ImageIoFrames.corrupt(codecName + " decoding used " + cpu / 1_000_000 + " ms of CPU ("
                                + elapsed / 1_000_000 + " ms elapsed) past its budget of " + cpuBudgetNanos / 1_000_000
                                + " ms (damaged codestream); decoder thread " + (stopped ? "stopped" : "left to finish"),
                                null);
                    }
                }
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof DicomException d) {
                throw d;
            }
            throw ImageIoFrames.corrupt(codecName + " decoding failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            if (stoppable) {
                stop(worker);
            }
            Thread.currentThread().interrupt();
            throw ImageIoFrames.corrupt(codecName + " decoding was interrupted", e);
        }
    }

    /** @return the worker's CPU time, or the elapsed time where thread CPU time is not measured */
    private static long workDoneNanos(Thread worker, long elapsedNanos) {
        long cpu = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled()
                ? THREADS.getThreadCpuTime(worker.getId()) : -1;
        return cpu < 0 ? elapsedNanos : cpu;
    }

    /** @return true when the worker has ended within a second of being stopped */
    @SuppressWarnings({"deprecation", "removal"})
    static boolean stop(Thread worker) {
        try {
            worker.stop();
        } catch (UnsupportedOperationException refused) {
            // Java 20+: the thread cannot be stopped; it is a daemon and is left to finish.
            worker.interrupt();
        }
        try {
            worker.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !worker.isAlive();
    }
}
