package org.dicomguard.dicomout;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoundTripTest {

    @Test
    void roundTrip_thousandSeededResults_losesNothing() throws Exception {
        StructuredReportWriter writer = new StructuredReportWriter(SrFixtures.MAMMOGRAPHY);
        StructuredReportReader reader = new StructuredReportReader();
        Random random = new Random(20261207L);
        List<org.dicomguard.core.dicom.Attributes> headers = SrFixtures.mammographyHeaders("ISO_IR 100", "Doe^Jane", 2);
        String[] codes = {"mass", "calcification", "asymmetry"};
        for (int i = 0; i < 1000; i++) {
            GuardResult result;
            switch (i % 10) {
                case 8:
                    result = SrFixtures.rejected();
                    break;
                case 9:
                    result = SrFixtures.failed();
                    break;
                default:
                    result = randomPrediction(random, codes);
            }
            ReportedResult back = reader.read(writer.toBytes(result, headers));
            assertEquals(result.status(), back.status());
            if (result instanceof Prediction p) {
                for (int k = 0; k < codes.length; k++) {
                    PathologyFinding f = p.pathologies().get(k);
                    ReportedResult.Measurement m = back.pathologies().get(k);
                    assertEquals(f.code(), m.trackingIdentifier());
                    assertEquals(Float.floatToRawIntBits(f.probability()), Float.floatToRawIntBits(m.probability()),
                            "result " + i + " " + f.code());
                    assertEquals((double) f.probability(), m.floatingPointValue());
                    assertEquals(f.probability(), Float.parseFloat(m.numericValue()));
                    assertEquals(f.positive(), m.present());
                    assertEquals("decisionThresholdProbability=" + f.decisionThresholdProbability(), m.algorithmParameters());
                }
                assertEquals(p.anyPathology().probability(), back.anyPathology().orElseThrow().probability());
                assertEquals(p.anyPathology().positive(), back.anyPathology().orElseThrow().present());
                assertEquals(p.ood().score(), back.oodScore().orElseThrow());
                assertEquals(p.ood().threshold(), back.oodThreshold().orElseThrow());
            }
        }
    }

    private static Prediction randomPrediction(Random random, String[] codes) {
        List<PathologyFinding> findings = new ArrayList<>();
        for (String code : codes) {
            // Whole float range in [0, 1], tiny values and exact ends included.
            float p = switch (random.nextInt(6)) {
                case 0 -> 0f;
                case 1 -> 1f;
                case 2 -> Float.MIN_VALUE * (1 + random.nextInt(1000));
                default -> random.nextFloat();
            };
            findings.add(PathologyFinding.of(code, p, random.nextFloat()));
        }
        AnyPathologyRule rule = AnyPathologyRule.values()[random.nextInt(3)];
        AnyPathology any = rule == AnyPathologyRule.MODEL_OUTPUT ? AnyPathology.modelOutput(random.nextFloat(), findings)
                : AnyPathology.derivedFrom(rule, findings);
        return new Prediction(SrFixtures.STUDY_UID, "demo-mammography-1", SrFixtures.MODEL_SHA, findings, any,
                new OodAssessment(random.nextDouble() * 50, 0.1 + random.nextDouble() * 20),
                new Provenance("0.1.0-test", SrFixtures.FINGERPRINT));
    }
}
