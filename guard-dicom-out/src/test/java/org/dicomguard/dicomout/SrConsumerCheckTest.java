package org.dicomguard.dicomout;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.testkit.FaultKind;
import org.dicomguard.contract.testkit.KitReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SrConsumerCheckTest {

    private final StructuredReportWriter writer = new StructuredReportWriter(SrFixtures.MAMMOGRAPHY);

    @Test
    void forAdapter_thisModulesWriter_isFaithful() {
        SrConsumerCheck.forAdapter(result -> writer.toBytes(result, List.of())).assertFaithful();
    }

    @Test
    void forAdapter_roundingAdapter_failsWithRounding() {
        KitReport report = SrConsumerCheck.forAdapter(result -> writer.toBytes(roundedToPercent(result), List.of())).run();
        assertFalse(report.faithful(), report.explanation());
        assertTrue(report.faultKinds().contains(FaultKind.ROUNDING), report.explanation());
    }

    @Test
    void forAdapter_aggregateInPlaceOfPathologies_failsWithAggregateSubstitution() {
        KitReport report = SrConsumerCheck.forAdapter(result -> writer.toBytes(aggregateEverywhere(result), List.of())).run();
        assertFalse(report.faithful(), report.explanation());
        assertTrue(report.faultKinds().contains(FaultKind.AGGREGATE_SUBSTITUTION), report.explanation());
    }

    /** The post-mortem's backend: probabilities to integer percent before writing the SR. */
    static GuardResult roundedToPercent(GuardResult result) {
        if (!(result instanceof Prediction p)) {
            return result;
        }
        List<PathologyFinding> rounded = new ArrayList<>();
        for (PathologyFinding f : p.pathologies()) {
            rounded.add(PathologyFinding.of(f.code(), Math.round(f.probability() * 100) / 100f,
                    f.decisionThresholdProbability()));
        }
        return withFindings(p, rounded);
    }

    static GuardResult aggregateEverywhere(GuardResult result) {
        if (!(result instanceof Prediction p)) {
            return result;
        }
        List<PathologyFinding> replaced = new ArrayList<>();
        for (PathologyFinding f : p.pathologies()) {
            replaced.add(PathologyFinding.of(f.code(), p.anyPathology().probability(), f.decisionThresholdProbability()));
        }
        return withFindings(p, replaced);
    }

    private static Prediction withFindings(Prediction p, List<PathologyFinding> findings) {
        AnyPathology any = p.anyPathology().rule() == AnyPathologyRule.MODEL_OUTPUT
                ? AnyPathology.modelOutput(p.anyPathology().probability(), findings)
                : AnyPathology.derivedFrom(p.anyPathology().rule(), findings);
        return new Prediction(p.studyInstanceUid(), p.bundleId(), p.modelSha256(), findings, any, p.ood(),
                p.provenance());
    }
}
