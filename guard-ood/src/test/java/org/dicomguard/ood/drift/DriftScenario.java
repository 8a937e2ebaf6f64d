package org.dicomguard.ood.drift;

import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.SyntheticStudies;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** A seeded stream of studies for drift tests: reference from one seed, the stream from another. */
final class DriftScenario {

    static final ReferenceProfile PROFILE;

    static {
        SyntheticStudies reference = new SyntheticStudies(2024);
        double[][] fit = reference.inDistribution(1000);
        double[][] cal = reference.inDistribution(1000);
        ReferenceProfile profile = ProfileFitter.fit(SyntheticStudies.SPECS, fit, cal, 0.01);
        SplittableRandom random = new SplittableRandom(77);
        double[] probabilities = new double[2000];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = probability(i < 1000 ? fit[i] : cal[i - 1000], random);
        }
        PROFILE = profile.withDriftReference(profile.driftReference()
                .with(DriftReference.PROBABILITY_PREFIX + "mass", probabilities));
    }

    final SyntheticStudies studies;
    private final SplittableRandom random;

    DriftScenario(long seed) {
        this.studies = new SyntheticStudies(seed);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    }

    /** A model output that depends on the inputs, so that a scanner change also moves it. */
    static float probability(double[] row, SplittableRandom random) {
        double logit = -1.5 + 0.06 * (row[0] - 40) + 0.8 * random.nextGaussian();
        return (float) (1 / (1 + Math.exp(-logit)));
    }

    StudyObservation observation(double[] row) {
        Map<String, Double> stats = new LinkedHashMap<>();
        List<FeatureSpec> specs = SyntheticStudies.SPECS;
        for (int i = 0; i < specs.size(); i++) {
            stats.put(specs.get(i).name(), row[i]);
        }
        return new StudyObservation(Instant.EPOCH, "prediction", stats, Map.of("mass", probability(row, random)), List.of());
    }

    StudyObservation stable() {
        return observation(studies.inDistribution());
    }

    StudyObservation scannerChanged(double intensityScale, double extraNoiseHu) {
        return observation(studies.scannerChange(studies.inDistribution(), intensityScale, extraNoiseHu));
    }

    /** Collects alerts. */
    static final class RecordingSink implements AlertSink {
        final List<DriftAlert> alerts = new ArrayList<>();

        @Override
        public synchronized void send(DriftAlert alert) {
            alerts.add(alert);
        }
    }
}
