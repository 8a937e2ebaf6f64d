package org.dicomguard.core.synthetic;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A labelled synthetic screening study: the four views L-CC, L-MLO, R-CC, R-MLO.
 *
 * @param studyId         stable identifier derived from the seed and index, e.g. "synth-mg-42-0007"
 * @param seed            the seed that reproduces this study
 * @param views           the four images, in the order L-CC, L-MLO, R-CC, R-MLO
 * @param pathologyCodes  study label: the pathology codes present in any view, sorted; empty = normal
 */
public record MammographySyntheticStudy(String studyId, long seed, List<MammographySyntheticImage> views,
                                        Set<String> pathologyCodes) {

    /** Copies the collections, keeping the label sorted. */
    public MammographySyntheticStudy {
        views = List.copyOf(views);
        pathologyCodes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(pathologyCodes));
    }

    /**
     * @param pathologyCode "mass" or "calcification"
     * @return 1 when the study carries that pathology, else 0
     */
    public int label(String pathologyCode) {
        return pathologyCodes.contains(pathologyCode) ? 1 : 0;
    }
}
