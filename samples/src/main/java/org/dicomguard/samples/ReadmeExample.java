package org.dicomguard.samples;

import org.dicomguard.contract.ContractJson;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Rejected;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.monitoring.JsonLinesPipelineListener;

import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The README's Pipeline example, compiled with the project so it cannot rot.
 * Run: {@code java -cp samples/target/dicom-guard.jar org.dicomguard.samples.ReadmeExample BUNDLE FILE...}
 */
public final class ReadmeExample {

    private ReadmeExample() {
    }

    /**
     * @param args the bundle folder, then the DICOM files of one study
     * @throws Exception when the bundle cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        List<Path> studyFiles = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            studyFiles.add(Path.of(args[i]));
        }
        System.out.println(run(Path.of(args[0]), studyFiles, System.out));
    }

    /**
     * @param bundleDir  bundle folder
     * @param studyFiles the files of one study
     * @param out        where the findings are printed
     * @return the contract JSON line of the study
     * @throws Exception when the bundle cannot be loaded
     */
    public static String run(Path bundleDir, List<Path> studyFiles, PrintStream out) throws Exception {
        StringWriter eventsWriter = new StringWriter();
        try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(bundleDir))
                .listener(new JsonLinesPipelineListener(eventsWriter))   // optional monitoring events
                .build()) {                                             // every configuration error surfaces here
            GuardResult result = pipeline.run(studyFiles);              // never throws for bad input
            switch (result.status()) {
                case PREDICTION -> ((Prediction) result).pathologies()
                        .forEach(f -> out.println(f.code() + " " + f.probability()));
                case REJECTED -> ((Rejected) result).reasons().forEach(r -> out.println(r.code()));
                case FAILED -> out.println(((Failed) result).errorCode());
            }
            return ContractJson.write(result);                          // what a backend sends on, unchanged
        }
    }
}
