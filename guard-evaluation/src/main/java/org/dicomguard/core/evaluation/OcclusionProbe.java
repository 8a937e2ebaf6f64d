package org.dicomguard.core.evaluation;

import ai.onnxruntime.OrtException;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.study.OrganMask;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.UnusableStudyException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The occlusion test of one study: prepares studies through the bundle's own preparer (the
 * Pipeline's code path, which also yields the organ mask on the model input's grid) and runs the
 * bundle's model on three inputs: the study's input itself, the input with everything outside its
 * organ mask taken from a donor study, and the input with the organ taken from the donor.
 *
 * <p>Design note: a donor's pixels rather than a constant. Setting a whole region to the
 * normalization's neutral value (0) gives inputs no model was trained on, and the demo models'
 * outputs moved by about 0.5 whichever side was blanked (chest CT nodule: 0.49 outside, 0.50 organ; measured,
 * README "Where the model looks"), so the measure read the model's response to blank images, not
 * its evidence. A donor keeps both sides realistic: preprocessing scales each study's organ to the
 * grid, so the donor's organ and surroundings sit where the study's would.
 *
 * <p>Opens its own ONNX session ({@link #close()} releases it); the session is thread-safe, so is
 * this class.
 */
public final class OcclusionProbe implements AutoCloseable {

    private final BundleManifest manifest;
    private final StudyPreparer preparer;
    private final DicomReader reader;
    private final OrtModel model;

    /**
     * @param bundle   the bundle whose model is probed
     * @param preparer the bundle's preparer, e.g. {@code pipeline.preparer()}
     * @param reader   reader with the limits to apply, e.g. {@code pipeline.reader()}
     * @throws BundleLoadException when the model contradicts the manifest
     * @throws ModelLoadException  when ONNX Runtime cannot open the model
     */
    public OcclusionProbe(ModelBundle bundle, StudyPreparer preparer, DicomReader reader)
            throws BundleLoadException, ModelLoadException {
        this.manifest = bundle.manifest();
        this.preparer = preparer;
        this.reader = reader;
        this.model = bundle.openModel(InferenceSettings.defaults());
    }

    /**
     * @param study a study's files
     * @return the prepared study when it can be prepared and its task gives a non-empty organ mask
     */
    public Optional<PreparedStudy> prepare(StudyFiles study) {
        try {
            PreparedStudy prepared = preparer.prepare(study, reader);
            return prepared.organMask().filter(m -> m.insideCount() > 0).map(m -> prepared);
        } catch (DicomException | UnusableStudyException e) {
            return Optional.empty();
        }
    }

    /**
     * @param study a study from {@link #prepare}; its organ mask decides the two regions
     * @param donor another study from {@link #prepare}, not modified
     * @return the study's summary; empty when either has no organ mask or the model fails or gives a
     *         non-finite probability
     */
    public Optional<OcclusionSummary> probe(PreparedStudy study, PreparedStudy donor) {
        if (study.organMask().isEmpty() || donor.modelInput().length != study.modelInput().length) {
            return Optional.empty();
        }
        OrganMask mask = study.organMask().get();
        float[] input = study.modelInput();
        float[] other = donor.modelInput();
        float[] outsideSwapped = input.clone();
        float[] organSwapped = input.clone();
        byte[] in = mask.inside();
        for (int i = 0; i < input.length; i++) {
            if (in[i] != 0) {
                organSwapped[i] = other[i];
            } else {
                outsideSwapped[i] = other[i];
            }
        }
        float[] full;
        float[] outside;
        float[] organ;
        try {
            full = model.run(input);
            outside = model.run(outsideSwapped);
            organ = model.run(organSwapped);
        } catch (OrtException | RuntimeException e) {
            return Optional.empty();
        }
        Map<String, OcclusionSummary.Shift> shifts = new LinkedHashMap<>();
        for (BundleManifest.PathologySpec p : manifest.pathologies()) {
            int k = p.outputIndex();
            if (!(Float.isFinite(full[k]) && Float.isFinite(outside[k]) && Float.isFinite(organ[k]))) {
                return Optional.empty();
            }
            shifts.put(p.code(), new OcclusionSummary.Shift(full[k], outside[k], organ[k]));
        }
        return Optional.of(new OcclusionSummary(mask.organ(), mask.insideCount() / (double) input.length, shifts));
    }

    /** Closes the ONNX session. */
    @Override
    public void close() {
        model.close();
    }
}
