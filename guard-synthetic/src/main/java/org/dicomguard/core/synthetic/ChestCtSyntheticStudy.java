package org.dicomguard.core.synthetic;

import org.dicomguard.core.task.chestct.CtSliceInput;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One synthetic CT study with its ground truth: header values, slices as
 * {@link CtSliceInput} (stored values plus geometry) and labels. It holds no patient identifiers;
 * writing DICOM from it is the caller's job.
 *
 * <p>The ground-truth lung mask is on the assembled volume's grid: slices ascending along the
 * slice normal (feet to head), which is the order of {@code CtVolume} and the reverse of
 * {@code slices}, which come head first by InstanceNumber as scanners send them.
 *
 * <p>Arrays are not copied; callers must not modify them.
 *
 * @param seed                      the seed that reproduces this study
 * @param kind                      what the study shows; only {@link ChestCtStudyKind#CHEST} is in distribution
 * @param studyInstanceUid          DICOM StudyInstanceUID
 * @param seriesInstanceUid         DICOM SeriesInstanceUID of every slice
 * @param modality                  DICOM Modality, always {@code CT}
 * @param bodyPartExamined          DICOM BodyPartExamined
 * @param photometricInterpretation DICOM PhotometricInterpretation ({@code MONOCHROME2} unless the kind says otherwise)
 * @param slices                    slices ordered by InstanceNumber 1.., head first
 * @param pathologies               the pathologies painted into the image (always empty for kinds without lungs)
 * @param groundTruthLungMask       0/1 per voxel, index {@code (z * rows + y) * columns + x}, z ascending along the normal
 */
public record ChestCtSyntheticStudy(
        long seed,
        ChestCtStudyKind kind,
        String studyInstanceUid,
        String seriesInstanceUid,
        String modality,
        String bodyPartExamined,
        String photometricInterpretation,
        List<CtSliceInput> slices,
        Set<ChestCtPathology> pathologies,
        byte[] groundTruthLungMask) {

    /** Validates non-null components and copies the collections. */
    public ChestCtSyntheticStudy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(bodyPartExamined, "bodyPartExamined");
        Objects.requireNonNull(photometricInterpretation, "photometricInterpretation");
        Objects.requireNonNull(groundTruthLungMask, "groundTruthLungMask");
        slices = List.copyOf(slices);
        pathologies = Set.copyOf(pathologies);
        if (slices.isEmpty()) {
            throw new IllegalArgumentException("slices must not be empty");
        }
        long voxels = (long) slices.size() * slices.get(0).rows() * slices.get(0).columns();
        if (groundTruthLungMask.length != voxels) {
            throw new IllegalArgumentException("groundTruthLungMask must have " + voxels + " entries, got "
                    + groundTruthLungMask.length);
        }
    }

    /** @param pathology the label asked for @return 1 if present, else 0 */
    public int label(ChestCtPathology pathology) {
        return pathologies.contains(pathology) ? 1 : 0;
    }
}
