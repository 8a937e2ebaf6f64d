package org.dicomguard.samples.cli;

import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a task's preprocessing config for the command line: the defaults or a strict JSON file. */
final class Configs {

    private Configs() {
    }

    static PreprocessingConfig load(String task, Path file) throws IOException {
        String json = file == null ? null : Files.readString(file);
        switch (task) {
            case "mammography":
                return json == null ? MammographyPreprocessingConfig.defaults() : MammographyPreprocessingConfig.fromJson(json);
            case "chest-ct":
                return json == null ? ChestCtPreprocessingConfig.defaults() : ChestCtPreprocessingConfig.fromJson(json);
            default:
                throw new IllegalArgumentException("--task must be mammography or chest-ct, got " + task);
        }
    }
}
