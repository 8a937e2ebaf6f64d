package org.dicomguard.core.dicom.codec;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JPEG 2000 time box: a CPU budget bounded by the codestream's size, counted as work done and enforced. */
class J2kDeadlineTest {

    @Test
    void cpuBudgetNanos_smallCodestreamDeclaringHugeImage_isBoundedByItsBytes() {
        // The case: a 30 KB file declaring 10000 x 10000 once had a 210 s deadline and ran 145 s.
        long budget = J2kFrameDecoder.cpuBudgetNanos(30_000, 10_000L * 10_000);
        assertEquals((J2kFrameDecoder.BASE_CPU_MILLIS + 3_000) * 1_000_000, budget);
    }

    @Test
    void cpuBudgetNanos_losslessMammogram_keepsThePerPixelAllowance() {
        long pixels = 3328L * 2560;
        long budget = J2kFrameDecoder.cpuBudgetNanos(8_000_000, pixels);
        assertEquals(J2kFrameDecoder.BASE_CPU_MILLIS * 1_000_000 + pixels * J2kFrameDecoder.CPU_NANOS_PER_PIXEL,
                budget);
    }

    @Test
    void run_runawayWork_isStoppedOnceItsCpuTimePassesTheBudget() {
        AtomicReference<Thread> worker = new AtomicReference<>();
        DicomException e = assertThrows(DicomException.class, () -> DecodeWatchdog.run("test codec", () -> {
            worker.set(Thread.currentThread());
            long spin = 0;
            while (true) {
                spin++;
                if (spin == Long.MAX_VALUE) {
                    return spin;
                }
            }
        }, 200_000_000L, true));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("decoder thread stopped"), e.getMessage());
        assertFalse(worker.get().isAlive(), "the runaway decoder thread must be ended, not left running");
    }

    /**
     * The hostile codestream of regression/j2k-endless-packet-header.dcm (jj2000 loops forever on
     * its packet header) on the pure-Java path with a 1 s CPU budget: answered as corrupt, and no
     * decoder thread is left running.
     */
    @Test
    void decode_hostileCodestreamOnJaiImageio_isStoppedAtItsCpuBudget() throws Exception {
        byte[] file = Files.readAllBytes(Path.of(getClass().getResource("/regression/j2k-endless-packet-header.dcm")
                .toURI()));
        int start = indexOf(file, new byte[] {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51});
        int end = file.length;
        while (file[end - 2] != (byte) 0xFF || file[end - 1] != (byte) 0xD9) {
            end--;
        }
        byte[] codestream = Arrays.copyOfRange(file, start, end);
        J2kCodestreamHeader siz = J2kCodestreamHeader.read(codestream, "test");
        ImageDescriptor descriptor = new ImageDescriptor((int) siz.height(), (int) siz.width(), siz.components(), 8,
                8, 0, "RGB", 0);
        DicomException e = assertThrows(DicomException.class,
                () -> new J2kFrameDecoder().decode(codestream, descriptor, 1_000_000_000L, false));
        assertEquals(DicomErrorCode.CORRUPT_PIXEL_DATA, e.code());
        assertTrue(e.getMessage().contains("decoder thread stopped"), e.getMessage());
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        assertFalse(threads.stream().anyMatch(t -> t.getName().startsWith("dicomguard-decode-")), threads.toString());
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("no codestream in the fixture");
    }

    @Test
    void run_sleepingWork_isNotChargedForTimeItDidNotWork() throws DicomException {
        // 300 ms of sleeping is 300 ms of wall time but almost no CPU: a 100 ms CPU budget lets it finish.
        String answer = DecodeWatchdog.run("test codec", () -> {
            Thread.sleep(300);
            return "done";
        }, 100_000_000L, true);
        assertEquals("done", answer);
    }
}
