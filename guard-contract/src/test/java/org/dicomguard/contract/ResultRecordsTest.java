package org.dicomguard.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

class ResultRecordsTest {

    private static String refused(Runnable constructor) {
        return assertThrows(IllegalArgumentException.class, constructor::run).getMessage();
    }

    @Test
    void pathologyFinding_nanProbability_refusedNamingField() {
        String message = refused(() -> PathologyFinding.of("mass", Float.NaN, 0.3f));
        assertTrue(message.contains("probability of pathology 'mass'") && message.contains("NaN"), message);
    }

    @Test
    void pathologyFinding_infiniteOrOutOfRange_refused() {
        refused(() -> PathologyFinding.of("mass", Float.POSITIVE_INFINITY, 0.3f));
        refused(() -> PathologyFinding.of("mass", -0.01f, 0.3f));
        refused(() -> PathologyFinding.of("mass", 1.0001f, 0.3f));
        String threshold = refused(() -> PathologyFinding.of("mass", 0.5f, 1.5f));
        assertTrue(threshold.contains("decisionThresholdProbability of pathology 'mass'"), threshold);
    }

    @Test
    void pathologyFinding_percent_messageSaysLooksLikePercent() {
        String message = refused(() -> PathologyFinding.of("mass", 7f, 0.3f));
        assertTrue(message.contains("looks like a percent"), message);
    }

    @Test
    void pathologyFinding_inconsistentPositive_refusedNamingField() {
        String message = refused(() -> new PathologyFinding("mass", 0.2f, 0.3f, true));
        assertTrue(message.contains("positive of pathology 'mass' must be false"), message);
        assertTrue(new PathologyFinding("mass", 0.3f, 0.3f, true).positive(), "probability == threshold is positive");
    }

    @Test
    void pathologyFinding_negativeZero_normalizedToZero() {
        PathologyFinding finding = PathologyFinding.of("mass", -0.0f, 0.3f);
        assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(finding.probability()));
    }

    @Test
    void pathologyFinding_malformedCode_refused() {
        refused(() -> PathologyFinding.of("", 0.2f, 0.3f));
        refused(() -> PathologyFinding.of("mass,calc", 0.2f, 0.3f));
        refused(() -> PathologyFinding.of(null, 0.2f, 0.3f));
    }

    @Test
    void prediction_duplicateCodes_refusedNamingBothIndexes() {
        String message = refused(() -> new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0.1f, 0.5f), PathologyFinding.of("mass", 0.2f, 0.5f)),
                new AnyPathology(AnyPathologyRule.MAX, 0.2f, false), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(message.contains("code 'mass' appears at index 0 and 1"), message);
    }

    @Test
    void prediction_noPathologies_refused() {
        String message = refused(() -> new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, List.of(),
                new AnyPathology(AnyPathologyRule.MODEL_OUTPUT, 0.2f, false), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(message.contains("pathologies must not be empty"), message);
    }

    @Test
    void prediction_maxRuleNotTheMaximum_refused() {
        String message = refused(() -> new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0.1f, 0.5f), PathologyFinding.of("calcification", 0.2f, 0.5f)),
                new AnyPathology(AnyPathologyRule.MAX, 0.1f, false), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(message.contains("anyPathology.probability must equal the maximum"), message);
    }

    @Test
    void prediction_noisyOrRule_checkedWithinTolerance() {
        List<PathologyFinding> findings = List.of(PathologyFinding.of("mass", 0.1f, 0.5f),
                PathologyFinding.of("calcification", 0.2f, 0.5f));
        float noisyOr = (float) (1 - (1 - 0.1f) * (1d - 0.2f));
        new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, findings,
                new AnyPathology(AnyPathologyRule.NOISY_OR, noisyOr, false), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT));
        String message = refused(() -> new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, findings,
                new AnyPathology(AnyPathologyRule.NOISY_OR, 0.2f, false), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(message.contains("under rule noisyOr"), message);
    }

    @Test
    void anyPathology_derivedFrom_matchesWhatPredictionChecks() {
        List<PathologyFinding> findings = List.of(PathologyFinding.of("mass", 0.1f, 0.5f),
                PathologyFinding.of("calcification", 0.7f, 0.5f), PathologyFinding.of("asymmetry", 0.3f, 0.5f));
        AnyPathology max = AnyPathology.derivedFrom(AnyPathologyRule.MAX, findings);
        assertEquals(new AnyPathology(AnyPathologyRule.MAX, 0.7f, true), max);
        AnyPathology noisyOr = AnyPathology.derivedFrom(AnyPathologyRule.NOISY_OR, findings);
        assertEquals((float) (1 - 0.9 * 0.3 * 0.7), noisyOr.probability(), 1e-6f);
        for (AnyPathology any : List.of(max, noisyOr, AnyPathology.modelOutput(0.05f, findings))) {
            new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, findings, any, new OodAssessment(1, 2),
                    new Provenance("0.1.0", Fixtures.FINGERPRINT));
        }
        String message = refused(() -> AnyPathology.derivedFrom(AnyPathologyRule.MODEL_OUTPUT, findings));
        assertTrue(message.contains("use AnyPathology.modelOutput"), message);
    }

    @Test
    void prediction_aggregatePositiveContradictsFindings_refused() {
        String message = refused(() -> new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256,
                List.of(PathologyFinding.of("mass", 0.1f, 0.5f)),
                new AnyPathology(AnyPathologyRule.MODEL_OUTPUT, 0.9f, true), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(message.contains("anyPathology.positive must be false"), message);
    }

    @Test
    void prediction_malformedUidOrHash_refusedNamingField() {
        String uid = refused(() -> new Prediction("1.2.x", "b", Fixtures.MODEL_SHA256,
                Fixtures.prediction().pathologies(), Fixtures.prediction().anyPathology(), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(uid.startsWith("studyInstanceUid"), uid);
        String sha = refused(() -> new Prediction("1.2.3", "b", "ABC",
                Fixtures.prediction().pathologies(), Fixtures.prediction().anyPathology(), new OodAssessment(1, 2),
                new Provenance("0.1.0", Fixtures.FINGERPRINT)));
        assertTrue(sha.startsWith("modelSha256"), sha);
    }

    @Test
    void prediction_pathologiesList_isCopied() {
        List<PathologyFinding> findings = new java.util.ArrayList<>(Fixtures.prediction().pathologies());
        Prediction prediction = new Prediction("1.2.3", "b", Fixtures.MODEL_SHA256, findings,
                Fixtures.prediction().anyPathology(), new OodAssessment(1, 2), new Provenance("0.1.0", Fixtures.FINGERPRINT));
        findings.clear();
        assertEquals(2, prediction.pathologies().size());
        assertEquals(0.0731f, prediction.finding("mass").orElseThrow().probability());
    }

    @Test
    void oodAssessment_nonFiniteOrNegative_refused() {
        assertTrue(refused(() -> new OodAssessment(Double.NaN, 7.9)).startsWith("ood.score"));
        assertTrue(refused(() -> new OodAssessment(-1, 7.9)).startsWith("ood.score"));
        assertTrue(refused(() -> new OodAssessment(1, 0)).startsWith("ood.threshold"));
        assertTrue(refused(() -> new OodAssessment(1, Double.POSITIVE_INFINITY)).startsWith("ood.threshold"));
    }

    @Test
    void rejected_noReasons_refused() {
        String message = refused(() -> new Rejected(Optional.empty(), "b", List.of()));
        assertTrue(message.contains("reasons must not be empty"), message);
    }

    @Test
    void rejectionReason_lowerCaseCode_refused() {
        String message = refused(() -> new RejectionReason("ood", "m", List.of()));
        assertTrue(message.startsWith("reason.code"), message);
    }

    @Test
    void evidence_nanValueOrThreshold_refusedNamingEvidence() {
        assertTrue(refused(() -> Evidence.measured("meanIntensity", Double.NaN)).contains("evidence 'meanIntensity' value"));
        assertTrue(refused(() -> new Evidence("x", 1, OptionalDouble.of(Double.NEGATIVE_INFINITY), Optional.empty()))
                .contains("evidence 'x' threshold"));
    }

    @Test
    void failed_blankMessageOrControlCharacter_refused() {
        refused(() -> new Failed(Optional.empty(), "b", "UNREADABLE_FILE", "  "));
        String message = refused(() -> new Failed(Optional.empty(), "b", "UNREADABLE_FILE", "line1\nline2"));
        assertTrue(message.contains("control characters"), message);
    }

    @Test
    void status_jsonNames_roundTrip() {
        for (GuardResult.Status status : GuardResult.Status.values()) {
            assertEquals(status, GuardResult.Status.fromJsonName(status.jsonName()).orElseThrow());
        }
        for (AnyPathologyRule rule : AnyPathologyRule.values()) {
            assertEquals(rule, AnyPathologyRule.fromJsonName(rule.jsonName()).orElseThrow());
        }
        assertTrue(AnyPathologyRule.fromJsonName("MAX").isEmpty());
    }
}
