package org.dicomguard.ood.rules;

import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.GateReasonCode;
import org.dicomguard.ood.Severity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The header rules of one task: which modalities, SOP classes, body parts, views, photometric
 * interpretations, bit depths, pixel spacings and image sizes the model was built for.
 *
 * <p>An empty allowed set switches that rule off. Code-string values (modality, body part, view,
 * photometric interpretation) are compared case-insensitively; SOP Class UIDs exactly. The
 * pixel-spacing rule is on when {@code minPixelSpacingMm > 0} or {@code maxPixelSpacingMm} is
 * finite; the size rules always apply (their defaults accept any positive size).
 *
 * <p>Severity ({@link Severity}): a missing or unexpected Body Part Examined or View Position is
 * SOFT: those attributes are free-ish text that sites fill inconsistently, so they never reject
 * alone; the statistics gate decides, and the soft reason is reported as a warning or as extra
 * evidence next to a statistics rejection. Every other rule is HARD: without the right modality,
 * SOP class, photometric interpretation, bit depth, spacing and size the pixels cannot even be
 * interpreted as the model expects.
 *
 * @param allowedModalities                 e.g. {@code [MG]}; empty: not checked
 * @param allowedSopClassUids               e.g. the mammography storage classes; empty: not checked
 * @param allowedBodyPartsExamined          e.g. {@code [BREAST]}; empty: not checked (soft rule)
 * @param allowedViewPositions              e.g. {@code [CC, MLO]}; empty: not checked (soft rule)
 * @param allowedPhotometricInterpretations e.g. {@code [MONOCHROME1, MONOCHROME2]}; empty: not checked
 * @param allowedBitsStored                 e.g. {@code [12, 16]}; empty: not checked
 * @param minPixelSpacingMm                 smallest allowed spacing in both directions, mm, &gt;= 0
 * @param maxPixelSpacingMm                 largest allowed spacing, mm, &gt;= min; +Infinity: no upper bound
 * @param minRows                           smallest allowed Rows, &gt;= 1
 * @param maxRows                           largest allowed Rows, &gt;= minRows
 * @param minColumns                        smallest allowed Columns, &gt;= 1
 * @param maxColumns                        largest allowed Columns, &gt;= minColumns
 */
public record HeaderRuleSet(Set<String> allowedModalities, Set<String> allowedSopClassUids,
                            Set<String> allowedBodyPartsExamined, Set<String> allowedViewPositions,
                            Set<String> allowedPhotometricInterpretations, Set<Integer> allowedBitsStored,
                            double minPixelSpacingMm, double maxPixelSpacingMm, int minRows, int maxRows,
                            int minColumns, int maxColumns) {

    /**
     * Normalizes code strings to upper case, copies the sets and validates the ranges. Prefer
     * {@link #builder()}: it names each property and refuses a bad value where it is set.
     */
    public HeaderRuleSet {
        allowedModalities = upper(allowedModalities, "allowedModalities");
        allowedSopClassUids = exact(allowedSopClassUids, "allowedSopClassUids");
        allowedBodyPartsExamined = upper(allowedBodyPartsExamined, "allowedBodyPartsExamined");
        allowedViewPositions = upper(allowedViewPositions, "allowedViewPositions");
        allowedPhotometricInterpretations = upper(allowedPhotometricInterpretations, "allowedPhotometricInterpretations");
        allowedBitsStored = bitsStored(allowedBitsStored);
        if (!(minPixelSpacingMm >= 0 && maxPixelSpacingMm >= minPixelSpacingMm) || Double.isNaN(maxPixelSpacingMm)
                || Double.isInfinite(minPixelSpacingMm)) {
            throw new IllegalArgumentException("pixel spacing range must satisfy 0 <= minPixelSpacingMm <= "
                    + "maxPixelSpacingMm, got [" + minPixelSpacingMm + ", " + maxPixelSpacingMm + "]");
        }
        if (minRows < 1 || maxRows < minRows) {
            throw new IllegalArgumentException("rows range must satisfy 1 <= minRows <= maxRows, got [" + minRows
                    + ", " + maxRows + "]");
        }
        if (minColumns < 1 || maxColumns < minColumns) {
            throw new IllegalArgumentException("columns range must satisfy 1 <= minColumns <= maxColumns, got ["
                    + minColumns + ", " + maxColumns + "]");
        }
    }

    /**
     * @return rules that accept every header: a starting point for {@code withX}
     */
    public static HeaderRuleSet acceptAll() {
        return new HeaderRuleSet(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), 0,
                Double.POSITIVE_INFINITY, 1, Integer.MAX_VALUE, 1, Integer.MAX_VALUE);
    }

    /** @return a builder starting from {@link #acceptAll()}: every rule off */
    public static HeaderRuleSetBuilder builder() {
        return new HeaderRuleSetBuilder(acceptAll());
    }

    /** @return a builder starting from these rules; each property may be replaced once */
    public HeaderRuleSetBuilder toBuilder() {
        return new HeaderRuleSetBuilder(this);
    }

    /** @return rules for 2D digital mammography (MG, breast, CC/MLO, monochrome, 0.02 to 0.3 mm) */
    public static HeaderRuleSet mammography() {
        return builder().allowedModalities(Set.of("MG"))
                .allowedSopClassUids(Set.of("1.2.840.10008.5.1.4.1.1.1.2", "1.2.840.10008.5.1.4.1.1.1.2.1"))
                .allowedBodyPartsExamined(Set.of("BREAST")).allowedViewPositions(Set.of("CC", "MLO"))
                .allowedPhotometricInterpretations(Set.of("MONOCHROME1", "MONOCHROME2")).allowedBitsStored(bits(8, 16))
                .minPixelSpacingMm(0.02).maxPixelSpacingMm(0.3)
                .minRows(64).maxRows(10_000).minColumns(64).maxColumns(10_000).build();
    }

    /** @return rules for chest CT (CT image storage, chest body parts, monochrome, 0.2 to 2 mm) */
    public static HeaderRuleSet chestCt() {
        return builder().allowedModalities(Set.of("CT"))
                .allowedSopClassUids(Set.of("1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.2.1"))
                .allowedBodyPartsExamined(Set.of("CHEST", "LUNG", "THORAX", "CHESTABDOMEN", "CHESTABDPELVIS"))
                .allowedPhotometricInterpretations(Set.of("MONOCHROME2")).allowedBitsStored(bits(8, 16))
                .minPixelSpacingMm(0.2).maxPixelSpacingMm(2.0)
                .minRows(64).maxRows(2048).minColumns(64).maxColumns(2048).build();
    }

    /**
     * @param values allowed modalities
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedModalities(Set<String> values) {
        return toBuilder().allowedModalities(values).build();
    }

    /**
     * @param values allowed SOP Class UIDs
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedSopClassUids(Set<String> values) {
        return toBuilder().allowedSopClassUids(values).build();
    }

    /**
     * @param values allowed body parts
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedBodyPartsExamined(Set<String> values) {
        return toBuilder().allowedBodyPartsExamined(values).build();
    }

    /**
     * @param values allowed view positions
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedViewPositions(Set<String> values) {
        return toBuilder().allowedViewPositions(values).build();
    }

    /**
     * @param values allowed photometric interpretations
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedPhotometricInterpretations(Set<String> values) {
        return toBuilder().allowedPhotometricInterpretations(values).build();
    }

    /**
     * @param values allowed Bits Stored values
     * @return a copy with them
     */
    public HeaderRuleSet withAllowedBitsStored(Set<Integer> values) {
        return toBuilder().allowedBitsStored(values).build();
    }

    /**
     * @param minMm smallest spacing
     * @param maxMm largest spacing
     * @return a copy with that range
     */
    public HeaderRuleSet withPixelSpacingRangeMm(double minMm, double maxMm) {
        return toBuilder().minPixelSpacingMm(minMm).maxPixelSpacingMm(maxMm).build();
    }

    /**
     * @param minRowsValue    smallest Rows
     * @param maxRowsValue    largest Rows
     * @param minColumnsValue smallest Columns
     * @param maxColumnsValue largest Columns
     * @return a copy with those size ranges
     */
    public HeaderRuleSet withImageSizeRange(int minRowsValue, int maxRowsValue, int minColumnsValue,
                                            int maxColumnsValue) {
        return toBuilder().minRows(minRowsValue).maxRows(maxRowsValue).minColumns(minColumnsValue)
                .maxColumns(maxColumnsValue).build();
    }

    /**
     * Checks every rule and collects every problem (not only the first).
     *
     * @param facts the header values
     * @return one reason per failing rule, in rule order; empty if all pass
     */
    public List<GateReason> evaluate(HeaderFacts facts) {
        Objects.requireNonNull(facts, "facts");
        List<GateReason> reasons = new ArrayList<>();
        checkCode(reasons, GateReasonCode.WRONG_MODALITY, Severity.HARD, "Modality", facts.modality(),
                allowedModalities, true);
        checkCode(reasons, GateReasonCode.WRONG_SOP_CLASS, Severity.HARD, "SOP Class UID", facts.sopClassUid(),
                allowedSopClassUids, false);
        checkCode(reasons, GateReasonCode.WRONG_BODY_PART, Severity.SOFT, "Body Part Examined",
                facts.bodyPartExamined(), allowedBodyPartsExamined, true);
        checkCode(reasons, GateReasonCode.WRONG_VIEW_POSITION, Severity.SOFT, "View Position", facts.viewPosition(),
                allowedViewPositions, true);
        checkCode(reasons, GateReasonCode.WRONG_PHOTOMETRIC_INTERPRETATION, Severity.HARD,
                "Photometric Interpretation", facts.photometricInterpretation(), allowedPhotometricInterpretations, true);
        if (!allowedBitsStored.isEmpty()) {
            checkCode(reasons, GateReasonCode.WRONG_BITS_STORED, Severity.HARD, "Bits Stored",
                    asText(facts.bitsStored()), allowedBitsStored.stream().map(String::valueOf)
                            .collect(Collectors.toCollection(LinkedHashSet::new)), false);
        }
        checkPixelSpacing(reasons, facts.pixelSpacingMm());
        checkRange(reasons, "Rows", facts.rows(), minRows, maxRows);
        checkRange(reasons, "Columns", facts.columns(), minColumns, maxColumns);
        return List.copyOf(reasons);
    }

    private static void checkCode(List<GateReason> reasons, GateReasonCode code, Severity severity, String attribute,
                                  Optional<String> value, Set<String> allowed, boolean caseInsensitive) {
        if (allowed.isEmpty()) {
            return;
        }
        String expected = "one of " + allowed;
        if (value.isEmpty()) {
            reasons.add(new GateReason(code, severity, attribute + " is absent; expected " + expected,
                    GateReason.ABSENT, expected));
            return;
        }
        String seen = value.get();
        String compared = caseInsensitive ? seen.toUpperCase(Locale.ROOT) : seen;
        if (!allowed.contains(compared)) {
            reasons.add(new GateReason(code, severity, attribute + " is '" + seen + "'; expected " + expected,
                    seen, expected));
        }
    }

    private void checkPixelSpacing(List<GateReason> reasons, Optional<PixelSpacingMm> spacing) {
        boolean ruleOn = minPixelSpacingMm > 0 || Double.isFinite(maxPixelSpacingMm);
        if (!ruleOn) {
            return;
        }
        String expected = "[" + minPixelSpacingMm + ", " + maxPixelSpacingMm + "] mm";
        GateReasonCode code = GateReasonCode.PIXEL_SPACING_OUT_OF_RANGE;
        if (spacing.isEmpty()) {
            reasons.add(new GateReason(code, Severity.HARD, "pixel spacing is absent; expected " + expected,
                    GateReason.ABSENT, expected));
            return;
        }
        PixelSpacingMm s = spacing.get();
        if (outside(s.rowMm()) || outside(s.columnMm())) {
            String seen = s.rowMm() + "\\" + s.columnMm();
            reasons.add(new GateReason(code, Severity.HARD, "pixel spacing is " + seen + " mm; expected " + expected
                    + " in both directions", seen, expected));
        }
    }

    private boolean outside(double mm) {
        return mm < minPixelSpacingMm || mm > maxPixelSpacingMm;
    }

    private static void checkRange(List<GateReason> reasons, String attribute, OptionalInt value, int min, int max) {
        String expected = "[" + min + ", " + max + "]";
        GateReasonCode code = GateReasonCode.IMAGE_SIZE_OUT_OF_RANGE;
        if (value.isEmpty()) {
            reasons.add(new GateReason(code, Severity.HARD, attribute + " is absent; expected " + expected,
                    GateReason.ABSENT, expected));
        } else if (value.getAsInt() < min || value.getAsInt() > max) {
            reasons.add(new GateReason(code, Severity.HARD, attribute + " is " + value.getAsInt() + "; expected "
                    + expected, String.valueOf(value.getAsInt()), expected));
        }
    }

    private static Optional<String> asText(OptionalInt value) {
        return value.isPresent() ? Optional.of(String.valueOf(value.getAsInt())) : Optional.empty();
    }

    /** Code strings: stripped, upper case, sorted, none blank. */
    static Set<String> upper(Set<String> values, String name) {
        TreeSet<String> out = new TreeSet<>();
        for (String v : Objects.requireNonNull(values, name)) {
            String s = Objects.requireNonNull(v, name + " element").strip().toUpperCase(Locale.ROOT);
            if (s.isEmpty()) {
                throw new IllegalArgumentException(name + " must not contain a blank value");
            }
            out.add(s);
        }
        return Collections.unmodifiableSet(out);
    }

    /** Exact strings (UIDs): sorted, none null or blank. */
    static Set<String> exact(Set<String> values, String name) {
        TreeSet<String> out = new TreeSet<>();
        for (String v : Objects.requireNonNull(values, name)) {
            if (Objects.requireNonNull(v, name + " element").isBlank()) {
                throw new IllegalArgumentException(name + " must not contain a blank value");
            }
            out.add(v);
        }
        return Collections.unmodifiableSet(out);
    }

    /** Bits Stored values: sorted, each in [1, 32]. */
    static Set<Integer> bitsStored(Set<Integer> values) {
        TreeSet<Integer> out = new TreeSet<>(Objects.requireNonNull(values, "allowedBitsStored"));
        for (int bits : out) {
            if (bits < 1 || bits > 32) {
                throw new IllegalArgumentException("allowedBitsStored values must be in [1, 32], got " + bits);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static Set<Integer> bits(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().collect(Collectors.toUnmodifiableSet());
    }
}
