package org.dicomguard.contract.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.GuardResult;

/**
 * Checks that a backend's adapter passes DICOM Guard results to its client unchanged. A backend
 * team runs it in its own tests against its own adapter.
 *
 * <p>The kit sends crafted results (distinct per-pathology probabilities such as 0.004, 0.0731 and
 * 0.995, every status, unknown study UIDs) through {@code send}, reads what the client got through
 * {@code readBack}, and names every fault: {@link FaultKind#ROUNDING ROUNDING} (with the step, e.g.
 * "rounded to 2 decimals (integer percent)"), {@link FaultKind#RESCALING RESCALING},
 * {@link FaultKind#DROPPED_PATHOLOGY DROPPED_PATHOLOGY}, {@link FaultKind#REORDERING REORDERING},
 * {@link FaultKind#COLUMN_SWAP COLUMN_SWAP}, {@link FaultKind#AGGREGATE_SUBSTITUTION
 * AGGREGATE_SUBSTITUTION}, {@link FaultKind#STATUS_LOST STATUS_LOST},
 * {@link FaultKind#MADE_UP_PROBABILITY MADE_UP_PROBABILITY} and more. A value passes when it
 * reads back to the identical float.
 *
 * <p>It depends on no test framework: {@link #assertFaithful()} throws {@link AssertionError},
 * which JUnit, TestNG, Spock and plain {@code main} methods all report as a failure.
 *
 * <pre>{@code
 * @Test
 * void adapter_isFaithfulToTheContract() {
 *     ConsumerTestKit.forJsonAdapter(myAdapter::toClientMessage, msg -> myClient.view(msg))
 *             .assertFaithful();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe if the adapter functions are.
 */
public final class ConsumerTestKit {

    private final Function<GuardResult, Object> send;
    private final Function<Object, ClientView> readBack;
    private final boolean orderMatters;

    private ConsumerTestKit(Function<GuardResult, Object> send, Function<Object, ClientView> readBack,
                            boolean orderMatters) {
        this.send = send;
        this.readBack = readBack;
        this.orderMatters = orderMatters;
    }

    /**
     * @param send the adapter under test: from a result to whatever the backend sends its client
     * @param readBack reads what the client sees from that message
     * @param <T> the backend's client message type
     * @return a kit for an adapter that consumes {@link GuardResult} objects
     */
    @SuppressWarnings("unchecked")
    public static <T> ConsumerTestKit forResultAdapter(Function<? super GuardResult, ? extends T> send,
                                                       Function<? super T, ClientView> readBack) {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(readBack, "readBack");
        return new ConsumerTestKit(send::apply, message -> readBack.apply((T) message), true);
    }

    /**
     * @param send the adapter under test: from our one-line JSON ({@link ContractJson#write}) to
     *        whatever the backend sends its client
     * @param readBack reads what the client sees from that message
     * @param <T> the backend's client message type
     * @return a kit for an adapter that consumes the contract JSON
     */
    @SuppressWarnings("unchecked")
    public static <T> ConsumerTestKit forJsonAdapter(Function<? super String, ? extends T> send,
                                                     Function<? super T, ClientView> readBack) {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(readBack, "readBack");
        return new ConsumerTestKit(result -> send.apply(ContractJson.write(result)),
                message -> readBack.apply((T) message), true);
    }

    /**
     * @return a kit that accepts pathologies in any order as long as each value stays with its
     *         code; use only when the client provably keys values by code (default: order must be kept)
     */
    public ConsumerTestKit ignoringPathologyOrder() {
        return new ConsumerTestKit(send, readBack, false);
    }

    /**
     * @return the crafted results by name, in the order the kit sends them; useful as fixtures
     */
    public static Map<String, GuardResult> craftedResults() {
        return KitCorpus.results();
    }

    /**
     * Sends every crafted result through the adapter and compares. Runtime exceptions thrown by
     * the adapter are reported as {@link FaultKind#ADAPTER_ERROR}, not rethrown.
     *
     * @return every fault found; {@link KitReport#faithful()} when none
     */
    public KitReport run() {
        Map<String, GuardResult> results = KitCorpus.results();
        List<KitFinding> findings = new ArrayList<>();
        results.forEach((name, result) -> findings.addAll(check(name, result)));
        return new KitReport(results.size(), findings);
    }

    /**
     * @throws AssertionError with {@link KitReport#explanation()} as its message when the
     *         adapter is not faithful
     */
    public void assertFaithful() {
        KitReport report = run();
        if (!report.faithful()) {
            throw new AssertionError(report.explanation());
        }
    }

    private List<KitFinding> check(String name, GuardResult result) {
        Object message;
        try {
            message = send.apply(result);
        } catch (RuntimeException e) {
            return List.of(adapterError(name, result, "send threw " + e));
        }
        ClientView seen;
        try {
            seen = readBack.apply(message);
        } catch (RuntimeException e) {
            return List.of(adapterError(name, result, "readBack threw " + e));
        }
        if (seen == null) {
            return List.of(adapterError(name, result, "readBack returned null"));
        }
        return KitJudge.judge(name, result, seen, orderMatters);
    }

    private static KitFinding adapterError(String name, GuardResult result, String what) {
        return new KitFinding(FaultKind.ADAPTER_ERROR, name, "adapter", "for a '" + result.status().jsonName()
                + "' result " + what);
    }
}
