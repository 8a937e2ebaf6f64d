package org.dicomguard.ood.drift;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One change of a stream's drift state, for operators.
 *
 * @param stream                the monitored stream: a feature name or {@code probability:<code>}
 * @param state                 RAISED (the stream drifted) or CLEARED (it is back)
 * @param ksStatistic           KS statistic of the window against the reference, in [0, 1]
 * @param ksPValue              raw asymptotic KS p-value
 * @param adjustedPValue        p-value after the multiple-testing correction
 * @param psi                   population stability index of the window
 * @param windowObservations    values in the window
 * @param referenceObservations values in the reference sample
 * @param observationIndex      how many observations the monitor had seen when this alert was made
 * @param correction            the correction used
 * @param time                  when the alert was made (the monitor's clock)
 */
public record DriftAlert(String stream, State state, double ksStatistic, double ksPValue, double adjustedPValue,
                         double psi, int windowObservations, int referenceObservations, long observationIndex,
                         MultipleTestingCorrection correction, Instant time) {

    /** Whether a stream started or stopped drifting. */
    public enum State {
        /** The stream's recent window differs from the reference. */
        RAISED,
        /** The stream is back within the relaxed limits. */
        CLEARED
    }

    /** Validates presence of every component. */
    public DriftAlert {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(correction, "correction");
        Objects.requireNonNull(time, "time");
    }

    /** @return one line for people: stream, state and the numbers behind it */
    public String summary() {
        return String.format(Locale.ROOT, "drift %s on '%s': KS D=%.3f p=%.3g (%s-adjusted %.3g), PSI=%.3f, "
                        + "window %d vs reference %d, after %d observations", state, stream, ksStatistic, ksPValue,
                correction, adjustedPValue, psi, windowObservations, referenceObservations, observationIndex);
    }

    /** @return the alert as a JSON object, keys named as the record components, time in ISO-8601 */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("stream", stream);
        node.put("state", state.name());
        node.put("ksStatistic", ksStatistic);
        node.put("ksPValue", ksPValue);
        node.put("adjustedPValue", adjustedPValue);
        node.put("psi", psi);
        node.put("windowObservations", windowObservations);
        node.put("referenceObservations", referenceObservations);
        node.put("observationIndex", observationIndex);
        node.put("correction", correction.name());
        node.put("time", time.toString());
        return node;
    }
}
