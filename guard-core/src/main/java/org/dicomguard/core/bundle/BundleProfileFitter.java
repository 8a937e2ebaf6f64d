package org.dicomguard.core.bundle;

import ai.onnxruntime.OrtException;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
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
import org.dicomguard.ood.profile.ProfileFitter;
import org.dicomguard.ood.profile.ReferenceProfile;

import java.nio.file.Path;
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
 * split; conservative when views are correlated). Half of the images fit mean and covariance, the
 * other half calibrate the threshold (split conformal), chosen by a seeded split.
 */
public final class BundleProfileFitter {

    /** What a fit produced. */
    public record Fit(ReferenceProfile profile, int studies, int images, double imageFalseRejectRate, List<String> skipped) {
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
        if (!(targetFalseRejectRate > 0 && targetFalseRejectRate < 0.5)) {
            throw new IllegalArgumentException("targetFalseRejectRate must be in (0, 0.5), got " + targetFalseRejectRate);
        }
        StudyPreparer preparer = StudyPreparers.of(bundle.manifest().preprocessing());
        int imagesPerStudy = bundle.manifest().task() == BundleManifest.Task.MAMMOGRAPHY ? 4 : 1;
        List<InputStatistics> statistics = new ArrayList<>();
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
                    List<DicomFile> files = new ArrayList<>();
                    for (Path p : group.files()) {
                        files.add(reader.read(p));
                    }
                    PreparedStudy prepared = preparer.prepare(files);
                    prepared.images().forEach(i -> statistics.add(i.statistics()));
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
        double imageRate = targetFalseRejectRate / imagesPerStudy;
        ReferenceProfile profile = ProfileFitter.fit(statistics, 0.5, seed, imageRate);
        DriftReference drift = profile.driftReference();
        for (int k = 0; k < pathologies.size(); k++) {
            drift = drift.with(DriftReference.PROBABILITY_PREFIX + pathologies.get(k).code(),
                    probabilities.get(k).stream().mapToDouble(Double::doubleValue).toArray());
        }
        return new Fit(profile.withDriftReference(drift), studies, statistics.size(), imageRate, skipped);
    }
}
