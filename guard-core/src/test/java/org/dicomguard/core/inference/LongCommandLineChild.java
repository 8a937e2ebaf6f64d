package org.dicomguard.core.inference;

import java.util.Arrays;
import java.util.Map;

/**
 * Main class of the child JVM started by {@link OrtLongCommandLineTest}: opens a tiny model and
 * runs it once, printing the output. Nothing else (no environment variable set by the caller).
 */
public final class LongCommandLineChild {

    private LongCommandLineChild() {
    }

    /** @param args ignored */
    public static void main(String[] args) throws Exception {
        byte[] model = OnnxTestModels.linear("input", new long[]{1, 2}, "output", 1, new float[]{1f, 2f}, false,
                Map.of());
        try (OrtModel m = OrtModel.open(model, InferenceSettings.defaults())) {
            System.out.println("output " + Arrays.toString(m.run(new float[]{3f, 4f})));
        }
    }
}
