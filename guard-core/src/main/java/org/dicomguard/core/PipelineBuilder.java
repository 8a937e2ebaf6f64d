package org.dicomguard.core;

import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DicomReadLimits;
import org.dicomguard.core.inference.InferenceSettings;
import org.dicomguard.core.inference.ModelLoadException;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyPreparers;
import org.dicomguard.ood.FeatureSpec;
import org.dicomguard.ood.gate.MahalanobisGate;
import org.dicomguard.ood.gate.OodGate;
import org.dicomguard.ood.profile.ProfileFormatException;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.dicomguard.ood.profile.ReferenceProfileJson;
import org.dicomguard.ood.rules.HeaderRuleSet;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@link Pipeline}. Every setting is optional; {@link #build()} surfaces every
 * configuration error (model, profile, gate) at once, never at the first study.
 * Not thread-safe; the built Pipeline is.
 */
public final class PipelineBuilder {

    final ModelBundle bundle;
    InferenceSettings inferenceSettings = InferenceSettings.defaults();
    HeaderRuleSet headerRules;
    MahalanobisGate statisticsGate;
    PipelineListener listener = PipelineListener.none();
    DicomReadLimits readLimits = DicomReadLimits.defaults();
    Clock clock = Clock.systemUTC();

    PipelineBuilder(ModelBundle bundle) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
    }

    /** @param value ONNX Runtime session options; default {@link InferenceSettings#defaults()} @return this */
    public PipelineBuilder inferenceSettings(InferenceSettings value) {
        this.inferenceSettings = Objects.requireNonNull(value, "inferenceSettings");
        return this;
    }

    /**
     * @param value header rules; default the bundle's own (manifest {@code headerRules})
     * @return this
     */
    public PipelineBuilder headerRules(HeaderRuleSet value) {
        this.headerRules = Objects.requireNonNull(value, "headerRules");
        return this;
    }

    /**
     * @param value statistics gate; default the gate of the bundle's verified OOD profile
     * @return this
     */
    public PipelineBuilder statisticsGate(MahalanobisGate value) {
        this.statisticsGate = Objects.requireNonNull(value, "statisticsGate");
        return this;
    }

    /** @param value receives one event per study; default none @return this */
    public PipelineBuilder listener(PipelineListener value) {
        this.listener = Objects.requireNonNull(value, "listener");
        return this;
    }

    /** @param value limits on every file read; default {@link DicomReadLimits#defaults()} @return this */
    public PipelineBuilder readLimits(DicomReadLimits value) {
        this.readLimits = Objects.requireNonNull(value, "readLimits");
        return this;
    }

    /** @param value clock for event timestamps; default UTC system clock @return this */
    public PipelineBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /**
     * Opens the model, checks it against the bundle, reads the OOD profile and checks that the
     * gate knows every statistic the task's preprocessing emits.
     *
     * @return the Pipeline; the caller closes it
     * @throws BundleLoadException naming the field when the model, profile or gate contradicts the bundle
     * @throws ModelLoadException  when ONNX Runtime cannot open the model
     */
    public Pipeline build() throws BundleLoadException, ModelLoadException {
        BundleManifest manifest = bundle.manifest();
        StudyPreparer preparer = StudyPreparers.of(manifest.preprocessing(), manifest.studyComposition());
        MahalanobisGate stats = statisticsGate != null ? statisticsGate : profileGate();
        List<String> emitted = StudyPreparers.statisticNames(manifest.preprocessing());
        for (FeatureSpec feature : stats.featureSpecs()) {
            if (!emitted.contains(feature.name())) {
                // Caught here, not at the first study: every study would fail inside the gate.
                throw new BundleLoadException(statisticsGate != null ? "statisticsGate"
                        : manifest.oodProfile().file(), "the statistics gate needs feature '" + feature.name()
                        + "', which " + manifest.task().name() + " preprocessing does not emit; it emits " + emitted);
            }
        }
        HeaderRuleSet rules = headerRules != null ? headerRules : manifest.headerRules();
        OrtModel model = bundle.openModel(inferenceSettings);
        try {
            long[] shape = model.info().inputShape();
            long[] prepared = StudyPreparers.inputShape(manifest.preprocessing());
            long[] expected = new long[prepared.length + 1];
            expected[0] = shape.length > 0 ? shape[0] : 1;
            System.arraycopy(prepared, 0, expected, 1, prepared.length);
            if (!Arrays.equals(shape, expected)) {
                throw new BundleLoadException("model.inputShape", "the model takes " + Arrays.toString(shape)
                        + " but the preprocessing config makes " + Arrays.toString(prepared) + " per study");
            }
            return new Pipeline(this, model, preparer, new OodGate(rules, stats));
        } catch (BundleLoadException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private MahalanobisGate profileGate() throws BundleLoadException {
        ReferenceProfile profile;
        try {
            profile = ReferenceProfileJson.fromJson(new String(bundle.oodProfileBytes(), StandardCharsets.UTF_8));
        } catch (ProfileFormatException e) {
            throw new BundleLoadException(bundle.manifest().oodProfile().file(), e.getMessage(), e);
        }
        if (!Double.isFinite(profile.thresholdDistance())) {
            throw new BundleLoadException(bundle.manifest().oodProfile().file(), "threshold is " + profile.thresholdDistance()
                    + ": the profile was calibrated on too few studies for its target false-reject rate");
        }
        return profile.toGate();
    }
}
