package org.dicomguard.core.preprocess;

public record ChestCtPreprocessingConfig(double lungMaskUpperBoundHu) implements PreprocessingConfig {
    public static ChestCtPreprocessingConfig defaults() {
        return new ChestCtPreprocessingConfig(-400);
    }
}
