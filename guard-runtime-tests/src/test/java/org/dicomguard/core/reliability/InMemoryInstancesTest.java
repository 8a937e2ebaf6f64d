package org.dicomguard.core.reliability;

import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.dicom.DicomReadLimits;
import org.dicomguard.core.study.DicomInstance;
import org.dicomguard.core.study.StudyCompositionPolicy;
import org.dicomguard.core.study.StudyRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 part 8: a study handed over as bytes or streams (DICOMweb, C-STORE) gives exactly
 * what the same files give, through the same reader and limits.
 */
class InMemoryInstancesTest {

    @TempDir
    static Path dir;
    private static Pipeline pipeline;
    private static List<Path> files;

    @BeforeAll
    static void open() throws Exception {
        TestMammographyBundles.write(dir.resolve("bundle"), new org.dicomguard.core.task.mammography.MammographyTask().defaultStudyComposition());
        pipeline = Pipeline.builder(ModelBundle.load(dir.resolve("bundle"))).build();
        files = ReliabilityStudies.writeStudy(dir.resolve("study"), 31L, 0, ReliabilityStudies.Markers.distinctive());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    private static List<byte[]> bytes() throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (Path f : files) {
            all.add(Files.readAllBytes(f));
        }
        return all;
    }

    @Test
    void run_bytesAndStreams_sameResultAsFilesWithRequestKey() throws IOException {
        Prediction fromFiles = assertInstanceOf(Prediction.class, pipeline.run(files));
        Prediction fromBytes = assertInstanceOf(Prediction.class,
                pipeline.run(StudyRequest.ofBytes(bytes()).withRequestKey("dicomweb-1")));
        List<InputStream> streams = bytes().stream().map(b -> (InputStream) new ByteArrayInputStream(b)).toList();
        Prediction fromStreams = assertInstanceOf(Prediction.class, pipeline.run(StudyRequest.ofStreams(streams)));
        assertEquals(fromFiles, fromStreams);
        assertEquals(Optional.of("dicomweb-1"), fromBytes.requestKey());
        assertEquals(fromFiles.pathologies(), fromBytes.pathologies());
        assertEquals(fromFiles.imagesUsed(), fromBytes.imagesUsed());
    }

    @Test
    void run_streamLongerThanFileLimit_failedLimitExceededWithoutReadingItAll() throws Exception {
        try (Pipeline small = Pipeline.builder(ModelBundle.load(dir.resolve("bundle")))
                .readLimits(DicomReadLimits.defaults().withMaxFileSizeBytes(4096)).build()) {
            long[] served = {0};
            InputStream endless = new InputStream() {
                @Override
                public int read() {
                    served[0]++;
                    return 0;
                }
            };
            GuardResult result = small.run(new StudyRequest(Optional.of("k"), List.of(DicomInstance.of(endless))));
            Failed f = assertInstanceOf(Failed.class, result);
            assertEquals("LIMIT_EXCEEDED", f.errorCode());
            assertTrue(served[0] <= 4097, "read " + served[0] + " bytes");
            assertEquals(Optional.of("k"), f.requestKey());
        }
    }

    @Test
    void run_streamThatFails_failedIoError() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        Failed f = assertInstanceOf(Failed.class, pipeline.run(new StudyRequest(Optional.empty(),
                List.of(DicomInstance.of(broken)))));
        assertEquals("IO_ERROR", f.errorCode());
    }

    @Test
    void run_bytesOfTwoStudies_failedMixedStudies() throws IOException {
        List<Path> other = ReliabilityStudies.writeStudy(dir.resolve("other"), 32L, 0,
                ReliabilityStudies.Markers.distinctive());
        List<byte[]> mixed = new ArrayList<>(bytes().subList(0, 2));
        mixed.add(Files.readAllBytes(other.get(2)));
        mixed.add(Files.readAllBytes(other.get(3)));
        Failed f = assertInstanceOf(Failed.class, pipeline.run(StudyRequest.ofBytes(mixed)));
        assertEquals("MIXED_STUDIES", f.errorCode());
    }

    @Test
    void studyRequest_invalidKey_refusedWithoutEcho() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StudyRequest.ofBytes(List.of()).withRequestKey("DOE^JOHN"));
        assertTrue(!e.getMessage().contains("DOE"), e.getMessage());
    }
}
