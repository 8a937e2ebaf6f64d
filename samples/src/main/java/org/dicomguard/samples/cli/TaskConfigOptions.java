package org.dicomguard.samples.cli;

import org.dicomguard.core.preprocess.ChestCtPreprocessingConfig;
import org.dicomguard.core.preprocess.MammographyPreprocessingConfig;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.chestxray.ChestXrayPreprocessingConfig;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --task T [--config F]}, shared by the training-side commands as a picocli mixin: the
 * task's preprocessing config, its defaults or a strict JSON file.
 */
final class TaskConfigOptions {

    @Option(names = "--task", required = true, paramLabel = "T", description = "mammography, chest-ct or chest-xray")
    String task;

    @Option(names = "--config", converter = ExistingPath.class, paramLabel = "F", description = "preprocessing config JSON (default: the task's defaults)")
    Path configFile;

    /**
     * @return the config: the task's defaults, or the strictly read JSON file
     * @throws IOException when the file cannot be read
     */
    PreprocessingConfig load() throws IOException {
        String json = configFile == null ? null : Files.readString(configFile);
        switch (task) {
            case "mammography":
                return json == null ? MammographyPreprocessingConfig.defaults() : MammographyPreprocessingConfig.fromJson(json);
            case "chest-ct":
                return json == null ? ChestCtPreprocessingConfig.defaults() : ChestCtPreprocessingConfig.fromJson(json);
            case ChestXrayPreprocessingConfig.TASK_NAME:
                return json == null ? ChestXrayPreprocessingConfig.defaults() : ChestXrayPreprocessingConfig.fromJson(json);
            default:
                throw new IllegalArgumentException("--task must be mammography, chest-ct or chest-xray, got " + task);
        }
    }
}
