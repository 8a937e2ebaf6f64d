package org.dicomguard.core.bundle;

import ai.onnxruntime.OrtException;
import org.dicomguard.core.inference.OnnxModelInfo;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.study.StudyPreparers;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@code make-bundle} checks about a model before it bundles it: the input shape is the one
 * the preprocessing produces, there is one output per pathology, and the outputs are
 * probabilities (finite, in [0, 1]) on probe inputs. A model that fails is refused with the
 * reason, so a bundle with logits or a wrong tensor layout is never released. Stateless.
 */
public final class BundleModelCheck {

    private BundleModelCheck() {
    }

    /**
     * @param config the preprocessing config the model was trained with
     * @return the input shape without the batch dimension that this preprocessing produces
     */
    public static long[] expectedInputShape(PreprocessingConfig config) {
        Objects.requireNonNull(config, "config");
        // One answer for every task, the preparers' own: this check used to keep a copy that knew
        // only mammography and chest CT and refused every chest radiograph model.
        return StudyPreparers.inputShape(config);
    }

    /**
     * @param model          the opened model
     * @param config         its preprocessing config
     * @param pathologyCount pathologies the manifest will map, one output each
     * @throws IllegalArgumentException naming the check that failed
     * @throws OrtException             when a probe inference fails
     */
    public static void check(OrtModel model, PreprocessingConfig config, int pathologyCount) throws OrtException {
        OnnxModelInfo info = model.info();
        long[] declared = info.inputShape();
        long[] expected = expectedInputShape(config);
        boolean shapeOk = declared.length == expected.length + 1
                && Arrays.equals(Arrays.copyOfRange(declared, 1, declared.length), expected)
                && (declared[0] == -1 || declared[0] == 1);
        if (!shapeOk) {
            throw new IllegalArgumentException("model input shape " + Arrays.toString(declared) + " is not [batch, "
                    + Arrays.toString(expected).substring(1) + " that the preprocessing config produces");
        }
        long[] out = info.outputShape();
        long outputs = out.length == 0 ? -1 : out[out.length - 1];
        if (outputs != pathologyCount) {
            throw new IllegalArgumentException("model output shape " + Arrays.toString(out) + " has " + outputs
                    + " outputs but " + pathologyCount + " pathologies are mapped (one output each)");
        }
        float[] probe = new float[model.inputLength()];
        for (String name : new String[] {"zeros", "ones", "ramp"}) {
            for (int i = 0; i < probe.length; i++) {
                probe[i] = switch (name) {
                    case "zeros" -> 0f;
                    case "ones" -> 1f;
                    default -> (i % 97) / 96f;
                };
            }
            float[] result = model.run(probe);
            for (int k = 0; k < result.length; k++) {
                if (!(result[k] >= 0f && result[k] <= 1f)) {
                    throw new IllegalArgumentException("model output " + k + " is " + result[k] + " on the '" + name
                            + "' probe input: outputs must be probabilities in [0, 1] (is the sigmoid missing?)");
                }
            }
        }
    }
}
