package org.dicomguard.core.task.chestxray;

import java.util.Locale;

/**
 * The VOI transformation an image carries (DICOM PS3.3 C.11.2): a window, a lookup table, or none.
 * Implementations are immutable values.
 */
public sealed interface ChestXrayVoi {

    /**
     * Maps a modality value (after Modality LUT / rescale) to a VOI output fraction in [0, 1].
     *
     * @param modalityValue the value after rescale
     * @return the output, 0 for the lowest and 1 for the highest VOI output
     */
    double apply(double modalityValue);

    /** No VOI in the header: the caller maps the image's own modality range linearly. */
    record None() implements ChestXrayVoi {
        @Override
        public double apply(double modalityValue) {
            throw new IllegalStateException("None has no mapping of its own; use the image's modality range");
        }
    }

    /**
     * WindowCenter/WindowWidth with VOILUTFunction (PS3.3 C.11.2.1.2/C.11.2.1.3).
     *
     * @param centerValue WindowCenter, in modality units, finite
     * @param widthValue  WindowWidth, &gt;= 1 for LINEAR, &gt; 0 otherwise
     * @param function    LINEAR, LINEAR_EXACT or SIGMOID
     */
    record Window(double centerValue, double widthValue, String function) implements ChestXrayVoi {

        /** Validates the window against its function's rule. */
        public Window {
            function = function == null || function.isBlank() ? "LINEAR" : function.trim().toUpperCase(Locale.ROOT);
            if (!Double.isFinite(centerValue) || !Double.isFinite(widthValue)) {
                throw new IllegalArgumentException("window centre and width must be finite, got " + centerValue
                        + ", " + widthValue);
            }
            if (!function.equals("LINEAR") && !function.equals("LINEAR_EXACT") && !function.equals("SIGMOID")) {
                throw new IllegalArgumentException("VOILUTFunction must be LINEAR, LINEAR_EXACT or SIGMOID, got "
                        + function);
            }
            if (function.equals("LINEAR") ? widthValue < 1 : widthValue <= 0) {
                throw new IllegalArgumentException("WindowWidth must be >= 1 for LINEAR and > 0 otherwise, got "
                        + widthValue + " (" + function + ")");
            }
        }

        @Override
        public double apply(double x) {
            double c = centerValue;
            double w = widthValue;
            switch (function) {
                case "SIGMOID":
                    return 1.0 / (1.0 + Math.exp(-4.0 * (x - c) / w));
                case "LINEAR_EXACT":
                    if (x <= c - w / 2) {
                        return 0;
                    }
                    return x > c + w / 2 ? 1 : (x - c) / w + 0.5;
                default:
                    if (w == 1) {
                        return x <= c - 0.5 ? 0 : 1;
                    }
                    if (x <= c - 0.5 - (w - 1) / 2) {
                        return 0;
                    }
                    return x > c - 0.5 + (w - 1) / 2 ? 1 : (x - (c - 0.5)) / (w - 1) + 0.5;
            }
        }
    }

    /**
     * The first item of VOILUTSequence (PS3.3 C.11.2.1.1): values below the first mapped value take
     * the first entry, above the last the last entry.
     *
     * @param firstMappedValue LUTDescriptor[1], in modality units
     * @param bitsPerEntry     LUTDescriptor[2], in [8, 16]
     * @param entries          LUTData, at least one entry, each in [0, 2^bitsPerEntry); not copied
     */
    record Lut(int firstMappedValue, int bitsPerEntry, int[] entries) implements ChestXrayVoi {

        /** Validates the descriptor and entries. */
        public Lut {
            if (bitsPerEntry < 8 || bitsPerEntry > 16) {
                throw new IllegalArgumentException("LUTDescriptor bits per entry must be in [8, 16], got " + bitsPerEntry);
            }
            if (entries == null || entries.length == 0) {
                throw new IllegalArgumentException("LUTData must hold at least one entry");
            }
        }

        @Override
        public double apply(double x) {
            long index = Math.round(x) - firstMappedValue;
            int i = (int) Math.max(0, Math.min(entries.length - 1, index));
            return (entries[i] & ((1 << bitsPerEntry) - 1)) / (double) ((1 << bitsPerEntry) - 1);
        }
    }
}
