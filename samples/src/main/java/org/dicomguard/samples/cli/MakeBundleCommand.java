package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.CodedConcept;
import org.dicomguard.core.bundle.BundleModelCheck;
import org.dicomguard.training.BundleWriter;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.OnnxModelInfo;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.json.StrictJson;
import org.dicomguard.core.preprocess.PreprocessingConfig;
import org.dicomguard.ood.rules.HeaderRuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code make-bundle}: assembles a bundle folder from a trained model, its preprocessing config,
 * an OOD profile and the reference metrics of the release metric test. Hashes and the
 * fingerprint are computed from the files written, and the model's own metadata fingerprint and
 * shapes are read from the model, so a bundle is consistent by construction; loading it again
 * verifies everything.
 */
@Command(name = "make-bundle", mixinStandardHelpOptions = true,
        description = "Assemble a model bundle (training-side tooling).")
public final class MakeBundleCommand implements Callable<Integer> {

    /** The OOD profile written without --profile: named as a placeholder, refused by the profile reader. */
    static final String PLACEHOLDER_PROFILE = "{\"placeholder\":\"no OOD profile fitted yet: run fit-profile, then "
            + "make-bundle --profile\"}";

    @CommandLine.Mixin
    TaskConfigOptions taskConfig;

    @Option(names = "--model", converter = ExistingPath.class, required = true, paramLabel = "M", description = "the trained ONNX model")
    Path model;

    @Option(names = "--bundle-id", required = true, paramLabel = "ID", description = "e.g. demo-mammography-1")
    String bundleId;

    @Option(names = "--pathology", required = true, paramLabel = "CODE:NAME:THRESHOLD",
            description = "one per model output, in output order, e.g. mass:Mass:0.5")
    List<String> pathologies;

    @Option(names = "--concept", paramLabel = "CODE=SCHEME:VALUE:MEANING",
            description = "coded concept of a pathology for DICOM SR, e.g. nodule=SCT:27925004:Nodule; repeatable"
                    + " (default: the private scheme 99DCMGUARD with the code and display name)")
    List<String> concepts = new ArrayList<>();

    @Option(names = "--any-rule", defaultValue = "max", paramLabel = "RULE", description = "max or noisyOr (default max)")
    String anyRule;

    @Option(names = "--profile", converter = ExistingPath.class, paramLabel = "F", description = "OOD profile from fit-profile (default: an empty placeholder)")
    Path profile;

    @Option(names = "--reference-metrics", converter = ExistingPath.class, paramLabel = "F", description = "metrics.json of evaluate on the reference pack")
    Path referenceMetrics;

    @Option(names = "--reference-pack", defaultValue = "placeholder: not yet evaluated", paramLabel = "TEXT",
            description = "how the reference pack was made")
    String referencePack;

    @Option(names = "--margin", defaultValue = "0.05", paramLabel = "AUC", description = "non-inferiority margin (default 0.05)")
    double margin;

    @Option(names = "--pixel-spacing-range-mm", paramLabel = "MIN:MAX",
            description = "pixel spacing the model accepts, in mm (default: the task preset's clinical range)")
    String pixelSpacingRangeMm;

    @Option(names = "--training-pack", converter = ExistingPath.class, paramLabel = "DIR",
            description = "the pack the model was trained on: the SHA-256 of its pack.json is recorded in the manifest"
                    + " and in every prediction's provenance (default: recorded as unknown)")
    Path trainingPack;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "bundle folder to write")
    Path out;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PreprocessingConfig config = taskConfig.load();
        byte[] modelBytes = Files.readAllBytes(model);
        List<BundleManifest.PathologySpec> specs = new ArrayList<>();
        for (int i = 0; i < pathologies.size(); i++) {
            String[] parts = pathologies.get(i).split(":", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException("--pathology must be CODE:NAME:THRESHOLD, got " + pathologies.get(i));
            }
            specs.add(new BundleManifest.PathologySpec(parts[0], parts[1], i, Float.parseFloat(parts[2]),
                    conceptOf(parts[0])));
        }
        for (String c : concepts) {
            String code = c.substring(0, Math.max(0, c.indexOf('=')));
            if (specs.stream().noneMatch(p -> p.code().equals(code))) {
                throw new IllegalArgumentException("--concept names no --pathology code: " + c);
            }
        }
        OnnxModelInfo info;
        try (OrtModel m = OrtModel.open(modelBytes, InferenceSettings.defaults())) {
            info = m.info();
            // Input shape, one output per pathology, probabilities on probe inputs: refused here, not in production.
            BundleModelCheck.check(m, config, specs.size());
        }
        PrintWriter stdout = spec.commandLine().getOut();
        byte[] profileBytes;
        if (profile == null) {
            profileBytes = PLACEHOLDER_PROFILE.getBytes(StandardCharsets.UTF_8);
            stdout.println("make-bundle: PLACEHOLDER OOD profile (no --profile): this bundle cannot build a Pipeline until "
                    + "fit-profile has run and make-bundle is repeated with --profile");
        } else {
            profileBytes = Files.readAllBytes(profile);
        }
        if (referenceMetrics == null) {
            stdout.println("make-bundle: PLACEHOLDER reference metrics (no --reference-metrics): evaluate has nothing to "
                    + "compare against");
        }
        String zero = "0".repeat(64);
        BundleManifest template = new BundleManifest(BundleManifest.SUPPORTED_SCHEMA_VERSION, bundleId,
                taskConfig.definition(),
                new BundleManifest.ModelSpec("model.onnx", zero, info.inputName(), boxed(info.inputShape()),
                        info.outputName(), boxed(info.outputShape())),
                specs, new BundleManifest.AnyPathologySpec(anyRule, -1), config, zero, headerRules(),
                new BundleManifest.FileRef("ood-profile.json", zero), reference());
        if (trainingPack != null) {
            Path packJson = trainingPack.resolve("pack.json");
            if (!Files.isRegularFile(packJson)) {
                throw new IllegalArgumentException("--training-pack " + trainingPack + " has no pack.json (a pack"
                        + " written by 'synth' or with the same layout)");
            }
            template = template.withTrainingPackFingerprint(StrictJson.sha256Hex(Files.readAllBytes(packJson)));
        } else {
            stdout.println("make-bundle: training pack not recorded (no --training-pack): predictions will say"
                    + " trainingPackFingerprint \"unknown\"");
        }
        String inModel = info.customMetadata().get(org.dicomguard.core.bundle.ModelBundle.FINGERPRINT_METADATA_KEY);
        if (!config.sha256Fingerprint().equals(inModel)) {
            throw new IllegalArgumentException("the model was trained with preprocessing fingerprint " + inModel
                    + " but the config hashes to " + config.sha256Fingerprint());
        }
        BundleWriter.write(out, template, modelBytes, profileBytes);
        stdout.println("wrote bundle " + bundleId + " to " + out + " (pathology order and behaviour fingerprint "
                + "in the model's metadata)");
        return DicomGuardCli.EXIT_OK;
    }

    /** @return the --concept given for this pathology code, or null for the private-scheme default */
    private CodedConcept conceptOf(String code) {
        for (String c : concepts) {
            int eq = c.indexOf('=');
            if (eq > 0 && c.substring(0, eq).equals(code)) {
                String[] parts = c.substring(eq + 1).split(":", 3);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("--concept must be CODE=SCHEME:VALUE:MEANING, got " + c);
                }
                return new CodedConcept(parts[0], parts[1], parts[2]);
            }
        }
        return null;
    }

    private BundleManifest.ReferenceMetrics reference() throws java.io.IOException {
        List<BundleManifest.ReferenceAuc> aucs = new ArrayList<>();
        if (referenceMetrics != null) {
            JsonNode root = StrictJson.mapper().readTree(referenceMetrics.toFile());
            for (JsonNode p : root.get("pathologies")) {
                aucs.add(new BundleManifest.ReferenceAuc(p.get("code").asText(), p.get("n").asInt(),
                        p.get("positives").asInt(), p.get("auc").asDouble(), p.get("auc95Low").asDouble(),
                        p.get("auc95High").asDouble()));
            }
        }
        return new BundleManifest.ReferenceMetrics(referencePack, margin, aucs);
    }

    private HeaderRuleSet headerRules() {
        HeaderRuleSet preset = taskConfig.definition().headerRulePreset();
        if (pixelSpacingRangeMm == null) {
            return preset;
        }
        String[] range = pixelSpacingRangeMm.split(":", -1);
        if (range.length != 2) {
            throw new IllegalArgumentException("--pixel-spacing-range-mm must be MIN:MAX, got " + pixelSpacingRangeMm);
        }
        return preset.withPixelSpacingRangeMm(Double.parseDouble(range[0]), Double.parseDouble(range[1]));
    }

    private static List<Long> boxed(long[] shape) {
        return Arrays.stream(shape).boxed().toList();
    }
}
