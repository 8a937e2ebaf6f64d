package org.dicomguard.core.bundle;

/**
 * JSON shapes of the manifest records that gained optional keys after schema version 1 shipped.
 *
 * <p>Design note: the strict mapper fails on a missing creator property, which is right for every
 * key a manifest has always had. A key added later (the coded {@code concept}) must be optional so
 * that older manifests still load. Jackson binds these plain fields without a creator, so an
 * absent key stays null; unknown keys are still errors, and required keys are checked here with
 * the field's name. Not thread-safe; one instance per JSON object.
 */
final class ManifestJsonFields {
    private ManifestJsonFields() {
    }

    /** {@link BundleManifest.PathologySpec} as read from JSON. */
    static final class Pathology {
        public String code;
        public String displayName;
        public Integer outputIndex;
        public Float decisionThresholdProbability;
        public CodedConcept concept;

        BundleManifest.PathologySpec toSpec() {
            return new BundleManifest.PathologySpec(required("pathologies.code", code),
                    required("pathologies.displayName", displayName),
                    required("pathologies[" + code + "].outputIndex", outputIndex),
                    required("pathologies[" + code + "].decisionThresholdProbability", decisionThresholdProbability),
                    concept);
        }
    }

    /** {@link BundleManifest.AnyPathologySpec} as read from JSON. */
    static final class AnyPathology {
        public String rule;
        public Integer outputIndex;
        public CodedConcept concept;

        BundleManifest.AnyPathologySpec toSpec() {
            return new BundleManifest.AnyPathologySpec(required("anyPathology.rule", rule),
                    required("anyPathology.outputIndex", outputIndex), concept);
        }
    }

    private static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return value;
    }
}
