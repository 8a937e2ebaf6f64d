package org.dicomguard.dicomout;

import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.CodedConcept;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a report needs from the bundle besides the result: the coded concept of each pathology
 * and of the aggregate, the procedure reported, and the model hash (a Rejected or Failed result
 * carries none). Immutable and thread-safe.
 *
 * @param pathologyConcepts pathology code to concept; a code not listed gets
 *                          {@link CodedConcept#privateConcept(String, String) the private concept}
 * @param aggregateConcept  the any-pathology aggregate's concept
 * @param procedureReported TID 1500 "Procedure reported", e.g. (71651007, SCT, "Mammography")
 * @param modelSha256       the bundle's model hash, reported as the algorithm version
 */
public record ReportVocabulary(Map<String, CodedConcept> pathologyConcepts, CodedConcept aggregateConcept,
                               CodedConcept procedureReported, String modelSha256) {

    /** Copies the map; the rules are in the type description. */
    public ReportVocabulary {
        pathologyConcepts = Map.copyOf(pathologyConcepts);
        Objects.requireNonNull(aggregateConcept, "aggregateConcept");
        Objects.requireNonNull(procedureReported, "procedureReported");
        if (modelSha256 == null || !modelSha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("modelSha256 must be 64 lower-case hex digits, got " + modelSha256);
        }
    }

    /**
     * @param manifest a loaded bundle's manifest, not modified
     * @return its concepts, its task's procedure and its model hash
     */
    public static ReportVocabulary of(BundleManifest manifest) {
        Map<String, CodedConcept> concepts = new LinkedHashMap<>();
        for (BundleManifest.PathologySpec p : manifest.pathologies()) {
            concepts.put(p.code(), p.concept());
        }
        CodedConcept procedure = manifest.task().procedureReported();
        return new ReportVocabulary(concepts, manifest.anyPathology().concept(), procedure, manifest.model().sha256());
    }

    /**
     * @param code a pathology code of a result
     * @return its concept, or the private-scheme concept for a code the bundle does not list
     */
    public CodedConcept conceptOf(String code) {
        CodedConcept c = pathologyConcepts.get(code);
        return c != null ? c : CodedConcept.privateConcept(code, code);
    }
}
