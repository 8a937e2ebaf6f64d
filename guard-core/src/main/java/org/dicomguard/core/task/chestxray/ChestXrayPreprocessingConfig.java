package org.dicomguard.core.task.chestxray;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.util.Objects;

/**
 * Every setting of chest radiograph preprocessing, with units in the names. The canonical JSON of
 * this record is fingerprinted into the model bundle, so any change here changes the fingerprint.
 *
 * @param maskWorkingGridPixels                  longest side of the reduced image the collimation
 *                                               and lung-field masks are computed on, in [64, 1024];
 *                                               default 256
 * @param collimationUnexposedPresentationFraction presentation value (0 dark, 1 bright) at or above
 *                                               which a pixel counts as unexposed (collimator
 *                                               shutter, white border); in (0.5, 1); default 0.9
 * @param collimationLineCoverageFraction        fraction of a border row or column that must be
 *                                               unexposed or padding for the line to be stripped,
 *                                               in (0.5, 1]; default 0.9
 * @param collimationMaxStripFraction            largest part of the image stripped from one side,
 *                                               in [0, 0.45]; default 0.3
 * @param minLungComponentAreaFractionOfBody     smallest dark component inside the body kept as a
 *                                               lung field, as a fraction of the body area, in
 *                                               (0, 0.5); default 0.02
 * @param lungClosingRadiusMm                    radius of the closing that bridges ribs and vessels
 *                                               in the lung mask, in [0, 50] mm; default 8
 * @param cropMarginFraction                     margin added on each side of the lung-field
 *                                               bounding box, as a fraction of its size, in
 *                                               [0, 0.5]; default 0.05
 * @param modelInputWidthPixels                  width of the model input, in [8, 4096]; default 256
 * @param modelInputHeightPixels                 height of the model input, in [8, 4096]; default 256
 * @param normalizationLowPercentile             presentation percentile inside the lung mask mapped
 *                                               to 0, in [0, 50); default 1
 * @param normalizationHighPercentile            presentation percentile inside the lung mask mapped
 *                                               to 1, in (50, 100]; default 99
 * @param lateralViewAccepted                    whether a study with no frontal (PA/AP) image may
 *                                               use a lateral one (LL/RL); default false
 */
public record ChestXrayPreprocessingConfig(
        int maskWorkingGridPixels,
        double collimationUnexposedPresentationFraction,
        double collimationLineCoverageFraction,
        double collimationMaxStripFraction,
        double minLungComponentAreaFractionOfBody,
        double lungClosingRadiusMm,
        double cropMarginFraction,
        int modelInputWidthPixels,
        int modelInputHeightPixels,
        double normalizationLowPercentile,
        double normalizationHighPercentile,
        boolean lateralViewAccepted) implements PreprocessingConfig {

    /** The task name, as in the bundle manifest and on the command line. */
    public static final String TASK_NAME = "chest-xray";

    /** Validates every field; messages name the field, the value and the allowed range. */
    public ChestXrayPreprocessingConfig {
        if (maskWorkingGridPixels < 64 || maskWorkingGridPixels > 1024) {
            throw new IllegalArgumentException("maskWorkingGridPixels must be in [64, 1024], got " + maskWorkingGridPixels);
        }
        range("collimationUnexposedPresentationFraction", collimationUnexposedPresentationFraction, 0.5, 1, false, false);
        range("collimationLineCoverageFraction", collimationLineCoverageFraction, 0.5, 1, false, true);
        range("collimationMaxStripFraction", collimationMaxStripFraction, 0, 0.45, true, true);
        range("minLungComponentAreaFractionOfBody", minLungComponentAreaFractionOfBody, 0, 0.5, false, false);
        range("lungClosingRadiusMm", lungClosingRadiusMm, 0, 50, true, true);
        range("cropMarginFraction", cropMarginFraction, 0, 0.5, true, true);
        if (modelInputWidthPixels < 8 || modelInputWidthPixels > 4096) {
            throw new IllegalArgumentException("modelInputWidthPixels must be in [8, 4096], got " + modelInputWidthPixels);
        }
        if (modelInputHeightPixels < 8 || modelInputHeightPixels > 4096) {
            throw new IllegalArgumentException("modelInputHeightPixels must be in [8, 4096], got " + modelInputHeightPixels);
        }
        range("normalizationLowPercentile", normalizationLowPercentile, 0, 50, true, false);
        range("normalizationHighPercentile", normalizationHighPercentile, 50, 100, false, true);
    }

    private static void range(String name, double value, double low, double high, boolean lowIn, boolean highIn) {
        boolean ok = (lowIn ? value >= low : value > low) && (highIn ? value <= high : value < high);
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + (lowIn ? "[" : "(") + low + ", " + high
                    + (highIn ? "]" : ")") + ", got " + value);
        }
    }

    /** @return the defaults documented on each field */
    public static ChestXrayPreprocessingConfig defaults() {
        return new ChestXrayPreprocessingConfig(256, 0.9, 0.9, 0.3, 0.02, 8, 0.05, 256, 256, 1, 99, false);
    }

    /**
     * Reads a config strictly: every key required, unknown keys rejected.
     *
     * @param json a JSON object with every component as a key, nothing else
     * @return the validated config
     * @throws IllegalArgumentException if a key is unknown or missing or a value is out of range
     */
    public static ChestXrayPreprocessingConfig fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return StrictJson.mapper().readValue(json, ChestXrayPreprocessingConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("invalid chest-xray preprocessing config: "
                    + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
        }
    }

    @Override
    @JsonIgnore
    public String taskName() {
        return TASK_NAME;
    }

    /** @return canonical JSON (keys sorted), the form that is fingerprinted */
    public String toCanonicalJson() {
        return StrictJson.canonicalJson(this);
    }

    /** @return lower-case hex SHA-256 of {@link #toCanonicalJson()} */
    public String sha256Fingerprint() {
        return StrictJson.fingerprint(this);
    }

    /**
     * @param widthPixels  model input width in [8, 4096]
     * @param heightPixels model input height in [8, 4096]
     * @return a copy with that model grid
     */
    public ChestXrayPreprocessingConfig withModelInputPixels(int widthPixels, int heightPixels) {
        return new ChestXrayPreprocessingConfig(maskWorkingGridPixels, collimationUnexposedPresentationFraction,
                collimationLineCoverageFraction, collimationMaxStripFraction, minLungComponentAreaFractionOfBody,
                lungClosingRadiusMm, cropMarginFraction, widthPixels, heightPixels, normalizationLowPercentile,
                normalizationHighPercentile, lateralViewAccepted);
    }

    /** @param value whether a lateral image may be used when no frontal one exists @return a copy with it */
    public ChestXrayPreprocessingConfig withLateralViewAccepted(boolean value) {
        return new ChestXrayPreprocessingConfig(maskWorkingGridPixels, collimationUnexposedPresentationFraction,
                collimationLineCoverageFraction, collimationMaxStripFraction, minLungComponentAreaFractionOfBody,
                lungClosingRadiusMm, cropMarginFraction, modelInputWidthPixels, modelInputHeightPixels,
                normalizationLowPercentile, normalizationHighPercentile, value);
    }
}
