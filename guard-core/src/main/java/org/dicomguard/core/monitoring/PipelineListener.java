package org.dicomguard.core.monitoring;

/**
 * Receives one {@link PipelineEvent} per study the Pipeline finishes, whatever the result.
 *
 * <p>Called on the thread that ran the study, possibly from many threads at once:
 * implementations must be thread-safe and fast (hand slow work to a queue). An exception thrown
 * here is caught and logged by the Pipeline and never changes the study's result.
 */
@FunctionalInterface
public interface PipelineListener {

    /** @param event the finished study's event, immutable */
    void onResult(PipelineEvent event);

    /** @return a listener that ignores every event */
    static PipelineListener none() {
        return event -> { };
    }

    /**
     * @param listeners listeners to call in order
     * @return one listener calling each of them
     */
    static PipelineListener all(PipelineListener... listeners) {
        PipelineListener[] copy = listeners.clone();
        return event -> {
            for (PipelineListener l : copy) {
                l.onResult(event);
            }
        };
    }
}
