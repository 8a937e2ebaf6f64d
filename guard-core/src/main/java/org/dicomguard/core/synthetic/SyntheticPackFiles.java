package org.dicomguard.core.synthetic;

import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticGenerator;
import org.dicomguard.core.synthetic.chestxray.ChestXraySyntheticOptions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.json.StrictJson;

import java.util.List;

/** The text files of a pack: {@code labels.csv}, {@code ood.csv} and the generator part of {@code pack.json}. */
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

    /** @return the generator options of the task and size, component by component */
    static ObjectNode generatorOptionsJson(SyntheticPackOptions options) {
        ObjectNode node = StrictJson.mapper().createObjectNode();
        if (options.task() == SyntheticPackTask.CHEST_XRAY) {
            ChestXraySyntheticOptions o = options.size().chestXrayOptions();
            node.put("generator", ChestXraySyntheticGenerator.class.getSimpleName());
            node.put("minSidePixels", o.minSidePixels());
            node.put("maxSidePixels", o.maxSidePixels());
            node.put("minPixelSpacingMm", o.minPixelSpacingMm());
            node.put("maxPixelSpacingMm", o.maxPixelSpacingMm());
            node.put("findingPrevalenceFraction", o.findingPrevalenceFraction());
            node.put("monochrome1Fraction", o.monochrome1Fraction());
        } else if (options.task() == SyntheticPackTask.MAMMOGRAPHY) {
            MammographySyntheticOptions o = options.size().mammographyOptions();
            node.put("generator", MammographySyntheticGenerator.class.getSimpleName());
            node.put("imageRows", o.imageSize().rows());
            node.put("imageColumns", o.imageSize().columns());
            node.put("imageSizeRealistic", o.imageSize().isRealistic());
            node.put("massPrevalenceFraction", o.massPrevalenceFraction());
            node.put("calcificationPrevalenceFraction", o.calcificationPrevalenceFraction());
            node.put("monochrome1Fraction", o.monochrome1Fraction());
            node.put("sideMarkerEnabled", o.sideMarkerEnabled());
            node.put("noiseSigmaFraction", o.noiseSigmaFraction());
        } else {
            ChestCtSyntheticOptions o = options.size().chestCtOptions();
            node.put("generator", ChestCtSyntheticGenerator.class.getSimpleName());
            node.put("rows", o.rows());
            node.put("columns", o.columns());
            node.put("sliceCount", o.sliceCount());
            node.put("fieldOfViewMm", o.fieldOfViewMm());
            node.put("scanLengthMm", o.scanLengthMm());
            node.put("pathologyPrevalenceFraction", o.pathologyPrevalenceFraction());
            node.put("noiseSigmaHu", o.noiseSigmaHu());
            if (o.scannerProfilesDrawn()) {
                node.put("scannerProfilesDrawn", true); // sliceCount, fieldOfViewMm, scanLengthMm: per study
            }
        }
        return node;
    }
}
