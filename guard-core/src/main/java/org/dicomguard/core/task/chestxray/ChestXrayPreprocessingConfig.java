package org.dicomguard.core.task.chestxray;

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

    /** Validates every field; messages name the field, the value and the allowed range. */
    public ChestXrayPreprocessingConfig {
        checkInt("maskWorkingGridPixels", maskWorkingGridPixels, 64, 1024);
        range("collimationUnexposedPresentationFraction", collimationUnexposedPresentationFraction, 0.5, 1, false, false);
        range("collimationLineCoverageFraction", collimationLineCoverageFraction, 0.5, 1, false, true);
        range("collimationMaxStripFraction", collimationMaxStripFraction, 0, 0.45, true, true);
        range("minLungComponentAreaFractionOfBody", minLungComponentAreaFractionOfBody, 0, 0.5, false, false);
        range("lungClosingRadiusMm", lungClosingRadiusMm, 0, 50, true, true);
        range("cropMarginFraction", cropMarginFraction, 0, 0.5, true, true);
        checkInt("modelInputWidthPixels", modelInputWidthPixels, 8, 4096);
        checkInt("modelInputHeightPixels", modelInputHeightPixels, 8, 4096);
        range("normalizationLowPercentile", normalizationLowPercentile, 0, 50, true, false);
        range("normalizationHighPercentile", normalizationHighPercentile, 50, 100, false, true);
    }

    private static int checkInt(String name, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], got " + value);
        }
        return value;
    }

    private static double range(String name, double value, double low, double high, boolean lowIn, boolean highIn) {
        boolean ok = (lowIn ? value >= low : value > low) && (highIn ? value <= high : value < high);
        if (!ok) {
            throw new IllegalArgumentException(name + " must be in " + (lowIn ? "[" : "(") + low + ", " + high
                    + (highIn ? "]" : ")") + ", got " + value);
        }
        return value;
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
    public String taskName() {
        return ChestXrayTask.NAME;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** @return a builder holding this config's values */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Sets values one at a time, each checked when set (the message names the field, the value and
     * its range); {@link #build()} gives the config. Not thread-safe; the config it builds is.
     */
    public static final class Builder {
        private int maskWorkingGridPixels;
        private double collimationUnexposedPresentationFraction;
        private double collimationLineCoverageFraction;
        private double collimationMaxStripFraction;
        private double minLungComponentAreaFractionOfBody;
        private double lungClosingRadiusMm;
        private double cropMarginFraction;
        private int modelInputWidthPixels;
        private int modelInputHeightPixels;
        private double normalizationLowPercentile;
        private double normalizationHighPercentile;
        private boolean lateralViewAccepted;

        private Builder(ChestXrayPreprocessingConfig from) {
            maskWorkingGridPixels = from.maskWorkingGridPixels;
            collimationUnexposedPresentationFraction = from.collimationUnexposedPresentationFraction;
            collimationLineCoverageFraction = from.collimationLineCoverageFraction;
            collimationMaxStripFraction = from.collimationMaxStripFraction;
            minLungComponentAreaFractionOfBody = from.minLungComponentAreaFractionOfBody;
            lungClosingRadiusMm = from.lungClosingRadiusMm;
            cropMarginFraction = from.cropMarginFraction;
            modelInputWidthPixels = from.modelInputWidthPixels;
            modelInputHeightPixels = from.modelInputHeightPixels;
            normalizationLowPercentile = from.normalizationLowPercentile;
            normalizationHighPercentile = from.normalizationHighPercentile;
            lateralViewAccepted = from.lateralViewAccepted;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#maskWorkingGridPixels()}, in [64, 1024] @return this builder */
        public Builder maskWorkingGridPixels(int value) {
            maskWorkingGridPixels = checkInt("maskWorkingGridPixels", value, 64, 1024);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#collimationUnexposedPresentationFraction()}, in (0.5, 1) @return this builder */
        public Builder collimationUnexposedPresentationFraction(double value) {
            collimationUnexposedPresentationFraction = range("collimationUnexposedPresentationFraction", value, 0.5, 1, false, false);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#collimationLineCoverageFraction()}, in (0.5, 1] @return this builder */
        public Builder collimationLineCoverageFraction(double value) {
            collimationLineCoverageFraction = range("collimationLineCoverageFraction", value, 0.5, 1, false, true);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#collimationMaxStripFraction()}, in [0, 0.45] @return this builder */
        public Builder collimationMaxStripFraction(double value) {
            collimationMaxStripFraction = range("collimationMaxStripFraction", value, 0, 0.45, true, true);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#minLungComponentAreaFractionOfBody()}, in (0, 0.5) @return this builder */
        public Builder minLungComponentAreaFractionOfBody(double value) {
            minLungComponentAreaFractionOfBody = range("minLungComponentAreaFractionOfBody", value, 0, 0.5, false, false);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#lungClosingRadiusMm()}, in [0, 50] @return this builder */
        public Builder lungClosingRadiusMm(double value) {
            lungClosingRadiusMm = range("lungClosingRadiusMm", value, 0, 50, true, true);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#cropMarginFraction()}, in [0, 0.5] @return this builder */
        public Builder cropMarginFraction(double value) {
            cropMarginFraction = range("cropMarginFraction", value, 0, 0.5, true, true);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#modelInputWidthPixels()}, in [8, 4096] @return this builder */
        public Builder modelInputWidthPixels(int value) {
            modelInputWidthPixels = checkInt("modelInputWidthPixels", value, 8, 4096);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#modelInputHeightPixels()}, in [8, 4096] @return this builder */
        public Builder modelInputHeightPixels(int value) {
            modelInputHeightPixels = checkInt("modelInputHeightPixels", value, 8, 4096);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#normalizationLowPercentile()}, in [0, 50) @return this builder */
        public Builder normalizationLowPercentile(double value) {
            normalizationLowPercentile = range("normalizationLowPercentile", value, 0, 50, true, false);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#normalizationHighPercentile()}, in (50, 100] @return this builder */
        public Builder normalizationHighPercentile(double value) {
            normalizationHighPercentile = range("normalizationHighPercentile", value, 50, 100, false, true);
            return this;
        }

        /** @param value see {@link ChestXrayPreprocessingConfig#lateralViewAccepted()} @return this builder */
        public Builder lateralViewAccepted(boolean value) {
            lateralViewAccepted = value;
            return this;
        }

        /**
         * @param widthPixels  model input width in [8, 4096]
         * @param heightPixels model input height in [8, 4096]
         * @return this builder
         */
        public Builder modelInputPixels(int widthPixels, int heightPixels) {
            return modelInputWidthPixels(widthPixels).modelInputHeightPixels(heightPixels);
        }

        /** @return the config with the values set so far (each already checked) */
        public ChestXrayPreprocessingConfig build() {
            return new ChestXrayPreprocessingConfig(maskWorkingGridPixels, collimationUnexposedPresentationFraction, collimationLineCoverageFraction, collimationMaxStripFraction, minLungComponentAreaFractionOfBody, lungClosingRadiusMm, cropMarginFraction, modelInputWidthPixels, modelInputHeightPixels, normalizationLowPercentile, normalizationHighPercentile, lateralViewAccepted);
        }
    }
}
