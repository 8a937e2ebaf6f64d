package org.dicomguard.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.dicomguard.contract.ContractJson;
import org.dicomguard.core.Pipeline;
import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.inference.ModelLoadException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * How a service wires the meters (guard-micrometer's README shows this class): one Pipeline per
 * bundle, built once with the listener, shared by all request threads. In a Spring Boot or Quarkus
 * service the registry is the one the framework injects (Prometheus); here a SimpleMeterRegistry.
 * Run: {@code ScoringServiceExample BUNDLE_DIR FILE...}.
 */
public final class ScoringServiceExample implements AutoCloseable {

    private final Pipeline pipeline;

    /**
     * @param bundleDir the model bundle folder
     * @param registry  the service's meter registry
     * @throws BundleLoadException when the bundle is refused
     * @throws ModelLoadException  when the model cannot be opened
     */
    public ScoringServiceExample(Path bundleDir, MeterRegistry registry) throws BundleLoadException, ModelLoadException {
        this.pipeline = Pipeline.builder(ModelBundle.load(bundleDir))
                .listener(new MicrometerPipelineListener(registry))
                .build();
    }

    /**
     * @param studyFiles the DICOM files of one study
     * @return the study's contract JSON line, what the service answers
     */
    public String score(List<Path> studyFiles) {
        return ContractJson.write(pipeline.run(studyFiles));
    }

    @Override
    public void close() {
        pipeline.close();
    }

    /**
     * @param args the bundle folder, then the files of one study
     * @throws Exception when the bundle cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ScoringServiceExample service = new ScoringServiceExample(Path.of(args[0]), registry)) {
            System.out.println(service.score(Arrays.stream(args).skip(1).map(Path::of).toList()));
        }
        System.out.println(registry.getMetersAsString());
    }
}
