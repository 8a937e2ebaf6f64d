package org.dicomguard.core.task;

import java.util.List;

/**
 * A task name no registered {@link TaskDefinition} answers to: a bundle or command line for a task
 * this library (or its class path) does not have. The message names the registered tasks.
 */
public final class UnknownTaskException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Stable code of this error. */
    public static final String CODE = "UNKNOWN_TASK";

    private final String taskName;

    /**
     * @param taskName the name asked for, may be null
     * @param known    the registered names
     */
    public UnknownTaskException(String taskName, List<String> known) {
        super("task must be one of " + String.join(", ", known) + ", got " + taskName);
        this.taskName = taskName;
    }

    /** @return the name asked for, may be null */
    public String taskName() {
        return taskName;
    }

    /** @return {@link #CODE} */
    public String code() {
        return CODE;
    }
}
