package org.dicomguard.samples;

import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.evaluation.GateStudyScores;
import org.dicomguard.core.synthetic.SyntheticAcquisitionShift;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 18: a 2% detector gain change is drift, not an outage. Before the variance floor, the
 * demo bundles' gates refused 100% of such studies (near-constant statistics such as the share of
 * saturated pixels moved by 24 standard deviations); now at most the 2% target plus 5 points
 * (measured: mammography 6 of 100, borderline distances 4.26 to 4.46 against 4.24; chest CT 0 of 40).
 * Deterministic (seeded packs), measured through the bundle's own header rules, preprocessing and gate.
 */
class DemoBundleShiftIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"mammography, bundles/demo-mammography, 100", "chest-ct, bundles/demo-chest-ct, 40"})
    void gate_demoBundleUnderTwoPercentDetectorGain_refusesAtMostTargetPlusFivePoints(String task, String bundle,
                                                                                     int studies) throws Exception {
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode(task), 7301, studies),
                new SyntheticAcquisitionShift(1.02, 0)).write(dir);
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(Path.of(bundle))).build()) {
            List<GateStudyScores.StudyScore> scores = GateStudyScores.score(pipeline, dir, new DicomReader());
            long rejected = scores.stream().filter(GateStudyScores.StudyScore::rejected).count();
            assertTrue(scores.size() == studies, "scored " + scores.size());
            assertTrue(rejected <= (0.02 + 0.05) * studies, task + ": gain x1.02 refused " + rejected + " of " + studies);
        }
    }
}
