package org.dicomguard.ood.profile;

import org.dicomguard.ood.SyntheticStudies;
import org.dicomguard.ood.drift.DriftReference;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProfileFitterTest {

    @Test
    void fit_sameInput_sameSha256() {
        double[][] fit = new SyntheticStudies(1).inDistribution(200);
        double[][] cal = new SyntheticStudies(2).inDistribution(100);
        assertEquals(ProfileFitter.fit(SyntheticStudies.SPECS, fit, cal, 0.05).sha256(),
                ProfileFitter.fit(SyntheticStudies.SPECS, fit, cal, 0.05).sha256());
    }

    @Test
    void fit_records_countsSummaryAndDriftReferenceOfEveryFeature() {
        ReferenceProfile p = ProfileFitter.fit(SyntheticStudies.SPECS, new SyntheticStudies(1).inDistribution(300),
                new SyntheticStudies(2).inDistribution(150), 0.05);
        assertEquals(300, p.fitCount());
        assertEquals(150, p.calibrationCount());
        assertEquals(150, p.calibrationSummary().count());
        assertTrue(p.calibrationSummary().median() <= p.thresholdDistance());
        assertTrue(p.thresholdDistance() <= p.calibrationSummary().max());
        assertEquals(SyntheticStudies.SPECS.size(), p.driftReference().sortedSamplesByStream().size());
        assertEquals(450, p.driftReference().sortedSample("maskAreaFraction").length);
    }

    @Test
    void fit_tooFewCalibrationRows_saysHowManyAreNeeded() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileFitter.fit(SyntheticStudies.SPECS, new SyntheticStudies(1).inDistribution(100),
                        new SyntheticStudies(2).inDistribution(50), 0.01));
        assertTrue(e.getMessage().contains("needs at least 99"), e.getMessage());
    }

    @Test
    void fit_constantFeature_namesIt() {
        double[][] fit = new SyntheticStudies(1).inDistribution(100);
        for (double[] row : fit) {
            row[6] = 350;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileFitter.fit(SyntheticStudies.SPECS, fit, new SyntheticStudies(2).inDistribution(50), 0.05));
        assertTrue(e.getMessage().contains("fieldOfViewMm"), e.getMessage());
    }

    @Test
    void split_sameSeed_sameDisjointCompletePartition() {
        DeterministicSplit a = DeterministicSplit.of(101, 0.3, 9);
        DeterministicSplit b = DeterministicSplit.of(101, 0.3, 9);
        assertArrayEquals(a.fitIndices(), b.fitIndices());
        assertEquals(30, a.calibrationIndices().length);
        int[] all = new int[101];
        for (int i : a.fitIndices()) {
            all[i]++;
        }
        for (int i : a.calibrationIndices()) {
            all[i]++;
        }
        assertTrue(Arrays.stream(all).allMatch(c -> c == 1));
        assertTrue(!Arrays.equals(a.calibrationIndices(), DeterministicSplit.of(101, 0.3, 10).calibrationIndices()));
    }

    @Test
    void fit_fromStudiesWithSplit_usesBothPartsAndIsReproducible() {
        java.util.List<org.dicomguard.ood.InputStatistics> studies = new java.util.ArrayList<>();
        SyntheticStudies data = new SyntheticStudies(3);
        for (int i = 0; i < 400; i++) {
            studies.add(org.dicomguard.ood.InputStatistics.of(SyntheticStudies.SPECS, data.inDistribution()));
        }
        ReferenceProfile p = ProfileFitter.fit(studies, 0.5, 7, 0.05);
        assertEquals(200, p.fitCount());
        assertEquals(200, p.calibrationCount());
        assertEquals(p.sha256(), ProfileFitter.fit(studies, 0.5, 7, 0.05).sha256());
        assertTrue(!p.sha256().equals(ProfileFitter.fit(studies, 0.5, 8, 0.05).sha256()));
    }

    @Test
    void fit_studiesWithDifferentFeatures_isRefused() {
        java.util.List<org.dicomguard.ood.InputStatistics> studies = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            studies.add(org.dicomguard.ood.InputStatistics.builder().add(i == 5 ? "b" : "a", "1", i).build());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileFitter.fit(studies, 0.5, 1, 0.2));
        assertTrue(e.getMessage().startsWith("study 5 has features"), e.getMessage());
    }

    @Test
    void withDriftReference_probabilityStream_recomputesHash() {
        ReferenceProfile p = ProfileFitter.fit(SyntheticStudies.SPECS, new SyntheticStudies(1).inDistribution(100),
                new SyntheticStudies(2).inDistribution(50), 0.05);
        double[] probabilities = new double[5000];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = (i % 97) / 97.0;
        }
        DriftReference ref = p.driftReference().with(DriftReference.PROBABILITY_PREFIX + "mass", probabilities);
        ReferenceProfile q = p.withDriftReference(ref);
        assertTrue(!q.sha256().equals(p.sha256()));
        assertEquals(DriftReference.MAX_STORED_VALUES, q.driftReference().sortedSample("probability:mass").length);
    }
}
