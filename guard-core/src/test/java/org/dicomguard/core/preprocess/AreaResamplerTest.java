package org.dicomguard.core.preprocess;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AreaResamplerTest {

    /** Area averaging written directly from its definition: overlap of each source pixel with each output pixel. */
    private static double[] reference(float[] src, int sh, int sw, int h, int w) {
        double sy = (double) sh / h;
        double sx = (double) sw / w;
        double[] out = new double[h * w];
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                double sum = 0;
                for (int y = 0; y < sh; y++) {
                    double oy = Math.max(0, Math.min((i + 1) * sy, y + 1) - Math.max(i * sy, y));
                    if (oy == 0) {
                        continue;
                    }
                    for (int x = 0; x < sw; x++) {
                        double ox = Math.max(0, Math.min((j + 1) * sx, x + 1) - Math.max(j * sx, x));
                        sum += src[y * sw + x] * oy * ox;
                    }
                }
                out[i * w + j] = sum / (sy * sx);
            }
        }
        return out;
    }

    @Test
    void resample_randomSizesDownAndUp_equalsTheAreaDefinition() {
        Random random = new Random(5);
        AreaResampler resampler = new AreaResampler(); // reused across sizes, as the preprocessor does
        for (int trial = 0; trial < 200; trial++) {
            int sh = 1 + random.nextInt(40);
            int sw = 1 + random.nextInt(40);
            int h = 1 + random.nextInt(30);
            int w = 1 + random.nextInt(30);
            float[] src = new float[sh * sw];
            for (int k = 0; k < src.length; k++) {
                src[k] = random.nextFloat();
            }
            float[] out = new float[h * w];
            int[] fetches = new int[sh];
            resampler.resample((row, into) -> {
                fetches[row]++;
                System.arraycopy(src, row * sw, into, 0, sw);
            }, sh, sw, out, h, w);
            double[] expected = reference(src, sh, sw, h, w);
            for (int k = 0; k < out.length; k++) {
                assertEquals(expected[k], out[k], 1e-5, "trial " + trial + " " + sh + "x" + sw + " -> " + h + "x" + w);
            }
            for (int row = 0; row < sh; row++) {
                assertEquals(true, fetches[row] <= 1, "source row " + row + " fetched " + fetches[row] + " times");
            }
        }
    }
}
