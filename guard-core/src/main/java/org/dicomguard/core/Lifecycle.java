package org.dicomguard.core;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The open/closed state of a shared resource (a {@link Pipeline}, an ONNX model) and the uses in
 * flight: any number of threads use it at once, {@link #close(Runnable)} waits for the uses in
 * flight, releases the resource exactly once, and every later use sees it closed.
 *
 * <p>Design note: one {@link ReentrantReadWriteLock}, a use holding the read lock and closing
 * taking the write lock, as ONNX Runtime Java's {@code NativeObject} counts references; the
 * closed flag is written under the write lock and read under either, so no use ever touches a
 * released resource.
 *
 * <pre>{@code
 * try (Lifecycle.Use use = lifecycle.enter()) {
 *     if (!use.open()) {
 *         return closedAnswer();
 *     }
 *     return work();
 * }
 * }</pre>
 *
 * <p>Thread-safe. A use must be closed by the thread that entered it (try-with-resources).
 */
public final class Lifecycle {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    /**
     * Starts a use; {@link #close(Runnable)} waits until it ends.
     *
     * @return the use, to be closed by this thread; {@link Use#open()} says whether the resource may be used
     */
    public Use enter() {
        ReentrantReadWriteLock.ReadLock read = lock.readLock();
        read.lock();
        return new Use(read, !closed);
    }

    /** @return whether {@link #close(Runnable)} was called */
    public boolean isClosed() {
        lock.readLock().lock();
        try {
            return closed;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Waits for the uses in flight, then marks the resource closed and runs {@code release} once.
     * Idempotent: later calls wait for uses in flight and do nothing else.
     *
     * @param release frees the resource; runs at most once, with no use in flight
     * @return true when this call closed the resource, false when it was closed already
     */
    public boolean close(Runnable release) {
        lock.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            release.run();
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** One use in flight; closing it ends the use. Not shared between threads. */
    public static final class Use implements AutoCloseable {
        private final ReentrantReadWriteLock.ReadLock read;
        private final boolean open;
        private boolean ended;

        private Use(ReentrantReadWriteLock.ReadLock read, boolean open) {
            this.read = read;
            this.open = open;
        }

        /** @return true when the resource was open when the use began; it stays open until the use ends */
        public boolean open() {
            return open;
        }

        /** Ends the use. Idempotent. */
        @Override
        public void close() {
            if (!ended) {
                ended = true;
                read.unlock();
            }
        }
    }
}
