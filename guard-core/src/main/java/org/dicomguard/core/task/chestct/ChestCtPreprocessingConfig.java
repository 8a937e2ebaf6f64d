package org.dicomguard.core.task.chestct;

import org.dicomguard.core.preprocess.PreprocessingConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.dicomguard.core.json.StrictJson;

import java.util.Objects;

/**
 * Every tunable value of chest-CT preprocessing (series assembly, 3D lung mask, crop, resample,
 * lung window), with its unit in its name. The JSON keys are the component names.
 *
 * <p>Design note: a binarization threshold once was edited in the belief that it was a decision
 * threshold. So each name says what it thresholds and in which unit, the constructor refuses
 * values outside a plausible range naming field, value and range, and {@link #sha256Fingerprint()}
 * travels with the model so that a changed config cannot silently meet an old model.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lungMaskUpperBoundHu             voxels below this HU are air candidates for the lung mask; default -400, range [-900, -100]
 * @param lungMaskLowerBoundHu             voxels below this HU (outside-field padding) never count as lung; default -1100, range [-3100, -950], below the upper bound
 * @param bodyThresholdHu                  voxels above this HU count as body for statistics; default -300, range [-800, 200]
 * @param minLungComponentVolumeMl         air components smaller than this are not lungs (sinus, bowel gas, noise); default 20, range [0, 1000]
 * @param airwaySeparationRadiusMm         radius of the morphological opening that cuts trachea and main bronchi off the lungs; default 6, range [0, 20]; 0 disables
 * @param lungMaskClosingRadiusMm          radius of the closing that pulls vessels and juxta-pleural nodules into the mask; default 3, range [0, 15]; 0 disables
 * @param cropMarginMm                     margin added on every side of the lung bounding box before resampling; default 10, range [0, 100]
 * @param targetGridDepthVoxels            slices of the model input tensor; default 32, range [4, 512]
 * @param targetGridHeightVoxels           rows of the model input tensor; default 64, range [8, 1024]
 * @param targetGridWidthVoxels            columns of the model input tensor; default 64, range [8, 1024]
 * @param lungWindowCenterHu               center of the window mapped to [0, 1]; default -600, range [-1200, 400]
 * @param lungWindowWidthHu                width of the window mapped to [0, 1]; default 1500, range [1, 5000]
 * @param maxSliceSpacingDeviationFraction largest allowed deviation of one slice gap from the median gap, as a fraction of it; default 0.1, range [0.001, 0.5]
 * @param minSliceCount                    fewer slices than this are refused; default 16, range [2, 4096]
 */
public record ChestCtPreprocessingConfig(
        int lungMaskUpperBoundHu,
        int lungMaskLowerBoundHu,
        int bodyThresholdHu,
        double minLungComponentVolumeMl,
        double airwaySeparationRadiusMm,
        double lungMaskClosingRadiusMm,
        double cropMarginMm,
        int targetGridDepthVoxels,
        int targetGridHeightVoxels,
        int targetGridWidthVoxels,
        double lungWindowCenterHu,
        double lungWindowWidthHu,
        double maxSliceSpacingDeviationFraction,
        int minSliceCount) implements PreprocessingConfig {

    /** Validates every component; messages name the field, the value and the allowed range, or both fields of a conflict. */
    public ChestCtPreprocessingConfig {
        checkLungMaskUpperBoundHu(lungMaskUpperBoundHu);
        checkLungMaskLowerBoundHu(lungMaskLowerBoundHu);
        checkBodyThresholdHu(bodyThresholdHu);
        checkMinLungComponentVolumeMl(minLungComponentVolumeMl);
        checkAirwaySeparationRadiusMm(airwaySeparationRadiusMm);
        checkLungMaskClosingRadiusMm(lungMaskClosingRadiusMm);
        checkCropMarginMm(cropMarginMm);
        checkTargetGridDepthVoxels(targetGridDepthVoxels);
        checkTargetGridHeightVoxels(targetGridHeightVoxels);
        checkTargetGridWidthVoxels(targetGridWidthVoxels);
        checkLungWindowCenterHu(lungWindowCenterHu);
        checkLungWindowWidthHu(lungWindowWidthHu);
        checkMaxSliceSpacingDeviationFraction(maxSliceSpacingDeviationFraction);
        checkMinSliceCount(minSliceCount);
        checkBounds(lungMaskLowerBoundHu, lungMaskUpperBoundHu);
    }

    private static int checkLungMaskUpperBoundHu(int value) {
        checkRange("lungMaskUpperBoundHu", value, -900, -100);
        return value;
    }

    private static int checkLungMaskLowerBoundHu(int value) {
        checkRange("lungMaskLowerBoundHu", value, -3100, -950);
        return value;
    }

    private static int checkBodyThresholdHu(int value) {
        checkRange("bodyThresholdHu", value, -800, 200);
        return value;
    }

    private static double checkMinLungComponentVolumeMl(double value) {
        checkRange("minLungComponentVolumeMl", value, 0, 1000);
        return value;
    }

    private static double checkAirwaySeparationRadiusMm(double value) {
        checkRange("airwaySeparationRadiusMm", value, 0, 20);
        return value;
    }

    private static double checkLungMaskClosingRadiusMm(double value) {
        checkRange("lungMaskClosingRadiusMm", value, 0, 15);
        return value;
    }

    private static double checkCropMarginMm(double value) {
        checkRange("cropMarginMm", value, 0, 100);
        return value;
    }

    private static int checkTargetGridDepthVoxels(int value) {
        checkRange("targetGridDepthVoxels", value, 4, 512);
        return value;
    }

    private static int checkTargetGridHeightVoxels(int value) {
        checkRange("targetGridHeightVoxels", value, 8, 1024);
        return value;
    }

    private static int checkTargetGridWidthVoxels(int value) {
        checkRange("targetGridWidthVoxels", value, 8, 1024);
        return value;
    }

    private static double checkLungWindowCenterHu(double value) {
        checkRange("lungWindowCenterHu", value, -1200, 400);
        return value;
    }

    private static double checkLungWindowWidthHu(double value) {
        checkRange("lungWindowWidthHu", value, 1, 5000);
        return value;
    }

    private static double checkMaxSliceSpacingDeviationFraction(double value) {
        checkRange("maxSliceSpacingDeviationFraction", value, 0.001, 0.5);
        return value;
    }

    private static int checkMinSliceCount(int value) {
        checkRange("minSliceCount", value, 2, 4096);
        return value;
    }

    private static void checkBounds(int lowerHu, int upperHu) {
        if (lowerHu >= upperHu) {
            throw new IllegalArgumentException("lungMaskLowerBoundHu must be below lungMaskUpperBoundHu ("
                    + upperHu + "), got " + lowerHu);
        }
    }

    /** @return the defaults documented on each component */
    public static ChestCtPreprocessingConfig defaults() {
        return new ChestCtPreprocessingConfig(-400, -1100, -300, 20, 6, 3, 10, 32, 64, 64, -600, 1500, 0.1, 16);
    }

    /**
     * @param json a JSON object with every component as a key, nothing else
     * @return the validated config
     * @throws IllegalArgumentException if a key is unknown or missing, a value has the wrong type
     *                                  or lies outside its range
     */
    public static ChestCtPreprocessingConfig fromJson(String json) {
        Objects.requireNonNull(json, "json");
        try {
            return StrictJson.mapper().readValue(json, ChestCtPreprocessingConfig.class);
        } catch (JsonProcessingException e) {
            // Jackson wraps constructor failures; surface the validation message when there is one.
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new IllegalArgumentException("invalid chest-CT preprocessing config: "
                    + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
        }
    }

    @Override
    public String taskName() {
        return org.dicomguard.core.task.chestct.ChestCtTask.NAME;
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
     * Shorthand for {@code toBuilder().lungMaskUpperBoundHu(value).build()}.
     *
     * @param value see the component
     * @return a copy with this value
     */
    public ChestCtPreprocessingConfig withLungMaskUpperBoundHu(int value) {
        return toBuilder().lungMaskUpperBoundHu(value).build();
    }

    /**
     * Sets values one at a time, each checked against its range when set; {@link #build()} checks
     * what involves two values (the lung mask bounds) and names both. Not thread-safe; the config
     * it builds is.
     */
    public static final class Builder {
        private int lungMaskUpperBoundHu;
        private int lungMaskLowerBoundHu;
        private int bodyThresholdHu;
        private double minLungComponentVolumeMl;
        private double airwaySeparationRadiusMm;
        private double lungMaskClosingRadiusMm;
        private double cropMarginMm;
        private int targetGridDepthVoxels;
        private int targetGridHeightVoxels;
        private int targetGridWidthVoxels;
        private double lungWindowCenterHu;
        private double lungWindowWidthHu;
        private double maxSliceSpacingDeviationFraction;
        private int minSliceCount;

        private Builder(ChestCtPreprocessingConfig from) {
            lungMaskUpperBoundHu = from.lungMaskUpperBoundHu;
            lungMaskLowerBoundHu = from.lungMaskLowerBoundHu;
            bodyThresholdHu = from.bodyThresholdHu;
            minLungComponentVolumeMl = from.minLungComponentVolumeMl;
            airwaySeparationRadiusMm = from.airwaySeparationRadiusMm;
            lungMaskClosingRadiusMm = from.lungMaskClosingRadiusMm;
            cropMarginMm = from.cropMarginMm;
            targetGridDepthVoxels = from.targetGridDepthVoxels;
            targetGridHeightVoxels = from.targetGridHeightVoxels;
            targetGridWidthVoxels = from.targetGridWidthVoxels;
            lungWindowCenterHu = from.lungWindowCenterHu;
            lungWindowWidthHu = from.lungWindowWidthHu;
            maxSliceSpacingDeviationFraction = from.maxSliceSpacingDeviationFraction;
            minSliceCount = from.minSliceCount;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#lungMaskUpperBoundHu()}, in [-900, -100] @return this builder */
        public Builder lungMaskUpperBoundHu(int value) {
            lungMaskUpperBoundHu = checkLungMaskUpperBoundHu(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#lungMaskLowerBoundHu()}, in [-3100, -950] @return this builder */
        public Builder lungMaskLowerBoundHu(int value) {
            lungMaskLowerBoundHu = checkLungMaskLowerBoundHu(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#bodyThresholdHu()}, in [-800, 200] @return this builder */
        public Builder bodyThresholdHu(int value) {
            bodyThresholdHu = checkBodyThresholdHu(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#minLungComponentVolumeMl()}, in [0, 1000] @return this builder */
        public Builder minLungComponentVolumeMl(double value) {
            minLungComponentVolumeMl = checkMinLungComponentVolumeMl(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#airwaySeparationRadiusMm()}, in [0, 20] @return this builder */
        public Builder airwaySeparationRadiusMm(double value) {
            airwaySeparationRadiusMm = checkAirwaySeparationRadiusMm(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#lungMaskClosingRadiusMm()}, in [0, 15] @return this builder */
        public Builder lungMaskClosingRadiusMm(double value) {
            lungMaskClosingRadiusMm = checkLungMaskClosingRadiusMm(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#cropMarginMm()}, in [0, 100] @return this builder */
        public Builder cropMarginMm(double value) {
            cropMarginMm = checkCropMarginMm(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#targetGridDepthVoxels()}, in [4, 512] @return this builder */
        public Builder targetGridDepthVoxels(int value) {
            targetGridDepthVoxels = checkTargetGridDepthVoxels(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#targetGridHeightVoxels()}, in [8, 1024] @return this builder */
        public Builder targetGridHeightVoxels(int value) {
            targetGridHeightVoxels = checkTargetGridHeightVoxels(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#targetGridWidthVoxels()}, in [8, 1024] @return this builder */
        public Builder targetGridWidthVoxels(int value) {
            targetGridWidthVoxels = checkTargetGridWidthVoxels(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#lungWindowCenterHu()}, in [-1200, 400] @return this builder */
        public Builder lungWindowCenterHu(double value) {
            lungWindowCenterHu = checkLungWindowCenterHu(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#lungWindowWidthHu()}, in [1, 5000] @return this builder */
        public Builder lungWindowWidthHu(double value) {
            lungWindowWidthHu = checkLungWindowWidthHu(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#maxSliceSpacingDeviationFraction()}, in [0.001, 0.5] @return this builder */
        public Builder maxSliceSpacingDeviationFraction(double value) {
            maxSliceSpacingDeviationFraction = checkMaxSliceSpacingDeviationFraction(value);
            return this;
        }

        /** @param value see {@link ChestCtPreprocessingConfig#minSliceCount()}, in [2, 4096] @return this builder */
        public Builder minSliceCount(int value) {
            minSliceCount = checkMinSliceCount(value);
            return this;
        }

        /**
         * @param depthVoxels  see {@link ChestCtPreprocessingConfig#targetGridDepthVoxels()}
         * @param heightVoxels see {@link ChestCtPreprocessingConfig#targetGridHeightVoxels()}
         * @param widthVoxels  see {@link ChestCtPreprocessingConfig#targetGridWidthVoxels()}
         * @return this builder
         */
        public Builder targetGridVoxels(int depthVoxels, int heightVoxels, int widthVoxels) {
            return targetGridDepthVoxels(depthVoxels).targetGridHeightVoxels(heightVoxels).targetGridWidthVoxels(widthVoxels);
        }

        /**
         * @param centerHu see {@link ChestCtPreprocessingConfig#lungWindowCenterHu()}
         * @param widthHu  see {@link ChestCtPreprocessingConfig#lungWindowWidthHu()}
         * @return this builder
         */
        public Builder lungWindow(double centerHu, double widthHu) {
            return lungWindowCenterHu(centerHu).lungWindowWidthHu(widthHu);
        }

        /**
         * @return the config with the values set so far
         * @throws IllegalArgumentException when lungMaskLowerBoundHu is not below lungMaskUpperBoundHu (naming both)
         */
        public ChestCtPreprocessingConfig build() {
            return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu, minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm, targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu, maxSliceSpacingDeviationFraction, minSliceCount);
        }
    }

    private static void checkRange(String field, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + format(min) + ", " + format(max) + "], got "
                    + format(value));
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
