package org.dicomguard.core.synthetic;

import java.util.List;

/** The text files of a pack: {@code labels.csv} and {@code ood.csv}. */
final class SyntheticPackFiles {

    private SyntheticPackFiles() {
    }

    /** @return header {@code studyInstanceUid,<codes>} then one 0/1 row per labelled study, "\n" line ends */
    static String labelsCsv(SyntheticPackTask task, List<SyntheticPackWriter.StudyRecord> studies) {
        List<String> codes = task.pathologyCodes();
        StringBuilder csv = new StringBuilder("studyInstanceUid");
        for (String code : codes) {
            csv.append(',').append(code);
        }
        csv.append('\n');
        for (SyntheticPackWriter.StudyRecord study : studies) {
            if (study.outOfDistribution()) {
                continue;
            }
            csv.append(study.studyInstanceUid());
            for (String code : codes) {
                csv.append(',').append(study.labels().contains(code) ? '1' : '0');
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** @return header {@code studyInstanceUid,kind} then one row per OOD study, "\n" line ends */
    static String oodCsv(List<SyntheticPackWriter.StudyRecord> studies) {
        StringBuilder csv = new StringBuilder("studyInstanceUid,kind\n");
        for (SyntheticPackWriter.StudyRecord study : studies) {
            if (study.outOfDistribution()) {
                csv.append(study.studyInstanceUid()).append(',').append(study.kind()).append('\n');
            }
        }
        return csv.toString();
    }
}
