package org.dicomguard.core.task.mammography;

import org.dicomguard.core.preprocess.PreprocessingConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.dicomguard.core.json.StrictJson;

/**
 * Every setting of mammography preprocessing, with units in the names. The canonical JSON of this
 * record is fingerprinted into the model bundle, so any change here changes the fingerprint.
 *
 * <p>Design note: the historical key {@code bin_threshold} was mistaken for a pathology decision
 * threshold; here the same setting is {@code breastMaskBinarizationThresholdFraction} and reading
 * JSON is strict, so the old key is an error instead of being silently ignored.
 *
 * @param breastMaskThresholdMethod              how the mask threshold is chosen; default FIXED_FRACTION
 * @param breastMaskBinarizationThresholdFraction position of the mask threshold between the image's 1st
 *                                               and 99th intensity percentile, in (0, 1); used by
 *                                               FIXED_FRACTION only; default 0.15
 * @param cropMarginFraction                     margin added on each side of the mask bounding box, as a
 *                                               fraction of the box size, in [0, 0.5]; default 0.02
 * @param modelInputWidthPixels                  width of the model input tensor, in [8, 4096]; default 208
 * @param modelInputHeightPixels                 height of the model input tensor, in [8, 4096]; default 256
 * @param normalizationLowPercentile             intensity percentile inside the mask mapped to 0, in
 *                                               [0, 50) percent; default 1
 * @param normalizationHighPercentile            intensity percentile inside the mask mapped to 1, in
 *                                               (50, 100] percent; default 99.9 (at 99 the brightest
 *                                               tissue clipped to the level of calcifications, and a
 *                                               small CNN at 128 x 104 could not learn them: held-out
 *                                               AUC 0.83 against 0.99 at 99.9)
 * @param canonicalChestWallSide                 side the chest wall is moved to; default LEFT
 */
public record MammographyPreprocessingConfig(
        BreastMaskThresholdMethod breastMaskThresholdMethod,
        double breastMaskBinarizationThresholdFraction,
        double cropMarginFraction,
        int modelInputWidthPixels,
        int modelInputHeightPixels,
        double normalizationLowPercentile,
        double normalizationHighPercentile,
        ChestWallSide canonicalChestWallSide) implements PreprocessingConfig {

    /** Validates every field; messages name the field, the value and the allowed range. */
    public MammographyPreprocessingConfig {
        checkMethod(breastMaskThresholdMethod);
        checkThresholdFraction(breastMaskBinarizationThresholdFraction);
        checkCropMargin(cropMarginFraction);
        checkPixels("modelInputWidthPixels", modelInputWidthPixels);
        checkPixels("modelInputHeightPixels", modelInputHeightPixels);
        checkLowPercentile(normalizationLowPercentile);
        checkHighPercentile(normalizationHighPercentile);
        checkSide(canonicalChestWallSide);
    }

    private static BreastMaskThresholdMethod checkMethod(BreastMaskThresholdMethod value) {
        if (value == null) {
            throw new IllegalArgumentException("breastMaskThresholdMethod must be OTSU or FIXED_FRACTION, got null");
        }
        return value;
    }

    private static double checkThresholdFraction(double value) {
        if (!(value > 0 && value < 1)) {
            throw new IllegalArgumentException("breastMaskBinarizationThresholdFraction must be in (0, 1), got " + value);
        }
        return value;
    }

    private static double checkCropMargin(double value) {
        if (!(value >= 0 && value <= 0.5)) {
            throw new IllegalArgumentException("cropMarginFraction must be in [0, 0.5], got " + value);
        }
        return value;
    }

    private static int checkPixels(String name, int value) {
        if (value < 8 || value > 4096) {
            throw new IllegalArgumentException(name + " must be in [8, 4096], got " + value);
        }
        return value;
    }

    private static double checkLowPercentile(double value) {
        if (!(value >= 0 && value < 50)) {
            throw new IllegalArgumentException("normalizationLowPercentile must be in [0, 50), got " + value);
        }
        return value;
    }

    private static double checkHighPercentile(double value) {
        if (!(value > 50 && value <= 100)) {
            throw new IllegalArgumentException("normalizationHighPercentile must be in (50, 100], got " + value);
        }
        return value;
    }

    private static ChestWallSide checkSide(ChestWallSide value) {
        if (value == null) {
            throw new IllegalArgumentException("canonicalChestWallSide must be LEFT or RIGHT, got null");
        }
        return value;
    }

    /** @return the defaults documented on each field */
    public static MammographyPreprocessingConfig defaults() {
        return new MammographyPreprocessingConfig(BreastMaskThresholdMethod.FIXED_FRACTION, 0.15, 0.02, 208, 256,
                1.0, 99.9, ChestWallSide.LEFT);
    }

    /**
     * Reads a config strictly: every key required, unknown or misspelled keys (such as the historical
     * {@code bin_threshold}) rejected.
     *
     * @param json the JSON object text
     * @return the validated config
     * @throws IllegalArgumentException naming the offending key or value
     */
    public static MammographyPreprocessingConfig fromJson(String json) {
        try {
            com.fasterxml.jackson.databind.JsonNode tree = StrictJson.mapper().readTree(json);
            checkKeys(tree);
            return StrictJson.mapper().treeToValue(tree, MammographyPreprocessingConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException("invalid mammography preprocessing config: " + message(cause), e);
        }
    }

    /** Names every unknown and every missing key at once, before Jackson stops at the first problem. */
    private static void checkKeys(com.fasterxml.jackson.databind.JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("invalid mammography preprocessing config: expected a JSON object");
        }
        java.util.Set<String> allowed = new java.util.TreeSet<>();
        for (java.lang.reflect.RecordComponent component : MammographyPreprocessingConfig.class.getRecordComponents()) {
            allowed.add(component.getName());
        }
        java.util.Set<String> unknown = new java.util.TreeSet<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!allowed.contains(name)) {
                unknown.add(name);
            }
        });
        java.util.Set<String> missing = new java.util.TreeSet<>(allowed);
        tree.fieldNames().forEachRemaining(missing::remove);
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new IllegalArgumentException("invalid mammography preprocessing config: unknown keys " + unknown
                    + ", missing keys " + missing + "; allowed keys are " + allowed);
        }
    }

    private static String message(Throwable cause) {
        if (cause instanceof JsonProcessingException) {
            return ((JsonProcessingException) cause).getOriginalMessage();
        }
        return cause.getMessage();
    }

    @Override
    public String taskName() {
        return org.dicomguard.core.task.mammography.MammographyTask.NAME;
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
     * Shorthand for {@code toBuilder().breastMaskBinarizationThresholdFraction(value).build()}.
     *
     * @param value new fraction in (0, 1)
     * @return a copy with it
     */
    public MammographyPreprocessingConfig withBreastMaskBinarizationThresholdFraction(double value) {
        return toBuilder().breastMaskBinarizationThresholdFraction(value).build();
    }

    /**
     * Sets values one at a time, each checked when set (the message names the field, the value and
     * its range); {@link #build()} gives the config. Not thread-safe; the config it builds is.
     */
    public static final class Builder {
        private BreastMaskThresholdMethod breastMaskThresholdMethod;
        private double breastMaskBinarizationThresholdFraction;
        private double cropMarginFraction;
        private int modelInputWidthPixels;
        private int modelInputHeightPixels;
        private double normalizationLowPercentile;
        private double normalizationHighPercentile;
        private ChestWallSide canonicalChestWallSide;

        private Builder(MammographyPreprocessingConfig from) {
            breastMaskThresholdMethod = from.breastMaskThresholdMethod;
            breastMaskBinarizationThresholdFraction = from.breastMaskBinarizationThresholdFraction;
            cropMarginFraction = from.cropMarginFraction;
            modelInputWidthPixels = from.modelInputWidthPixels;
            modelInputHeightPixels = from.modelInputHeightPixels;
            normalizationLowPercentile = from.normalizationLowPercentile;
            normalizationHighPercentile = from.normalizationHighPercentile;
            canonicalChestWallSide = from.canonicalChestWallSide;
        }

        /** @param value see {@link MammographyPreprocessingConfig#breastMaskThresholdMethod()} @return this builder */
        public Builder breastMaskThresholdMethod(BreastMaskThresholdMethod value) {
            breastMaskThresholdMethod = checkMethod(value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#breastMaskBinarizationThresholdFraction()} @return this builder */
        public Builder breastMaskBinarizationThresholdFraction(double value) {
            breastMaskBinarizationThresholdFraction = checkThresholdFraction(value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#cropMarginFraction()} @return this builder */
        public Builder cropMarginFraction(double value) {
            cropMarginFraction = checkCropMargin(value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#modelInputWidthPixels()} @return this builder */
        public Builder modelInputWidthPixels(int value) {
            modelInputWidthPixels = checkPixels("modelInputWidthPixels", value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#modelInputHeightPixels()} @return this builder */
        public Builder modelInputHeightPixels(int value) {
            modelInputHeightPixels = checkPixels("modelInputHeightPixels", value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#normalizationLowPercentile()} @return this builder */
        public Builder normalizationLowPercentile(double value) {
            normalizationLowPercentile = checkLowPercentile(value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#normalizationHighPercentile()} @return this builder */
        public Builder normalizationHighPercentile(double value) {
            normalizationHighPercentile = checkHighPercentile(value);
            return this;
        }

        /** @param value see {@link MammographyPreprocessingConfig#canonicalChestWallSide()} @return this builder */
        public Builder canonicalChestWallSide(ChestWallSide value) {
            canonicalChestWallSide = checkSide(value);
            return this;
        }

        /** @return the config with the values set so far (each already checked) */
        public MammographyPreprocessingConfig build() {
            return new MammographyPreprocessingConfig(breastMaskThresholdMethod, breastMaskBinarizationThresholdFraction,
                    cropMarginFraction, modelInputWidthPixels, modelInputHeightPixels, normalizationLowPercentile,
                    normalizationHighPercentile, canonicalChestWallSide);
        }
    }
}
