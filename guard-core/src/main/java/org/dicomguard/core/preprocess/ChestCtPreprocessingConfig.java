package org.dicomguard.core.preprocess;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.dicomguard.core.json.StrictJson;

import java.util.Objects;

/**
 * Every tunable value of chest-CT preprocessing (series assembly, 3D lung mask, crop, resample,
 * lung window), with its unit in its name. The JSON keys are the component names.
 *
 * <p>Design note: a binarization threshold once was edited in the belief that it was a decision
 * threshold. So each name says what it thresholds and in which unit, the constructor refuses
 * values outside a plausible range naming field, value and range, and {@link #fingerprint()}
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

    /** Validates every component; messages name the field, the value and the allowed range. */
    public ChestCtPreprocessingConfig {
        checkRange("lungMaskUpperBoundHu", lungMaskUpperBoundHu, -900, -100);
        checkRange("lungMaskLowerBoundHu", lungMaskLowerBoundHu, -3100, -950);
        checkRange("bodyThresholdHu", bodyThresholdHu, -800, 200);
        checkRange("minLungComponentVolumeMl", minLungComponentVolumeMl, 0, 1000);
        checkRange("airwaySeparationRadiusMm", airwaySeparationRadiusMm, 0, 20);
        checkRange("lungMaskClosingRadiusMm", lungMaskClosingRadiusMm, 0, 15);
        checkRange("cropMarginMm", cropMarginMm, 0, 100);
        checkRange("targetGridDepthVoxels", targetGridDepthVoxels, 4, 512);
        checkRange("targetGridHeightVoxels", targetGridHeightVoxels, 8, 1024);
        checkRange("targetGridWidthVoxels", targetGridWidthVoxels, 8, 1024);
        checkRange("lungWindowCenterHu", lungWindowCenterHu, -1200, 400);
        checkRange("lungWindowWidthHu", lungWindowWidthHu, 1, 5000);
        checkRange("maxSliceSpacingDeviationFraction", maxSliceSpacingDeviationFraction, 0.001, 0.5);
        checkRange("minSliceCount", minSliceCount, 2, 4096);
        if (lungMaskLowerBoundHu >= lungMaskUpperBoundHu) {
            throw new IllegalArgumentException("lungMaskLowerBoundHu must be below lungMaskUpperBoundHu ("
                    + lungMaskUpperBoundHu + "), got " + lungMaskLowerBoundHu);
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

    /** @return canonical JSON (keys sorted), the form that is fingerprinted */
    public String toJson() {
        return StrictJson.canonicalJson(this);
    }

    /** @return lower-case hex SHA-256 of the canonical JSON; changes with any value and only then */
    public String fingerprint() {
        return StrictJson.fingerprint(this);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withLungMaskUpperBoundHu(int value) {
        return new ChestCtPreprocessingConfig(value, lungMaskLowerBoundHu, bodyThresholdHu, minLungComponentVolumeMl,
                airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm, targetGridDepthVoxels,
                targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withLungMaskLowerBoundHu(int value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, value, bodyThresholdHu, minLungComponentVolumeMl,
                airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm, targetGridDepthVoxels,
                targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withBodyThresholdHu(int value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, value,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm,
                targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu,
                lungWindowWidthHu, maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withMinLungComponentVolumeMl(double value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu, value,
                airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm, targetGridDepthVoxels,
                targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withAirwaySeparationRadiusMm(double value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, value, lungMaskClosingRadiusMm, cropMarginMm, targetGridDepthVoxels,
                targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withLungMaskClosingRadiusMm(double value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, value, cropMarginMm, targetGridDepthVoxels,
                targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withCropMarginMm(double value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, value,
                targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu,
                lungWindowWidthHu, maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /**
     * @param depthVoxels  see {@link #targetGridDepthVoxels()}
     * @param heightVoxels see {@link #targetGridHeightVoxels()}
     * @param widthVoxels  see {@link #targetGridWidthVoxels()}
     * @return a copy with this model grid
     */
    public ChestCtPreprocessingConfig withTargetGridVoxels(int depthVoxels, int heightVoxels, int widthVoxels) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm,
                depthVoxels, heightVoxels, widthVoxels, lungWindowCenterHu, lungWindowWidthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /**
     * @param centerHu see {@link #lungWindowCenterHu()}
     * @param widthHu  see {@link #lungWindowWidthHu()}
     * @return a copy with this window
     */
    public ChestCtPreprocessingConfig withLungWindow(double centerHu, double widthHu) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm,
                targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, centerHu, widthHu,
                maxSliceSpacingDeviationFraction, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withMaxSliceSpacingDeviationFraction(double value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm,
                targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu,
                lungWindowWidthHu, value, minSliceCount);
    }

    /** @param value see the component @return a copy with this value */
    public ChestCtPreprocessingConfig withMinSliceCount(int value) {
        return new ChestCtPreprocessingConfig(lungMaskUpperBoundHu, lungMaskLowerBoundHu, bodyThresholdHu,
                minLungComponentVolumeMl, airwaySeparationRadiusMm, lungMaskClosingRadiusMm, cropMarginMm,
                targetGridDepthVoxels, targetGridHeightVoxels, targetGridWidthVoxels, lungWindowCenterHu,
                lungWindowWidthHu, maxSliceSpacingDeviationFraction, value);
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
