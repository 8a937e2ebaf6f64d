package org.dicomguard.dicomout;

import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.testkit.ClientView;
import org.dicomguard.contract.testkit.ConsumerTestKit;
import org.dicomguard.core.dicom.DicomException;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The consumer test kit for DICOM SR: checks that an adapter which turns results into SR (this
 * module's writer, or a backend's own) keeps every value, by reading the SR back with
 * {@link StructuredReportReader} and handing what a PACS would see to guard-contract's
 * {@link ConsumerTestKit}. The kit's crafted results (distinct probabilities such as 0.0731 and
 * 1/3, every status) then name each fault: a rounding adapter fails with {@code ROUNDING}, one
 * that writes the aggregate in place of a pathology with {@code AGGREGATE_SUBSTITUTION}.
 *
 * <p>What the client sees of a pathology is the NUM's FloatingPointValue; the NumericValue must
 * read back to the same float too, or the value counts as changed (a viewer may show either).
 *
 * <pre>{@code
 * SrConsumerCheck.forAdapter(result -> mySrAdapter.toPart10(result)).assertFaithful();
 * }</pre>
 * Thread-safe if the adapter is.
 */
public final class SrConsumerCheck {
    private SrConsumerCheck() {
    }

    /**
     * @param adapter the adapter under test: a result to the Part-10 bytes of its SR
     * @return the kit, ready to {@link ConsumerTestKit#run() run} or {@link ConsumerTestKit#assertFaithful() assert}
     */
    public static ConsumerTestKit forAdapter(Function<? super GuardResult, byte[]> adapter) {
        Objects.requireNonNull(adapter, "adapter");
        StructuredReportReader reader = new StructuredReportReader();
        return ConsumerTestKit.forResultAdapter(adapter, bytes -> view(reader, bytes));
    }

    /**
     * @param reader reads the SR
     * @param bytes  the SR file, not modified
     * @return what a PACS shows of it
     */
    static ClientView view(StructuredReportReader reader, byte[] bytes) {
        ReportedResult r;
        try {
            r = reader.read(bytes);
        } catch (DicomException e) {
            throw new UncheckedIOException(new java.io.IOException("SR cannot be read: " + e.getMessage(), e));
        }
        switch (r.status()) {
            case PREDICTION: {
                Map<String, Double> values = new LinkedHashMap<>();
                for (ReportedResult.Measurement m : r.pathologies()) {
                    values.put(m.trackingIdentifier(), shown(m));
                }
                OptionalDouble any = r.anyPathology().isPresent() ? OptionalDouble.of(shown(r.anyPathology().get()))
                        : OptionalDouble.empty();
                return any.isPresent() ? ClientView.prediction(values, any.getAsDouble()) : ClientView.prediction(values);
            }
            case REJECTED:
                return ClientView.rejected(r.codes());
            default:
                return ClientView.failed(r.codes().isEmpty() ? "" : r.codes().get(0));
        }
    }

    /** FloatingPointValue, unless the NumericValue disagrees with it: then the NumericValue, so the kit sees the change. */
    private static double shown(ReportedResult.Measurement m) {
        double exact = m.floatingPointValue();
        try {
            double decimal = Double.parseDouble(m.numericValue());
            return (float) decimal == (float) exact ? exact : decimal;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
