package org.dicomguard.samples.cli;

import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.core.task.TaskRegistry;
import org.dicomguard.core.task.UnknownTaskException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --task T [--config F]}, shared by the training-side commands as a picocli mixin: the
 * task's preprocessing config, its defaults or a strict JSON file.
 */
final class TaskConfigOptions {

    /** The registered task names, for help texts. */
    static final class TaskNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TaskRegistry.names().iterator();
        }
    }

    @Option(names = "--task", required = true, paramLabel = "T", description = "task: ${COMPLETION-CANDIDATES}", completionCandidates = TaskNames.class)
    String task;

    @Option(names = "--config", converter = ExistingPath.class, paramLabel = "F", description = "preprocessing config JSON (default: the task's defaults)")
    Path configFile;

    /**
     * @return the config: the task's defaults, or the strictly read JSON file
     * @throws IOException when the file cannot be read
     */
    PreprocessingConfig load() throws IOException {
        TaskDefinition definition = definition();
        return configFile == null ? definition.defaultConfig() : definition.configFromJson(Files.readString(configFile));
    }

    /**
     * @return the registered task named by {@code --task}
     * @throws IllegalArgumentException naming the registered tasks when there is none of that name
     */
    TaskDefinition definition() {
        return definition(task);
    }

    /**
     * @param name a task name from the command line ({@code --task})
     * @return its registered definition
     * @throws IllegalArgumentException naming the registered tasks when there is none of that name
     */
    static TaskDefinition definition(String name) {
        try {
            return TaskRegistry.byName(name);
        } catch (UnknownTaskException e) {
            throw new IllegalArgumentException("--" + e.getMessage(), e);
        }
    }
}
