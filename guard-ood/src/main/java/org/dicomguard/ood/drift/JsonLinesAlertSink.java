package org.dicomguard.ood.drift;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Appends each alert as one JSON object per line ({@link DriftAlert#toJson()}), flushed at once
 * so that a tailing collector sees it. Thread-safe: lines never interleave.
 *
 * <p>A write that fails is not thrown into the pipeline; it is counted
 * ({@link #failedWriteCount()}) and logged at WARNING, so that it is never lost silently.
 * Closing closes the writer.
 */
public final class JsonLinesAlertSink implements AlertSink, Closeable {

    private static final System.Logger LOG = System.getLogger("org.dicomguard.ood.drift");

    private final Writer writer;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    /**
     * @param writer destination; this sink owns it from now on and closes it in {@link #close()}
     */
    public JsonLinesAlertSink(Writer writer) {
        this.writer = Objects.requireNonNull(writer, "writer");
    }

    /**
     * @param file a file to append to (created if absent), UTF-8
     * @return the sink
     * @throws IOException if the file cannot be opened
     */
    public static JsonLinesAlertSink append(Path file) throws IOException {
        return new JsonLinesAlertSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    @Override
    public void send(DriftAlert alert) {
        String line = alert.toJson().toString();
        synchronized (writer) {
            try {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                written.incrementAndGet();
            } catch (IOException e) {
                long n = failed.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "cannot write drift alert line (" + n + " failed so far): "
                        + e.getMessage() + "; alert was: " + alert.summary());
            }
        }
    }

    /** @return lines written */
    public long writtenCount() {
        return written.get();
    }

    /** @return lines that could not be written */
    public long failedWriteCount() {
        return failed.get();
    }

    @Override
    public void close() throws IOException {
        synchronized (writer) {
            writer.close();
        }
    }
}
