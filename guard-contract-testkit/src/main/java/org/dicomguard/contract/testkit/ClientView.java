package org.dicomguard.contract.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import org.dicomguard.contract.GuardResult;

/**
 * What the backend's client ends up seeing for one result, as the backend's read-back function
 * reports it. The kit compares it with the result that was sent.
 *
 * <p>Report values exactly as the client would use them: if the client shows percent, report the
 * percent figure converted the way the client converts it, or report it raw and let the kit name
 * the rescaling. Nothing here is validated beyond non-null: the point is to catch what is wrong.
 *
 * <p>The constructor throws {@link NullPointerException} naming the component when one is null (lists are copied).
 *
 * @param status the status the client sees
 * @param pathologies per-pathology values in the client's order
 * @param anyPathologyProbability the aggregate as the client sees it, if the client shows it
 * @param codes rejection reason codes or the error code as the client sees them; empty if the
 *        client does not show codes (then codes are not checked)
 */
public record ClientView(GuardResult.Status status, List<ReportedValue> pathologies,
                         OptionalDouble anyPathologyProbability, List<String> codes) {

    /**
     * One per-pathology value as the client sees it.
     *
     * <p>The constructor throws {@link NullPointerException} when code is null.
     *
     * @param code the pathology code the client shows the value under
     * @param probability the value the client uses as that pathology's probability
     */
    public record ReportedValue(String code, double probability) {
        /**
         * Validates the components; the rules are in the type description.
         *
         * @param code the {@code code} component
         * @param probability the {@code probability} component
         * @throws NullPointerException naming the component that breaks a rule
         */
        public ReportedValue {
            Objects.requireNonNull(code, "code");
        }
    }

    /**
     * Validates the components; the rules are in the type description.
     *
     * @param status the {@code status} component
     * @param pathologies the {@code pathologies} component
     * @param anyPathologyProbability the {@code anyPathologyProbability} component
     * @param codes the {@code codes} component
     * @throws NullPointerException naming the component that breaks a rule
     */
    public ClientView {
        Objects.requireNonNull(status, "status");
        pathologies = List.copyOf(Objects.requireNonNull(pathologies, "pathologies"));
        Objects.requireNonNull(anyPathologyProbability, "anyPathologyProbability");
        codes = List.copyOf(Objects.requireNonNull(codes, "codes"));
    }

    /**
     * @param probabilitiesInClientOrder pathology code to value, iterated in the client's order
     *        (use a {@code LinkedHashMap})
     * @param anyPathologyProbability the aggregate as the client sees it
     * @return a prediction view
     */
    public static ClientView prediction(Map<String, ? extends Number> probabilitiesInClientOrder,
                                        double anyPathologyProbability) {
        return new ClientView(GuardResult.Status.PREDICTION, values(probabilitiesInClientOrder),
                OptionalDouble.of(anyPathologyProbability), List.of());
    }

    /**
     * @param probabilitiesInClientOrder pathology code to value in the client's order
     * @return a prediction view for a client that does not show the aggregate
     */
    public static ClientView prediction(Map<String, ? extends Number> probabilitiesInClientOrder) {
        return new ClientView(GuardResult.Status.PREDICTION, values(probabilitiesInClientOrder),
                OptionalDouble.empty(), List.of());
    }

    /**
     * @param reasonCodes the reason codes the client sees, empty if it shows none
     * @return a rejected view without probabilities
     */
    public static ClientView rejected(List<String> reasonCodes) {
        return new ClientView(GuardResult.Status.REJECTED, List.of(), OptionalDouble.empty(), reasonCodes);
    }

    /**
     * @param errorCode the error code the client sees
     * @return a failed view without probabilities
     */
    public static ClientView failed(String errorCode) {
        return new ClientView(GuardResult.Status.FAILED, List.of(), OptionalDouble.empty(),
                List.of(Objects.requireNonNull(errorCode, "errorCode")));
    }

    private static List<ReportedValue> values(Map<String, ? extends Number> probabilities) {
        List<ReportedValue> values = new ArrayList<>(probabilities.size());
        probabilities.forEach((code, value) -> values.add(new ReportedValue(code,
                Objects.requireNonNull(value, "value of " + code).doubleValue())));
        return values;
    }
}
