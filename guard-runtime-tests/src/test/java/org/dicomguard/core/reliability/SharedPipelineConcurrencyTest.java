package org.dicomguard.core.reliability;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.DicomWriter;
import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One Pipeline shared by 8 threads gives exactly the single-thread results (byte-equal contract
 * lines) over 2,000 runs cycling 37 distinct studies (24 synthetic, 13 hostile) (predictions, rejections and failures), and
 * {@link Pipeline#close()} while studies are in flight neither crashes nor corrupts: every result
 * is either the study's single-thread result or Failed PIPELINE_CLOSED, and every run after
 * close() returns is PIPELINE_CLOSED.
 */
class SharedPipelineConcurrencyTest {

    private static final int THREADS = 8;
    private static final int RUNS = 2_000;

    @TempDir
    static Path dir;
    private static ModelBundle bundle;
    private static final List<List<Path>> STUDIES = new ArrayList<>();

    @BeforeAll
    static void writeStudies() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"));
        bundle = ModelBundle.load(dir.resolve("bundle"));
        MammographySyntheticGenerator generator = new MammographySyntheticGenerator(TestMammographyBundles.OPTIONS);
        // One- and two-view studies keep 2,000 runs cheap; the preparer fills missing views with zeros.
        for (int i = 0; i < 24; i++) {
            MammographySyntheticStudy study = generator.study(31L, i);
            String uid = ReliabilityStudies.uid(31L, i, 0);
            List<Path> files = new ArrayList<>();
            for (int v = 0; v <= i % 2; v++) {
                Path file = dir.resolve("s" + i + "-v" + v + ".dcm");
                DicomWriter.write(file, ReliabilityStudies.image(study.views().get(v), uid,
                        ReliabilityStudies.uid(31L, i, v + 1), v + 1, ReliabilityStudies.Markers.distinctive()));
                files.add(file);
            }
            STUDIES.add(files);
        }
        for (Map.Entry<String, HostileCorpus.Entry> e : HostileCorpus.entries().entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.write(file, e.getValue().bytes());
            STUDIES.add(List.of(file));
        }
    }

    private static Pipeline open() throws Exception {
        return Pipeline.builder(bundle).headerRules(ReliabilityStudies.RULES).build();
    }

    private static List<String> singleThreadLines() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Pipeline p = open()) {
            for (List<Path> study : STUDIES) {
                lines.add(ContractJson.write(p.run(study)));
            }
        }
        return lines;
    }

    @Test
    void run_eightThreadsSharingOnePipeline_giveExactlyTheSingleThreadResults() throws Exception {
        List<String> expected = singleThreadLines();
        Map<String, Integer> kinds = new TreeMap<>();
        expected.forEach(l -> kinds.merge(l.replaceAll(".*\"status\"\\s*:\\s*\"([a-z]+)\".*", "$1"), 1, Integer::sum));
        assertTrue(kinds.size() == 3, "the studies should cover all three outcomes: " + kinds);
        String[] actual = new String[RUNS];
        try (Pipeline shared = open()) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < RUNS; i = next.getAndIncrement()) {
                        actual[i] = ContractJson.write(shared.run(STUDIES.get(i % STUDIES.size())));
                    }
                }));
            }
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (Future<?> f : futures) {
                    f.get();
                }
            });
            pool.shutdown();
        }
        int mismatches = 0;
        for (int i = 0; i < RUNS; i++) {
            if (!expected.get(i % STUDIES.size()).equals(actual[i])) {
                mismatches++;
            }
        }
        assertEquals(0, mismatches, "runs whose contract line differs from the single-thread line");
    }

    @Test
    void close_whileStudiesInFlight_finishesOrRefusesEachCleanly() throws Exception {
        List<String> expected = singleThreadLines();
        Pipeline shared = open();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch warm = new CountDownLatch(THREADS * 3);
        for (int t = 0; t < THREADS; t++) {
            int offset = t;
            pool.submit(() -> {
                for (int i = offset; ; i += THREADS) {
                    try {
                        GuardResult r = shared.run(STUDIES.get(i % STUDIES.size()));
                        String line = ContractJson.write(r);
                        if (r instanceof Failed f && f.errorCode().equals("PIPELINE_CLOSED")) {
                            refused.incrementAndGet();
                            return;
                        }
                        if (!line.equals(expected.get(i % STUDIES.size()))) {
                            problems.add("study " + (i % STUDIES.size()) + " gave " + line);
                        }
                        finished.incrementAndGet();
                    } catch (Throwable e) {
                        problems.add("run threw " + e);
                        return;
                    }
                    warm.countDown();
                }
            });
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            warm.await();
            shared.close();
            GuardResult after = shared.run(STUDIES.get(0));
            assertTrue(after instanceof Failed f && f.errorCode().equals("PIPELINE_CLOSED"), after.toString());
            pool.shutdown();
            assertTrue(pool.awaitTermination(50, TimeUnit.SECONDS), "a worker did not stop after close()");
        });
        assertEquals(List.of(), List.copyOf(problems));
        assertEquals(THREADS, refused.get(), "every worker ends on a PIPELINE_CLOSED refusal");
        assertTrue(finished.get() >= THREADS * 3, "finished " + finished.get());
    }
}
