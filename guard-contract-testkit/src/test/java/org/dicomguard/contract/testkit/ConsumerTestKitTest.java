package org.dicomguard.contract.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ConsumerTestKitTest {

    private static String failure(ConsumerTestKit kit) {
        return assertThrows(AssertionError.class, kit::assertFaithful).getMessage();
    }

    @Test
    void assertFaithful_faithfulJsonAdapter_passes() {
        KitReport report = ReferenceAdapters.faithful().run();
        assertTrue(report.faithful(), report.explanation());
        assertEquals(9, report.resultsChecked());
        assertDoesNotThrow(() -> ReferenceAdapters.faithful().assertFaithful());
    }

    @Test
    void assertFaithful_faithfulObjectAdapter_passes() {
        assertDoesNotThrow(() -> ReferenceAdapters.faithfulFromObjects().assertFaithful());
    }

    @Test
    void assertFaithful_integerPercentAdapter_failsNamingRoundingToIntegerPercent() {
        String message = failure(ReferenceAdapters.integerPercent());
        assertEquals(List.of(FaultKind.ROUNDING), ReferenceAdapters.integerPercent().run().faultKinds(), message);
        assertTrue(message.startsWith("The adapter is NOT faithful"), message);
        assertTrue(message.contains("1. ROUNDING"), message);
        assertTrue(message.contains("'chest-eight-max', pathologies.nodule: sent 0.0731, client read back 0.07: "
                + "rounded to 2 decimals (integer percent)"), message);
        assertTrue(message.contains("ROC-AUC fell to 0.53"), message);
    }

    @Test
    void assertFaithful_maxSubstitutionAdapter_failsNamingAggregateSubstitution() {
        String message = failure(ReferenceAdapters.maxSubstitution());
        assertEquals(List.of(FaultKind.AGGREGATE_SUBSTITUTION), ReferenceAdapters.maxSubstitution().run().faultKinds(),
                message);
        assertTrue(message.contains("1. AGGREGATE_SUBSTITUTION"), message);
        assertTrue(message.contains("pathologies.nodule: sent 0.0731, client read back 0.9950000047683716, which is the anyPathology (max) probability, not this pathology's own"), message);
    }

    @Test
    void assertFaithful_columnSwapAdapter_failsNamingColumnSwap() {
        String message = failure(ReferenceAdapters.columnSwap());
        assertEquals(List.of(FaultKind.COLUMN_SWAP), ReferenceAdapters.columnSwap().run().faultKinds(), message);
        assertTrue(message.contains("1. COLUMN_SWAP"), message);
        // Sorted header: cardiomegaly is first, and gets nodule's value (first in bundle order).
        assertTrue(message.contains("pathologies.cardiomegaly: sent 0.87654, client read back 0.0731, "
                + "which is the probability of 'nodule'"), message);
    }

    @Test
    void run_rescalingAdapter_rescalingOnly() {
        KitReport report = ReferenceAdapters.rescaling().run();
        assertEquals(List.of(FaultKind.RESCALING), report.faultKinds(), report.explanation());
    }

    @Test
    void run_twoDecimalFormatAdapter_roundingToTwoDecimals() {
        KitReport report = ReferenceAdapters.twoDecimalFormat().run();
        assertEquals(List.of(FaultKind.ROUNDING), report.faultKinds(), report.explanation());
        assertTrue(report.explanation().contains("rounded to 2 decimals"), report.explanation());
    }

    @Test
    void run_droppingAdapter_droppedPathologies() {
        KitReport report = ReferenceAdapters.droppingSmallValues().run();
        assertEquals(List.of(FaultKind.DROPPED_PATHOLOGY), report.faultKinds(), report.explanation());
        assertTrue(report.explanation().contains("chest-eight-max / pathologies.emphysema: sent 0.004, "
                + "client does not show pathology 'emphysema'"), report.explanation());
    }

    @Test
    void run_sortingAdapter_reorderingUnlessIgnored() {
        KitReport strict = ReferenceAdapters.sortingByCode().run();
        assertEquals(List.of(FaultKind.REORDERING), strict.faultKinds(), strict.explanation());
        assertTrue(ReferenceAdapters.sortingByCode().ignoringPathologyOrder().run().faithful());
    }

    @Test
    void run_rejectedAsZeroAdapter_statusLostAndMadeUpProbability() {
        KitReport report = ReferenceAdapters.rejectedAsZero().run();
        assertEquals(List.of(FaultKind.STATUS_LOST, FaultKind.MADE_UP_PROBABILITY), report.faultKinds(),
                report.explanation());
        assertTrue(report.explanation().contains("sent a 'rejected' result, client saw 'prediction'"));
    }

    @Test
    void run_throwingAdapter_adapterErrorNamingStatus() {
        KitReport report = ReferenceAdapters.throwingOnFailed().run();
        assertEquals(List.of(FaultKind.ADAPTER_ERROR), report.faultKinds(), report.explanation());
        assertTrue(report.explanation().contains("for a 'failed' result send threw java.lang.IllegalStateException: "
                + "no mapping for status failed"), report.explanation());
    }

    @Test
    void run_readBackReturnsNull_adapterError() {
        KitReport report = ConsumerTestKit.forResultAdapter(r -> r, r -> null).run();
        assertEquals(List.of(FaultKind.ADAPTER_ERROR), report.faultKinds());
        assertEquals(9, report.findings().size());
    }

    @Test
    void explanation_faithful_saysSo() {
        assertTrue(new KitReport(3, List.of()).explanation().startsWith("The adapter is faithful"));
    }
}
