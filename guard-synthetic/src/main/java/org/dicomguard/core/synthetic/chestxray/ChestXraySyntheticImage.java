package org.dicomguard.core.synthetic.chestxray;

import org.dicomguard.core.synthetic.SyntheticImageHeader;

import java.util.List;

/**
 * One synthetic radiograph with its ground truth. Arrays are not copied.
 *
 * @param header       the header a real file would carry
 * @param storedValues stored values, row-major, rows*columns
 * @param lungMask     ground-truth lung fields, 0/1 per pixel (all 0 for images without lungs)
 * @param findings     the findings drawn, in enum order (empty for out-of-distribution images)
 * @param kind         {@code chest} or the out-of-distribution kind code
 */
public record ChestXraySyntheticImage(SyntheticImageHeader header, short[] storedValues, byte[] lungMask,
                                      List<ChestXrayFinding> findings, String kind) {

    /** Copies the findings. */
    public ChestXraySyntheticImage {
        findings = List.copyOf(findings);
    }
}
