package org.dicomguard.core.dicom;

/**
 * DICOM value representations (PS3.5 section 6.2) with what the reader needs to know about each:
 * whether the explicit-VR header uses the 4-byte length form and whether the value is text in
 * the data set's character set.
 */
public enum VR {
    AE(false, false), AS(false, false), AT(false, false), CS(false, false), DA(false, false),
    DS(false, false), DT(false, false), FD(false, false), FL(false, false), IS(false, false),
    LO(false, true), LT(false, true), OB(true, false), OD(true, false), OF(true, false),
    OL(true, false), OV(true, false), OW(true, false), PN(false, true), SH(false, true),
    SL(false, false), SQ(true, false), SS(false, false), ST(false, true), SV(true, false),
    TM(false, false), UC(true, true), UI(false, false), UL(false, false), UN(true, false),
    UR(true, false), US(false, false), UT(true, true), UV(true, false);

    private final boolean longLengthField;
    private final boolean specificCharacterSetText;

    VR(boolean longLengthField, boolean specificCharacterSetText) {
        this.longLengthField = longLengthField;
        this.specificCharacterSetText = specificCharacterSetText;
    }

    /** @return true when the explicit-VR element header has 2 reserved bytes and a 4-byte length */
    public boolean hasLongLengthField() {
        return longLengthField;
    }

    /** @return true when the value is text decoded with SpecificCharacterSet (else ASCII) */
    public boolean isCharacterSetText() {
        return specificCharacterSetText;
    }

    /** @return true for binary numeric VRs whose values follow the transfer syntax byte order */
    public boolean isBinaryNumber() {
        return this == US || this == SS || this == UL || this == SL || this == FL || this == FD
                || this == AT || this == SV || this == UV;
    }

    /**
     * @param first  first VR byte as read
     * @param second second VR byte as read
     * @return the VR, empty when the two bytes are not a known VR (caller turns that into an error)
     */
    static java.util.Optional<VR> fromBytes(int first, int second) {
        if (first < 'A' || first > 'Z' || second < 'A' || second > 'Z') {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(BY_CODE[(first - 'A') * 26 + (second - 'A')]);
    }

    private static final VR[] BY_CODE = new VR[26 * 26];

    static {
        for (VR vr : values()) {
            BY_CODE[(vr.name().charAt(0) - 'A') * 26 + (vr.name().charAt(1) - 'A')] = vr;
        }
    }
}
