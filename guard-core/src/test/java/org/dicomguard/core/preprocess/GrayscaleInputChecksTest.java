package org.dicomguard.core.preprocess;

import org.dicomguard.core.task.chestxray.ChestXrayImageInput;
import org.dicomguard.core.task.chestxray.ChestXrayVoi;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The grayscale input checks both projection tasks share, each naming its field. */
class GrayscaleInputChecksTest {

    @Test
    void requireValid_eachFieldOutOfRange_isNamed() {
        short[] four = new short[4];
        assertNamed("rows and columns", () -> GrayscaleInputChecks.requireValid(0, 4, four, 12, 0, "MONOCHROME2"));
        assertNamed("storedValues", () -> GrayscaleInputChecks.requireValid(2, 3, four, 12, 0, "MONOCHROME2"));
        assertNamed("bitsStored", () -> GrayscaleInputChecks.requireValid(2, 2, four, 17, 0, "MONOCHROME2"));
        assertNamed("pixelRepresentation", () -> GrayscaleInputChecks.requireValid(2, 2, four, 12, 2, "MONOCHROME2"));
        assertNamed("photometricInterpretation", () -> GrayscaleInputChecks.requireValid(2, 2, four, 12, 0, "RGB"));
        assertDoesNotThrow(() -> GrayscaleInputChecks.requireValid(2, 2, four, 12, 1, "MONOCHROME1"));
    }

    @Test
    void chestXrayImageInput_usesTheSharedChecks() {
        assertNamed("photometricInterpretation", () -> new ChestXrayImageInput(2, 2, new short[4], 12, 0, "PALETTE COLOR",
                1, 0, new ChestXrayVoi.None(), 0.15, 0.15));
    }

    private static void assertNamed(String field, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().startsWith(field), e.getMessage());
    }
}
