package org.dicomguard.ood.rules;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The header values the rules look at, filled by the DICOM reader. A neutral record: no DICOM
 * parser types and no patient identifiers. An attribute that is missing or empty in the file is
 * an empty Optional; strings are trimmed of DICOM space padding, and blank strings count as
 * absent, so that the rules never see {@code ""} or {@code "CHEST "}.
 *
 * @param modality                  Modality (0008,0060), e.g. {@code MG}, {@code CT}
 * @param sopClassUid               SOP Class UID (0008,0016)
 * @param bodyPartExamined          Body Part Examined (0018,0015), e.g. {@code BREAST}, {@code CHEST}
 * @param viewPosition              View Position (0018,5101), e.g. {@code CC}, {@code MLO}
 * @param photometricInterpretation Photometric Interpretation (0028,0004)
 * @param bitsStored                Bits Stored (0028,0101)
 * @param pixelSpacingMm            pixel spacing in mm
 * @param rows                      Rows (0028,0010)
 * @param columns                   Columns (0028,0011)
 */
public record HeaderFacts(Optional<String> modality, Optional<String> sopClassUid, Optional<String> bodyPartExamined,
                          Optional<String> viewPosition, Optional<String> photometricInterpretation,
                          OptionalInt bitsStored, Optional<PixelSpacingMm> pixelSpacingMm, OptionalInt rows,
                          OptionalInt columns) {

    /** Requires non-null Optionals and normalizes the strings (trimmed; blank becomes empty). */
    public HeaderFacts {
        modality = clean(modality, "modality");
        sopClassUid = clean(sopClassUid, "sopClassUid");
        bodyPartExamined = clean(bodyPartExamined, "bodyPartExamined");
        viewPosition = clean(viewPosition, "viewPosition");
        photometricInterpretation = clean(photometricInterpretation, "photometricInterpretation");
        Objects.requireNonNull(bitsStored, "bitsStored");
        Objects.requireNonNull(pixelSpacingMm, "pixelSpacingMm");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
    }

    private static Optional<String> clean(Optional<String> value, String name) {
        return Objects.requireNonNull(value, name).map(String::strip).filter(s -> !s.isEmpty());
    }

    /** @return a builder where every attribute starts absent */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds facts from nullable values (null means absent). Not thread-safe. */
    public static final class Builder {
        private String modality;
        private String sopClassUid;
        private String bodyPartExamined;
        private String viewPosition;
        private String photometricInterpretation;
        private Integer bitsStored;
        private PixelSpacingMm pixelSpacingMm;
        private Integer rows;
        private Integer columns;

        private Builder() {
        }

        /**
         * @param value Modality, null if absent
         * @return this
         */
        public Builder modality(String value) {
            this.modality = value;
            return this;
        }

        /**
         * @param value SOP Class UID, null if absent
         * @return this
         */
        public Builder sopClassUid(String value) {
            this.sopClassUid = value;
            return this;
        }

        /**
         * @param value Body Part Examined, null if absent
         * @return this
         */
        public Builder bodyPartExamined(String value) {
            this.bodyPartExamined = value;
            return this;
        }

        /**
         * @param value View Position, null if absent
         * @return this
         */
        public Builder viewPosition(String value) {
            this.viewPosition = value;
            return this;
        }

        /**
         * @param value Photometric Interpretation, null if absent
         * @return this
         */
        public Builder photometricInterpretation(String value) {
            this.photometricInterpretation = value;
            return this;
        }

        /**
         * @param value Bits Stored, null if absent
         * @return this
         */
        public Builder bitsStored(Integer value) {
            this.bitsStored = value;
            return this;
        }

        /**
         * @param value pixel spacing, null if absent
         * @return this
         */
        public Builder pixelSpacingMm(PixelSpacingMm value) {
            this.pixelSpacingMm = value;
            return this;
        }

        /**
         * @param value Rows, null if absent
         * @return this
         */
        public Builder rows(Integer value) {
            this.rows = value;
            return this;
        }

        /**
         * @param value Columns, null if absent
         * @return this
         */
        public Builder columns(Integer value) {
            this.columns = value;
            return this;
        }

        /** @return the facts */
        public HeaderFacts build() {
            return new HeaderFacts(Optional.ofNullable(modality), Optional.ofNullable(sopClassUid),
                    Optional.ofNullable(bodyPartExamined), Optional.ofNullable(viewPosition),
                    Optional.ofNullable(photometricInterpretation), optionalInt(bitsStored),
                    Optional.ofNullable(pixelSpacingMm), optionalInt(rows), optionalInt(columns));
        }

        private static OptionalInt optionalInt(Integer value) {
            return value == null ? OptionalInt.empty() : OptionalInt.of(value);
        }
    }
}
