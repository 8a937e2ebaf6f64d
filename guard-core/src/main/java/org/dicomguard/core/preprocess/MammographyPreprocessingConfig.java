package org.dicomguard.core.preprocess;

public record MammographyPreprocessingConfig(double breastMaskBinarizationThresholdFraction) implements PreprocessingConfig {
    public static MammographyPreprocessingConfig defaults() {
        return new MammographyPreprocessingConfig(0.1);
    }
}
