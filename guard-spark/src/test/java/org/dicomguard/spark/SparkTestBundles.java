package org.dicomguard.spark;

import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.TestMammographyBundles;
import org.dicomguard.core.synthetic.MammographySyntheticOptions;
import org.dicomguard.core.synthetic.MammographySyntheticSize;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The shared test bundle's model and preprocessing ({@link TestMammographyBundles}) with an OOD
 * profile fitted at {@link #OPTIONS}' image size. Why not the shared bundle as is: its 320 x 256
 * synthetic images have 0.73 mm pixels, which the default mammography header rules (0.02 to
 * 0.3 mm) reject, and the spark tests need predictions from the default Pipeline that
 * {@code score} builds. At 832 x 640 the synthetic pixels are about 0.28 mm.
 */
final class SparkTestBundles {

    /** Synthetic options of the archive and of the profile. */
    static final MammographySyntheticOptions OPTIONS =
            MammographySyntheticOptions.defaults().withImageSize(MammographySyntheticSize.fixed(832, 640));

    private SparkTestBundles() {
    }

    /**
     * @param folder target folder
     * @return the manifest written
     */
    static BundleManifest write(Path folder) throws IOException {
        return TestMammographyBundles.write(folder, "spark-test-mammography-1", OPTIONS, HeaderRuleSet.mammography());
    }
}
