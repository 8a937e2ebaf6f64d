package org.dicomguard.core.bundle;

import java.util.regex.Pattern;

/**
 * A coded concept of a controlled terminology (a DICOM code sequence item, PS3.3 8.8): what a
 * pathology or the any-pathology aggregate means outside this library, e.g. SNOMED CT
 * {@code ("SCT", "27925004", "Nodule")}. Written into DICOM Structured Reports so that a PACS or
 * viewer knows the finding without knowing the bundle's own {@code code}.
 *
 * <p>Concepts without a standard code use the private coding scheme {@value #PRIVATE_SCHEME}
 * (a designator beginning with "99" is local by the standard's rule, PS3.16 8.2); see
 * guard-dicom-out/README.md for the list.
 *
 * @param schemeDesignator coding scheme designator, e.g. "SCT", "DCM", "RADLEX" or {@value #PRIVATE_SCHEME};
 *                         1..16 characters without backslash or control characters
 * @param codeValue        the code in that scheme, 1..64 characters (values above 16 characters
 *                         are written as Long Code Value); no backslash or control characters
 * @param codeMeaning      human-readable meaning, 1..64 characters, no backslash or control characters
 */
public record CodedConcept(String schemeDesignator, String codeValue, String codeMeaning) {

    /** The project's private coding scheme designator. */
    public static final String PRIVATE_SCHEME = "99DCMGUARD";

    private static final Pattern TEXT = Pattern.compile("[^\\\\\\p{Cntrl}]+");

    /** Validates the components; the rules are in the type description. */
    public CodedConcept {
        requireCodeText("schemeDesignator", schemeDesignator, 16);
        requireCodeText("codeValue", codeValue, 64);
        requireCodeText("codeMeaning", codeMeaning, 64);
    }

    /**
     * The concept an older manifest without a coded concept gets: the bundle's own code in the
     * private scheme.
     *
     * @param code        the pathology's bundle code (the code value)
     * @param displayName the pathology's display name (the meaning, cut to 64 characters)
     * @return a concept in {@value #PRIVATE_SCHEME}
     */
    public static CodedConcept privateConcept(String code, String displayName) {
        return new CodedConcept(PRIVATE_SCHEME, code.length() > 64 ? code.substring(0, 64) : code,
                displayName.length() > 64 ? displayName.substring(0, 64) : displayName);
    }

    private static void requireCodeText(String field, String value, int maxChars) {
        if (value == null || value.isBlank() || value.length() > maxChars || !TEXT.matcher(value).matches()) {
            throw new IllegalArgumentException("concept." + field + " must be 1.." + maxChars
                    + " characters without backslash or control characters, got \"" + value + "\"");
        }
    }
}
