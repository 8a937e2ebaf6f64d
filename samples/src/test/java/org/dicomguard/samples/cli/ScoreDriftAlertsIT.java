package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.synthetic.SyntheticAcquisitionShift;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.dicomguard.ood.drift.RejectionRateMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code score --drift-alerts}: quiet on 200 stable mammography studies, then alerts within 200
 * studies of a 2% detector gain change (issue 18). One run over both packs, in that order; the
 * monitor observes each view's statistics (4 per study) and each study's probabilities and status.
 *
 * <p>The monitor compares against the reference statistics the bundle carries. The committed
 * demo-mammography bundle's reference is a mix of small and clinical-size studies (so its gate holds
 * at both sizes), and a stream of small studies alone is, correctly, a shift from that mix (it raised
 * {@code insideMean} at study 50). "Stable" has to mean "from the reference's own distribution", so
 * this test scores with the same model and a profile fitted on small studies only: the demo bundle as
 * it was before the clinical-size re-fit (commit bb267ed), kept in {@value #BUNDLE}.
 */
class ScoreDriftAlertsIT {

    private static final String BUNDLE = "src/test/resources/drift-small-profile-bundle";

    @TempDir
    Path dir;

    @Test
    void score_driftAlertsStableThenTwoPercentGain_quietThenAlertsWithin200Studies() throws Exception {
        int stable = 200;
        int shifted = 200;
        Path stablePack = dir.resolve("stable");
        Path gainPack = dir.resolve("gain");
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 7101, stable)).write(stablePack);
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("mammography"), 7102, shifted),
                new SyntheticAcquisitionShift(1.02, 0)).write(gainPack);
        Path alerts = dir.resolve("alerts.jsonl");

        CliRun run = CliRun.of("score", "--bundle", BUNDLE, "--out", dir.resolve("out.jsonl").toString(),
                "--drift-alerts", alerts.toString(), stablePack.toString(), gainPack.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("drift alerts raised now:"), run.err());
        List<JsonNode> raised = new ArrayList<>();
        for (String line : Files.readAllLines(alerts)) {
            JsonNode alert = StrictJson.mapper().readTree(line);
            if (alert.get("state").asText().equals("RAISED")) {
                raised.add(alert);
            }
        }
        assertFalse(raised.isEmpty(), "no alert after " + shifted + " studies with gain x1.02");
        long firstStudy = Long.MAX_VALUE;
        for (JsonNode alert : raised) {
            long index = alert.get("observationIndex").asLong();
            // Statistic streams see one observation per view; the rejection rate one per study.
            long study = alert.get("stream").asText().equals(RejectionRateMonitor.STREAM) ? index : (index + 3) / 4;
            assertTrue(study > stable, "alert on stable data: " + alert);
            firstStudy = Math.min(firstStudy, study);
        }
        assertTrue(firstStudy <= stable + 200, "first alert at study " + firstStudy);
    }
}
