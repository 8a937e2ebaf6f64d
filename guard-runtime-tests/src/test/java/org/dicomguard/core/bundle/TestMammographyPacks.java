package org.dicomguard.core.bundle;

import org.dicomguard.core.synthetic.MammographySyntheticGenerator;
import org.dicomguard.core.synthetic.MammographySyntheticImage;
import org.dicomguard.core.synthetic.MammographySyntheticKind;
import org.dicomguard.core.synthetic.MammographySyntheticStudy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Writes small labelled packs in the layout {@code synth} writes (study-NNNN/ folders of .dcm
 * files, labels.csv, ood.csv), deterministically from a seed, for tests of evaluate and golden.
 */
public final class TestMammographyPacks {

    private TestMammographyPacks() {
    }

    /**
     * @param seed   pack seed
     * @param index  study index
     * @return the study UID the pack writes for that study
     */
    public static String studyUid(long seed, int index) {
        return "2.25." + (seed * 1000 + index + 1);
    }

    /**
     * Writes a pack.
     *
     * @param dir                 created if absent
     * @param seed                pack seed
     * @param labelledCount       in-distribution studies listed in labels.csv
     * @param brokenLabelledCount how many of those (the first ones) get blank images labelled as
     *                            mammography, so the Pipeline rejects them (statistics gate)
     * @param oodKinds            one out-of-distribution study per entry, listed in ood.csv; CT_SLICE
     *                            keeps its CT header (header rules reject), other kinds claim mammography
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, long seed, int labelledCount, int brokenLabelledCount,
                             List<MammographySyntheticKind> oodKinds) throws IOException {
        MammographySyntheticGenerator generator = TestEvaluationBundles.generator();
        Files.createDirectories(dir);
        StringBuilder labels = new StringBuilder("studyInstanceUid," + String.join(",", TestEvaluationBundles.CODES) + "\n");
        for (int i = 0; i < labelledCount; i++) {
            MammographySyntheticStudy study = generator.study(seed, i);
            String uid = studyUid(seed, i);
            Path folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "study-%04d", i)));
            for (int v = 0; v < study.views().size(); v++) {
                MammographySyntheticImage view = study.views().get(v);
                if (i < brokenLabelledCount) {
                    MammographySyntheticImage blank = generator.image(MammographySyntheticKind.BLANK, seed * 31 + i * 4L + v);
                    TestEvaluationBundles.writeDicom(folder.resolve(v + ".dcm"), blank, blank.header()
                            .asMammography(view.header().imageLaterality(), view.header().viewPosition()), uid, v + 1);
                } else {
                    TestEvaluationBundles.writeDicom(folder.resolve(v + ".dcm"), view, view.header(), uid, v + 1);
                }
            }
            labels.append(uid);
            for (String code : TestEvaluationBundles.CODES) {
                labels.append(',').append(study.label(code));
            }
            labels.append('\n');
        }
        StringBuilder ood = new StringBuilder("studyInstanceUid,kind\n");
        for (int k = 0; k < oodKinds.size(); k++) {
            int index = labelledCount + k;
            String uid = studyUid(seed, index);
            MammographySyntheticKind kind = oodKinds.get(k);
            Path folder = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "study-%04d", index)));
            String[][] views = {{"L", "CC"}, {"L", "MLO"}, {"R", "CC"}, {"R", "MLO"}};
            for (int v = 0; v < views.length; v++) {
                MammographySyntheticImage image = generator.image(kind, seed * 77 + index * 4L + v);
                TestEvaluationBundles.writeDicom(folder.resolve(v + ".dcm"), image,
                        kind == MammographySyntheticKind.CT_SLICE ? image.header()
                                : image.header().asMammography(views[v][0], views[v][1]), uid, v + 1);
            }
            ood.append(uid).append(',').append(kind.name().toLowerCase(Locale.ROOT)).append('\n');
        }
        Files.writeString(dir.resolve("labels.csv"), labels, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("ood.csv"), ood, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("pack.json"), "{\"seed\":" + seed + ",\"task\":\"mammography\"}\n",
                StandardCharsets.UTF_8);
    }
}
