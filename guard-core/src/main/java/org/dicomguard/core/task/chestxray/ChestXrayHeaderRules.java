package org.dicomguard.core.task.chestxray;

import org.dicomguard.ood.rules.HeaderRuleSet;

import java.util.Set;

/**
 * The header-rule preset of the chest radiograph task.
 *
 * <p>Modality CR or DX; SOP class Computed Radiography Image Storage or Digital X-Ray Image Storage
 * - For Presentation (the For Processing class is refused: its pixels are raw detector values, not
 * the image a reader sees); BodyPartExamined CHEST and ViewPosition PA or AP (both soft rules: a
 * lateral image is refused by the composition policy of {@link ChestXrayStudyPreparer}, not by
 * the header alone); MONOCHROME1 or MONOCHROME2; BitsStored 8 to 16; pixel spacing 0.05 to 1.0 mm
 * (detectors sample at 0.1 to 0.2 mm, reduced exports up to about 0.8 mm); 256 to 5000 rows and
 * columns.
 */
public final class ChestXrayHeaderRules {

    /** SOPClassUID of Computed Radiography Image Storage. */
    public static final String COMPUTED_RADIOGRAPHY_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1";
    /** SOPClassUID of Digital X-Ray Image Storage - For Presentation. */
    public static final String DIGITAL_XRAY_FOR_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";

    private ChestXrayHeaderRules() {
    }

    /** @return the preset of the class comment */
    public static HeaderRuleSet preset() {
        return HeaderRuleSet.builder().allowedModalities(Set.of("CR", "DX"))
                .allowedSopClassUids(Set.of(COMPUTED_RADIOGRAPHY_IMAGE_STORAGE, DIGITAL_XRAY_FOR_PRESENTATION))
                .allowedBodyPartsExamined(Set.of("CHEST")).allowedViewPositions(Set.of("PA", "AP"))
                .allowedPhotometricInterpretations(Set.of("MONOCHROME1", "MONOCHROME2"))
                .allowedBitsStored(Set.of(8, 9, 10, 11, 12, 13, 14, 15, 16))
                .minPixelSpacingMm(0.05).maxPixelSpacingMm(1.0)
                .minRows(256).maxRows(5000).minColumns(256).maxColumns(5000).build();
    }
}
