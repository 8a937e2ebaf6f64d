package org.dicomguard.spark;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link ArchiveScoring#score} spreads and bounds the work.
 *
 * @param studiesPerTask       studies per scoring task (partitions = ceil(studies / this)); 1..10000.
 *                             Partitions follow study count, never bytes, so adaptive execution
 *                             cannot merge many small-file studies into a few tasks
 * @param studyTimeLimit       wall time one study may take in a task; a study over it becomes a
 *                             {@code failed} row with code {@code STUDY_TIME_LIMIT} and the
 *                             task goes on with its other studies; positive
 * @param maxStudyBytes        the most file bytes one study may have; a larger study is a {@code failed}
 *                             row with code {@code STUDY_SIZE_LIMIT}, never read; positive
 * @param maxFilesPerStudy     the most files one study may have (same code); positive
 * @param inferenceThreads     ONNX Runtime intra-op threads of each executor's Pipeline; 0 lets ONNX
 *                             Runtime choose, 1 (the default) suits one task per core; 0..256
 */
public record ArchiveScoringSettings(int studiesPerTask, Duration studyTimeLimit, long maxStudyBytes,
                                     int maxFilesPerStudy, int inferenceThreads) implements Serializable {

    public ArchiveScoringSettings {
        if (studiesPerTask < 1 || studiesPerTask > 10_000) {
            throw new IllegalArgumentException("studiesPerTask must be 1..10000, got " + studiesPerTask);
        }
        Objects.requireNonNull(studyTimeLimit, "studyTimeLimit");
        if (studyTimeLimit.isNegative() || studyTimeLimit.isZero()) {
            throw new IllegalArgumentException("studyTimeLimit must be positive, got " + studyTimeLimit);
        }
        if (maxStudyBytes < 1 || maxFilesPerStudy < 1) {
            throw new IllegalArgumentException("maxStudyBytes and maxFilesPerStudy must be positive, got "
                    + maxStudyBytes + " and " + maxFilesPerStudy);
        }
        if (inferenceThreads < 0 || inferenceThreads > 256) {
            throw new IllegalArgumentException("inferenceThreads must be 0..256, got " + inferenceThreads);
        }
    }

    /** @return 2 studies per task, 10 minutes and 2 GiB / 10000 files per study, 1 inference thread */
    public static ArchiveScoringSettings defaults() {
        return new ArchiveScoringSettings(2, Duration.ofMinutes(10), 2L << 30, 10_000, 1);
    }

    /** @param value studies per task @return a copy with it */
    public ArchiveScoringSettings withStudiesPerTask(int value) {
        return new ArchiveScoringSettings(value, studyTimeLimit, maxStudyBytes, maxFilesPerStudy, inferenceThreads);
    }

    /** @param value wall time per study @return a copy with it */
    public ArchiveScoringSettings withStudyTimeLimit(Duration value) {
        return new ArchiveScoringSettings(studiesPerTask, value, maxStudyBytes, maxFilesPerStudy, inferenceThreads);
    }

    /** @param value most file bytes per study @return a copy with it */
    public ArchiveScoringSettings withMaxStudyBytes(long value) {
        return new ArchiveScoringSettings(studiesPerTask, studyTimeLimit, value, maxFilesPerStudy, inferenceThreads);
    }

    /** @param value intra-op threads @return a copy with it */
    public ArchiveScoringSettings withInferenceThreads(int value) {
        return new ArchiveScoringSettings(studiesPerTask, studyTimeLimit, maxStudyBytes, maxFilesPerStudy, value);
    }
}
