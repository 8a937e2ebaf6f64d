package org.dicomguard.training;

import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import ai.onnxruntime.OrtException;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.ood.InputStatistics;
import org.dicomguard.ood.drift.DriftReference;
import org.dicomguard.ood.gate.VarianceFloor;
import org.dicomguard.ood.profile.DeterministicSplit;
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Fits a bundle's OOD reference profile on in-distribution studies, through the bundle's own
 * preprocessing, and records the model's probabilities on them as drift references.
 *
 * <p>Design note: the gate checks every image of a study (four views in mammography), so a
 * study is falsely rejected when any of its images is. To keep the study-level false-reject
 * rate within the target, each image is calibrated at target / images-per-study (a Bonferroni
 * split; conservative when views are correlated). Half of the studies fit mean and covariance, the
 * other half calibrate the threshold (split conformal), chosen by a seeded split of studies, not
 * images: sibling views on both sides made the calibration distances optimistic (measured 3% false
 * rejects of held-out mammography studies at a 1% target with an image-level split). A feature that
 * is constant over all fitting images (e.g. lungComponentCount on synthetic chests) has no
 * variance to score against and is left out of the profile; the gate ignores statistics it does
 * not know, and the fit reports what it dropped. A {@link VarianceFloor} (default: 2% tolerated
 * global change) keeps near-constant statistics from turning a recalibrated detector into an outage.
 */
public final class BundleProfileFitter {

    /** What a fit produced. */
    public record Fit(ReferenceProfile profile, int studies, int images, double imageFalseRejectRate, List<String> skipped,
                      List<String> constantFeaturesDropped) {
    }

    private BundleProfileFitter() {
    }

    /**
     * @param bundle                    the bundle (its OOD profile may still be a placeholder)
     * @param groups                    study groups of the pack
     * @param include                   UIDs of in-distribution studies to fit on
     * @param targetFalseRejectRate     study-level target, in (0, 0.5)
     * @param seed                      seed of the fit/calibration split
     * @param reader                    reader with the limits to apply
     * @return the fitted profile and counts
     * @throws ModelLoadException  when the model cannot be opened
     * @throws BundleLoadException when the model contradicts the manifest
     * @throws OrtException        when inference fails
     */
    public static Fit fit(ModelBundle bundle, List<StudyFiles> groups, Set<String> include, double targetFalseRejectRate,
                          long seed, DicomReader reader) throws ModelLoadException, BundleLoadException, OrtException {
        return fit(bundle, groups, include, targetFalseRejectRate, seed, reader, VarianceFloor.defaults());
    }

    /**
     * As {@link #fit(ModelBundle, List, Set, double, long, DicomReader)} with an explicit variance floor
     * (the short form uses {@link VarianceFloor#defaults()}: a 2% global acquisition change is drift, not OOD).
     *
     * @param bundle                the bundle
     * @param groups                study groups of the pack
     * @param include               UIDs of in-distribution studies to fit on
     * @param targetFalseRejectRate study-level target, in (0, 0.5)
     * @param seed                  seed of the fit/calibration split
     * @param reader                reader with the limits to apply
     * @param floor                 tolerance of the gate for small global shifts
     * @return the fitted profile and counts
     * @throws ModelLoadException  when the model cannot be opened
     * @throws BundleLoadException when the model contradicts the manifest
     * @throws OrtException        when inference fails
     */
    public static Fit fit(ModelBundle bundle, List<StudyFiles> groups, Set<String> include, double targetFalseRejectRate,
                          long seed, DicomReader reader, VarianceFloor floor)
            throws ModelLoadException, BundleLoadException, OrtException {
        if (!(targetFalseRejectRate > 0 && targetFalseRejectRate < 0.5)) {
            throw new IllegalArgumentException("targetFalseRejectRate must be in (0, 0.5), got " + targetFalseRejectRate);
        }
        StudyPreparer preparer = StudyPreparers.of(bundle.manifest().preprocessing());
        int imagesPerStudy = bundle.manifest().task().gatedImagesPerStudy();
        List<InputStatistics> statistics = new ArrayList<>();
        List<Integer> studyOfImage = new ArrayList<>();
        List<BundleManifest.PathologySpec> pathologies = bundle.manifest().pathologies();
        List<List<Double>> probabilities = new ArrayList<>();
        pathologies.forEach(p -> probabilities.add(new ArrayList<>()));
        List<String> skipped = new ArrayList<>();
        int studies = 0;
        try (OrtModel model = bundle.openModel(InferenceSettings.defaults())) {
            for (StudyFiles group : groups) {
                if (group.studyInstanceUid().isEmpty() || !include.contains(group.studyInstanceUid().get())) {
                    continue;
                }
                try {
                    PreparedStudy prepared = preparer.prepare(group, reader);
                    for (PreparedStudy.GatedImage image : prepared.images()) {
                        statistics.add(image.statistics());
                        studyOfImage.add(studies);
                    }
                    float[] output = model.run(prepared.modelInput());
                    for (int k = 0; k < pathologies.size(); k++) {
                        probabilities.get(k).add((double) output[pathologies.get(k).outputIndex()]);
                    }
                    studies++;
                } catch (DicomException | UnusableStudyException e) {
                    skipped.add(group.studyInstanceUid().get() + ": " + e.getMessage());
                }
            }
        }
        if (statistics.isEmpty()) {
            throw new IllegalArgumentException("no in-distribution study could be prepared; nothing to fit");
        }
        List<String> constant = constantFeatures(statistics);
        List<InputStatistics> varying = constant.isEmpty() ? statistics : withoutFeatures(statistics, constant);
        double imageRate = targetFalseRejectRate / imagesPerStudy;
        DeterministicSplit split = DeterministicSplit.of(studies, 0.5, seed);
        java.util.Set<Integer> calibrationStudies = new java.util.HashSet<>();
        for (int i : split.calibrationIndices()) {
            calibrationStudies.add(i);
        }
        List<double[]> fitRows = new ArrayList<>();
        List<double[]> calibrationRows = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            (calibrationStudies.contains(studyOfImage.get(i)) ? calibrationRows : fitRows).add(varying.get(i).values());
        }
        ReferenceProfile profile = ProfileFitter.fit(varying.get(0).featureSpecs(), fitRows.toArray(new double[0][]),
                calibrationRows.toArray(new double[0][]), imageRate, floor);
        DriftReference drift = profile.driftReference();
        for (int k = 0; k < pathologies.size(); k++) {
            drift = drift.with(DriftReference.PROBABILITY_PREFIX + pathologies.get(k).code(),
                    probabilities.get(k).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new Fit(profile.withDriftReference(drift), studies, statistics.size(), imageRate, skipped, constant);
    }

    private static List<String> constantFeatures(List<InputStatistics> statistics) {
        List<String> constant = new ArrayList<>();
        double[] first = statistics.get(0).values();
        for (int f = 0; f < first.length; f++) {
            final int k = f;
            if (statistics.stream().allMatch(s -> s.values()[k] == first[k])) {
                constant.add(statistics.get(0).featureSpecs().get(f).name());
            }
        }
        return constant;
    }

    private static List<InputStatistics> withoutFeatures(List<InputStatistics> statistics, List<String> drop) {
        List<InputStatistics> out = new ArrayList<>(statistics.size());
        for (InputStatistics s : statistics) {
            InputStatistics.Builder b = InputStatistics.builder();
            for (int f = 0; f < s.size(); f++) {
                org.dicomguard.ood.FeatureSpec spec = s.featureSpecs().get(f);
                if (!drop.contains(spec.name())) {
                    b.add(spec.name(), spec.unit(), s.values()[f]);
                }
            }
            out.add(b.build());
        }
        return out;
    }
}
