package org.dicomguard.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Scores the studies of one partition with the executor's Pipeline. A study row holds its key and
 * its files' paths and sizes (never their bytes); the task reads the files itself: in place when
 * they are on the executor's local file system, else copied through the Hadoop FileSystem into a
 * per-study temporary folder (deleted after the study). The files are regrouped with
 * {@link StudyGrouper} and each group runs through {@link Pipeline#run(StudyFiles)}: the code
 * path of {@code dicom-guard score}, so the rows are identical.
 *
 * <p>Bounds per study: file count and bytes are checked before anything is read, and the study
 * runs on a watchdog thread with a wall-time limit; over a bound, or out of memory, the study
 * becomes one {@code failed} row and the task goes on, so one bad study cannot fail the task,
 * its retries and the job.
 */
final class StudyTask implements FlatMapFunction<Iterator<Row>, Row> {

    /** Error code of a study over {@link ArchiveScoringSettings#studyTimeLimit()}. */
    static final String TIME_LIMIT_CODE = ResultCode.STUDY_TIME_LIMIT.code();
    /** Error code of a study over the file count or byte bound. */
    static final String SIZE_LIMIT_CODE = ResultCode.STUDY_SIZE_LIMIT.code();
    /** Error code of a study whose scoring ran out of memory. */
    static final String OUT_OF_MEMORY_CODE = ResultCode.STUDY_OUT_OF_MEMORY.code();

    private static final long serialVersionUID = 1L;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final String bundleLocation;
    private final List<String> pathologyCodes;
    private final ArchiveScoringSettings settings;
    private final HadoopFiles files;

    StudyTask(String bundleLocation, List<String> pathologyCodes, ArchiveScoringSettings settings, HadoopFiles files) {
        this.bundleLocation = bundleLocation;
        this.pathologyCodes = List.copyOf(pathologyCodes);
        this.settings = settings;
        this.files = files;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> studies) {
        Pipeline pipeline = ExecutorPipelines.get(bundleLocation, settings.inferenceThreads());
        return new Iterator<>() {
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && studies.hasNext()) {
                    current = score(pipeline, studies.next()).iterator();
                }
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    /** @param study a row of {@link ArchiveScoring#STUDY_SCHEMA} */
    private List<Row> score(Pipeline pipeline, Row study) {
        String key = study.getString(0);
        List<HadoopFiles.Entry> entries = new ArrayList<>();
        for (Row file : study.<Row>getList(1)) {
            entries.add(new HadoopFiles.Entry(file.getString(0), file.getLong(1)));
        }
        entries.sort(Comparator.comparing(HadoopFiles.Entry::path));
        long bytes = entries.stream().mapToLong(HadoopFiles.Entry::sizeBytes).sum();
        if (entries.size() > settings.maxFilesPerStudy() || bytes > settings.maxStudyBytes()) {
            return List.of(failed(pipeline, key, SIZE_LIMIT_CODE, "the study has " + entries.size() + " files of "
                    + bytes + " bytes; the limits are " + settings.maxFilesPerStudy() + " files and "
                    + settings.maxStudyBytes() + " bytes"));
        }
        // A fresh thread per study, not a pool: the interrupt that abandons a study over its time
        // limit must not reach the next study run on a reused thread.
        FutureTask<List<GuardResult>> run = new FutureTask<>(() -> run(pipeline, entries));
        Thread thread = new Thread(run, "dicom-guard-study-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        long limitNanos = settings.studyTimeLimit().toNanos();
        long startNanos = System.nanoTime();
        thread.start();
        try {
            List<GuardResult> results = run.get(limitNanos, TimeUnit.NANOSECONDS);
            // The bound is the study's time, not the race between the study and this thread's wait:
            // a result that arrives after its limit is over the limit too.
            if (System.nanoTime() - startNanos > limitNanos) {
                throw new TimeoutException();
            }
            List<Row> rows = new ArrayList<>();
            for (GuardResult result : results) {
                rows.add(ContractRows.toRow(result, pathologyCodes));
            }
            return rows;
        } catch (TimeoutException e) {
            run.cancel(true);
            return List.of(failed(pipeline, key, TIME_LIMIT_CODE, "scoring took longer than "
                    + settings.studyTimeLimit().toSeconds() + " s; the study was abandoned"));
        } catch (InterruptedException e) {
            run.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("task interrupted while scoring a study", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OutOfMemoryError) {
                return List.of(failed(pipeline, key, OUT_OF_MEMORY_CODE, "scoring the study ran out of memory ("
                        + entries.size() + " files of " + bytes + " bytes)"));
            }
            return List.of(failed(pipeline, key, ResultCode.IO_ERROR.code(), "cannot read the study's files: "
                    + cause.getClass().getSimpleName()));
        }
    }

    private List<GuardResult> run(Pipeline pipeline, List<HadoopFiles.Entry> entries) throws IOException {
        List<Path> local = new ArrayList<>(entries.size());
        Path temporary = null;
        try {
            for (int i = 0; i < entries.size(); i++) {
                String path = entries.get(i).path();
                Optional<Path> inPlace = HadoopFiles.localPath(path);
                if (inPlace.isPresent()) {
                    local.add(inPlace.get());
                    continue;
                }
                if (temporary == null) {
                    temporary = Files.createTempDirectory("dicom-guard-study");
                }
                // Names keep the path order, which is the order StudyGrouper gives the files in score.
                Path copy = temporary.resolve(String.format(Locale.ROOT, "%08d.dcm", i));
                try (FSDataInputStream in = files.fileSystem(path).open(new org.apache.hadoop.fs.Path(path))) {
                    Files.copy(in, copy);
                }
                local.add(copy);
            }
            List<GuardResult> results = new ArrayList<>();
            for (StudyFiles group : new StudyGrouper(pipeline.reader()).group(local)) {
                results.add(pipeline.run(group));
            }
            return results;
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private Row failed(Pipeline pipeline, String key, String code, String message) {
        Optional<String> uid = key.startsWith(GuardScoring.UNREADABLE_KEY_PREFIX) ? Optional.empty() : Optional.of(key);
        String bundleId = pipeline.bundle().manifest().bundleId();
        Failed failed;
        try {
            failed = new Failed(uid, bundleId, code, message);
        } catch (IllegalArgumentException e) {
            // A UID the contract refuses is not echoed; the row still stands for the study.
            failed = new Failed(Optional.empty(), bundleId, code, message);
        }
        return ContractRows.toRow(failed, pathologyCodes);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete temporary study folder " + folder, e);
        }
    }
}
