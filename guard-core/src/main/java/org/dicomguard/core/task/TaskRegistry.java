package org.dicomguard.core.task;

import org.dicomguard.core.preprocess.PreprocessingConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The tasks on the class path, found once through {@link ServiceLoader} (each task's
 * {@code META-INF/services/org.dicomguard.core.task.TaskDefinition} line), in class-path order.
 *
 * <p>Thread-safe: the registry is built once, on first use, and never changes.
 */
public final class TaskRegistry {

    private static final class Holder {
        static final Map<String, TaskDefinition> TASKS = load();
    }

    private TaskRegistry() {
    }

    private static Map<String, TaskDefinition> load() {
        List<TaskDefinition> found = new ArrayList<>();
        ServiceLoader.load(TaskDefinition.class, TaskDefinition.class.getClassLoader()).forEach(found::add);
        Map<String, TaskDefinition> byName = new LinkedHashMap<>();
        for (TaskDefinition task : found) {
            TaskDefinition previous = byName.putIfAbsent(task.name(), task);
            if (previous != null && !previous.getClass().equals(task.getClass())) {
                throw new IllegalStateException("two task definitions are named " + task.name() + ": "
                        + previous.getClass().getName() + " and " + task.getClass().getName());
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** @return every registered task, in class-path order */
    public static List<TaskDefinition> all() {
        return List.copyOf(Holder.TASKS.values());
    }

    /** @return every registered task name, in class-path order */
    public static List<String> names() {
        return List.copyOf(Holder.TASKS.keySet());
    }

    /**
     * @param name a task name, e.g. {@code mammography}
     * @return its definition
     * @throws UnknownTaskException when no registered task has that name
     */
    public static TaskDefinition byName(String name) {
        TaskDefinition task = name == null ? null : Holder.TASKS.get(name);
        if (task == null) {
            throw new UnknownTaskException(name, names());
        }
        return task;
    }

    /**
     * @param config a preprocessing config, not null
     * @return the task it is for ({@link PreprocessingConfig#taskName()})
     * @throws UnknownTaskException when that task is not registered
     */
    public static TaskDefinition of(PreprocessingConfig config) {
        Objects.requireNonNull(config, "config");
        return byName(config.taskName());
    }
}
