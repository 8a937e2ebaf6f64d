package org.dicomguard.core.study;

import org.dicomguard.core.task.chestct.ChestCtStudyPreparer;
import org.dicomguard.contract.ImageIgnored;
import org.dicomguard.contract.ImageUsed;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.task.chestct.ChestCtPreprocessingConfig;
import org.dicomguard.core.synthetic.SyntheticPackOptions;
import org.dicomguard.core.synthetic.SyntheticPackTask;
import org.dicomguard.core.synthetic.SyntheticPackWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chest CT composition: one series chosen by a documented rule, the others listed as ignored. */
class ChestCtSeriesChoiceTest {

    @TempDir
    Path temp;
    private final DicomReader reader = new DicomReader();
    private final ChestCtStudyPreparer preparer = new ChestCtStudyPreparer(ChestCtPreprocessingConfig.defaults());

    private List<Path> series() throws IOException {
        new SyntheticPackWriter(SyntheticPackOptions.of(SyntheticPackTask.fromCode("chest-ct"), 11, 1)).write(temp);
        try (Stream<Path> files = Files.list(temp.resolve("study-0000"))) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** A copy of {@code file} whose series and SOP UIDs have their last digit replaced (same length, so same layout). */
    private Path copyInto(Path file, String seriesLastDigit, String name) throws Exception {
        var ds = reader.readHeader(file).dataSet();
        String series = ds.getString(Tag.SeriesInstanceUID, "");
        String sop = ds.getString(Tag.SOPInstanceUID, "");
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        String changed = bytes.replace(sop, sop.substring(0, sop.length() - 1) + (sop.endsWith("7") ? "8" : "7"))
                .replace(series, series.substring(0, series.length() - 1) + seriesLastDigit);
        return Files.write(temp.resolve(name), changed.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void prepare_scoutSeriesBeside_largestSeriesUsedOthersIgnoredWhateverTheOrder() throws Exception {
        List<Path> main = series();
        String mainSeries = reader.readHeader(main.get(0)).dataSet().getString(Tag.SeriesInstanceUID, "");
        String other = mainSeries.endsWith("9") ? "8" : "9";
        List<Path> files = new ArrayList<>(main);
        files.add(copyInto(main.get(0), other, "scout-1.dcm"));
        files.add(copyInto(main.get(1), other, "scout-2.dcm"));
        PreparedStudy forward = preparer.prepare(StudyImage.readHeaders(files, reader));
        Collections.reverse(files);
        PreparedStudy backward = preparer.prepare(StudyImage.readHeaders(files, reader));
        assertEquals(main.size(), forward.imagesUsed().size());
        assertTrue(forward.imagesUsed().stream().allMatch(u -> u.label().equals("series")));
        assertEquals(2, forward.imagesIgnored().size());
        assertTrue(forward.imagesIgnored().stream().allMatch(i -> i.reason().equals("OTHER_SERIES")));
        assertEquals(forward.imagesUsed(), backward.imagesUsed());
        assertEquals(forward.imagesIgnored(), backward.imagesIgnored());
        List<String> sops = forward.imagesUsed().stream().map(ImageUsed::sopInstanceUid).toList();
        assertEquals(sops.stream().sorted().toList(), sops);
        assertTrue(forward.imagesIgnored().stream().map(ImageIgnored::sopInstanceUid).noneMatch(sops::contains));
    }

    @Test
    void prepare_noValidSeriesInstanceUid_rejectedMissingSeriesBeforePixels() throws Exception {
        List<Path> main = series();
        String series = reader.readHeader(main.get(0)).dataSet().getString(Tag.SeriesInstanceUID, "");
        List<Path> broken = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            String bytes = new String(Files.readAllBytes(main.get(i)), StandardCharsets.ISO_8859_1);
            String letters = "X".repeat(series.length());
            broken.add(Files.write(temp.resolve("broken-" + i + ".dcm"),
                    bytes.replace(series, letters).getBytes(StandardCharsets.ISO_8859_1)));
        }
        UnusableStudyException e = assertThrows(UnusableStudyException.class,
                () -> preparer.prepare(StudyImage.readHeaders(broken, reader)));
        assertEquals("MISSING_SERIES", e.code());
    }
}
