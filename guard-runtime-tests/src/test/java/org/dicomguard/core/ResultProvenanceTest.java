package org.dicomguard.core;

import org.dicomguard.contract.Provenance;
import org.dicomguard.core.bundle.BundleBehaviour;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.bundle.TestBundles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultProvenanceTest {

    @TempDir
    Path dir;

    @Test
    void of_bundleWithoutTrainingPack_platformFromThisJvmAndTrainingPackUnknown() throws Exception {
        TestBundles.write(dir);
        ModelBundle bundle = ModelBundle.load(dir);
        Provenance p = ResultProvenance.of(bundle);
        assertEquals(LibraryVersion.get(), p.libraryVersion());
        assertEquals(bundle.manifest().preprocessingFingerprint(), p.preprocessingFingerprint());
        assertEquals(BundleBehaviour.fingerprint(bundle.manifest()), p.behaviourFingerprint());
        assertEquals(Provenance.UNKNOWN, p.trainingPackFingerprint());
        assertTrue(p.onnxRuntimeVersion().matches("[0-9]+\\.[0-9]+\\.[0-9]+.*"), p.onnxRuntimeVersion());
        assertEquals(ResultProvenance.text(Runtime.version().toString()), p.javaVersion());
        assertEquals(ResultProvenance.text(System.getProperty("os.arch")), p.cpuArchitecture());
        assertTrue(p.operatingSystem().startsWith(System.getProperty("os.name")), p.operatingSystem());
    }

    @Test
    void text_blankControlOrLong_unknownCleanedOrCut() {
        assertEquals(Provenance.UNKNOWN, ResultProvenance.text(" "));
        assertEquals(Provenance.UNKNOWN, ResultProvenance.text(null));
        assertEquals("Linux 6.1", ResultProvenance.text("Linux\n 6.1"));
        assertEquals(64, ResultProvenance.text("x".repeat(100)).length());
    }
}
