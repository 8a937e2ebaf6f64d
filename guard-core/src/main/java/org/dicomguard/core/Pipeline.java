package org.dicomguard.core;

import ai.onnxruntime.OrtException;
import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.GuardResult;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.contract.Rejected;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.core.bundle.BundleManifest;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.dicom.DecodeBudget;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.dicomguard.core.inference.InferenceTimeoutException;
import org.dicomguard.core.inference.OrtModel;
import org.dicomguard.core.inference.OutputCheck;
import org.dicomguard.core.monitoring.PipelineEvent;
import org.dicomguard.core.monitoring.PipelineListener;
import org.dicomguard.core.study.DicomInputs;
import org.dicomguard.core.study.PreparedStudy;
import org.dicomguard.core.study.StudyFiles;
import org.dicomguard.core.study.StudyGrouper;
import org.dicomguard.core.study.StudyIdentity;
import org.dicomguard.core.study.StudyImage;
import org.dicomguard.core.study.StudyIntakeException;
import org.dicomguard.core.study.StudyPreparer;
import org.dicomguard.core.study.StudyRequest;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.ood.gate.GateDecision;
import org.dicomguard.ood.gate.OodDecision;
import org.dicomguard.ood.gate.OodGate;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one object backends use: DICOM files of a study in, a {@link GuardResult} out.
 *
 * <p>Data flow (docs/DESIGN.md): read headers (size and length limits) -> one study checked (every
 * instance has the same valid StudyInstanceUID and a valid SOPInstanceUID, else {@link Failed}
 * with {@code MIXED_STUDIES}, {@code MISSING_STUDY_INSTANCE_UID}, {@code INVALID_STUDY_INSTANCE_UID}
 * or {@code INVALID_SOP_INSTANCE_UID} and a {@code null} StudyInstanceUID) -> header rules -> the
 * bundle's study composition policy ({@link org.dicomguard.core.study.StudyCompositionPolicy}:
 * which image fills which view or series; a missing view is {@link Rejected} {@code MISSING_VIEW})
 * -> preprocessing with input statistics -> statistics gate -> ONNX inference -> output check ->
 * {@link Prediction}, which lists the images used and those ignored with the reason.
 * Everything up to the composition policy reads headers only.
 *
 * <p>Matching results to requests: {@link #run(StudyRequest)} carries the caller's request key
 * into the result's {@code requestKey}; {@link #runAll} and {@link #run(StudyFiles)} derive one per group,
 * {@code sha256-} and the SHA-256 (hex) of the group's first file's bytes, what {@code sha256sum}
 * prints for it; {@link #run(List)} answers one call with one result and sets none.
 * A header rule or the gate answers {@link Rejected} with reasons; unreadable input, a model
 * failure or a failed output check answers {@link Failed} with a stable code. Nothing is thrown
 * for bad input and no probability is ever made up. Every result is reported to the
 * {@link PipelineListener} as an event without patient identifiers.
 *
 * <p>Immutable and thread-safe: one instance serves any number of threads, sharing one ONNX
 * Runtime session. {@link #close()} waits for studies in flight, then releases the session;
 * studies started after it answer {@code Failed} with code {@code PIPELINE_CLOSED}.
 *
 * <pre>{@code
 * try (Pipeline pipeline = Pipeline.builder(ModelBundle.load(bundleDir)).build()) {
 *     GuardResult result = pipeline.run(studyFiles);
 * }
 * }</pre>
 */
public final class Pipeline implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());
    /** The study UID reported in events when no file could be read. */
    static final String UNKNOWN_STUDY = "unknown";

    private final ModelBundle bundle;
    private final OrtModel model;
    private final StudyPreparer preparer;
    private final OodGate gate;
    private final PipelineListener listener;
    private final DicomReader reader;
    private final Clock clock;
    private final Provenance provenance;
    private final Lifecycle lifecycle = new Lifecycle();

    Pipeline(PipelineBuilder b, OrtModel model, StudyPreparer preparer, OodGate gate) {
        this.bundle = b.bundle;
        this.model = model;
        this.preparer = preparer;
        this.gate = gate;
        this.listener = b.listener;
        this.reader = new DicomReader(b.readLimits);
        this.clock = b.clock;
        this.provenance = ResultProvenance.of(bundle);
    }

    /**
     * @param bundle a loaded, verified bundle
     * @return a builder; {@link PipelineBuilder#build()} opens the model and checks it against the bundle
     */
    public static PipelineBuilder builder(ModelBundle bundle) {
        return new PipelineBuilder(bundle);
    }

    /** @return the bundle this Pipeline runs */
    public ModelBundle bundle() {
        return bundle;
    }

    /** @return the OOD gate in use (header rules and statistics gate) */
    public OodGate gate() {
        return gate;
    }

    /** @return the task's study preparer (the same preprocessing code path training tooling uses) */
    public StudyPreparer preparer() {
        return preparer;
    }

    /** @return the reader, with the limits this Pipeline applies to every file */
    public DicomReader reader() {
        return reader;
    }

    /**
     * Groups files and folders by StudyInstanceUID and runs each study.
     *
     * @param inputs files and folders
     * @return one result per study (sorted by study UID), then one Failed per unreadable file
     */
    public List<GuardResult> runAll(List<Path> inputs) {
        List<GuardResult> results = new ArrayList<>();
        for (StudyFiles group : new StudyGrouper(reader).group(inputs)) {
            results.add(run(group));
        }
        return results;
    }

    /**
     * Runs the files of one study.
     *
     * @param studyFiles the study's files (all with the same StudyInstanceUID)
     * @return the result; never null, never thrown
     */
    public GuardResult run(List<Path> studyFiles) {
        return runTimed(StudyRequest.ofFiles(studyFiles), Optional.empty());
    }

    /**
     * Runs one study handed over as files, bytes or streams (e.g. received over DICOMweb or
     * C-STORE), with the same reader, limits and checks as files; see {@link StudyRequest}.
     *
     * @param request the study's instances and the caller's optional request key
     * @return the result, carrying the request key; never null, never thrown
     */
    public GuardResult run(StudyRequest request) {
        return runTimed(request, Optional.empty());
    }

    /**
     * Runs one group made by {@link StudyGrouper}.
     *
     * @param group a study or an unreadable file
     * @return the result
     */
    public GuardResult run(StudyFiles group) {
        StudyRequest request = StudyRequest.ofFiles(group.files());
        return runTimed(RequestKeys.derived(group.files().get(0), reader.limits().maxFileSizeBytes()).map(request::withRequestKey).orElse(request),
                group.headerError());
    }

    private GuardResult runTimed(StudyRequest request, Optional<DicomException> knownError) {
        StudyRun run = new StudyRun();
        run.requestKey = request.requestKey();
        GuardResult result;
        try (Lifecycle.Use use = lifecycle.enter()) {
            if (!use.open()) {
                result = failed(run, ResultCode.PIPELINE_CLOSED, "the Pipeline was closed; no new studies are accepted");
            } else if (knownError.isPresent()) {
                result = failed(run, knownError.get().code().resultCode(), "file 1 of 1: " + knownError.get().getMessage());
            } else {
                // The study's decode budget: header bytes kept and pixels decoded on this thread are charged to it.
                try (DecodeBudget budget = DecodeBudget.open(reader.limits().maxDecodedBytesPerStudy())) {
                    result = runStudy(request, run, budget);
                }
            }
        } catch (OutOfMemoryError e) {
            // The study's arrays are unreachable once this frame is left: the batch goes on.
            result = failed(run, RunFailureCode.OUT_OF_MEMORY.resultCode(), "the Java heap ran out while this study was read"
                    + " or prepared (raise -Xmx, or lower the decode budget)");
        } catch (RuntimeException | LinkageError e) {
            // The one boundary where anything unexpected becomes a Failed result, never a prediction.
            LOG.log(System.Logger.Level.ERROR, "internal error in study pipeline: " + e.getClass().getName(), e);
            result = failed(run, ResultCode.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
        }
        run.stageEnd("total", run.startNanos);
        notifyListener(run, result);
        return result;
    }

    private GuardResult runStudy(StudyRequest request, StudyRun run, DecodeBudget budget) {
        int count = request.instances().size();
        if (count == 0) {
            return failed(run, ResultCode.EMPTY_STUDY, "no files were given for the study");
        }
        long t = System.nanoTime();
        List<StudyImage> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            try {
                images.add(StudyImage.readHeader(request.instances().get(i), i, count, reader));
                budget.charge(images.get(i).dataSet().backingBytes(), "the header of file " + (i + 1) + " of "
                        + count);
            } catch (DicomException e) {
                return failed(run, e.code().resultCode(), e.getMessage());
            }
            if (i == 0) {
                // Reported with a read failure of a later file only when it is a valid UID.
                run.studyInstanceUid = images.get(0).dataSet().getString(Tag.StudyInstanceUID)
                        .filter(StudyIdentity::isValidUid);
            }
        }
        try {
            run.studyInstanceUid = Optional.of(StudyIdentity.studyInstanceUid(images));
        } catch (StudyIntakeException e) {
            // Not one valid study: no UID is reported, so no result is filed under a study it does not describe.
            run.studyInstanceUid = Optional.empty();
            return failed(run, e.code().resultCode(), e.getMessage());
        }
        run.stageEnd("read", t);

        t = System.nanoTime();
        for (StudyImage image : images) {
            Optional<OodDecision.Rejected> header = gate.checkHeader(DicomInputs.headerFacts(image.dataSet()));
            if (header.isPresent()) {
                run.stageEnd("headerRules", t);
                return rejected(run, GateReasons.toContract(header.get()));
            }
        }
        run.stageEnd("headerRules", t);

        // Pixels are read and decoded here, one image at a time (StudyImage), so a study in flight
        // holds one image's file bytes, not all of them.
        t = System.nanoTime();
        PreparedStudy prepared;
        try {
            prepared = preparer.prepare(images);
        } catch (DicomException e) {
            return failed(run, e.code().resultCode(), e.getMessage());
        } catch (UnusableStudyException e) {
            return rejected(run, List.of(new RejectionReason(e.resultCode().code(), MessageText.oneLine(e.getMessage()), e.evidence())));
        }
        run.stageEnd("preprocess", t);

        t = System.nanoTime();
        double maxScore = 0;
        for (PreparedStudy.GatedImage image : prepared.images()) {
            run.inputStatistics.put(image.label(), image.statistics().asMap());
            OodDecision decision = gate.decide(image.facts(), image.statistics());
            GateDecision stats = decision instanceof OodDecision.Accepted a ? a.statistics()
                    : ((OodDecision.Rejected) decision).statistics().orElse(null);
            if (stats != null) {
                maxScore = Math.max(maxScore, stats.score());
            }
            if (decision instanceof OodDecision.Rejected r) {
                run.oodScore = maxScore;
                run.stageEnd("statisticsGate", t);
                return rejected(run, GateReasons.toContract(r, image.label()));
            }
        }
        run.oodScore = maxScore;
        run.stageEnd("statisticsGate", t);

        t = System.nanoTime();
        float[] output;
        try {
            output = model.run(prepared.modelInput());
        } catch (InferenceTimeoutException e) {
            return failed(run, RunFailureCode.INFERENCE_TIMEOUT.resultCode(), e.getMessage());
        } catch (OrtException e) {
            return failed(run, ResultCode.INFERENCE_ERROR, "ONNX Runtime failed: " + e.getCode());
        } catch (IllegalStateException e) {
            return failed(run, ResultCode.PIPELINE_CLOSED, "the model was closed");
        }
        run.stageEnd("inference", t);

        BundleManifest manifest = bundle.manifest();
        Optional<OutputCheck.Failure> check = OutputCheck.check(output, manifest.model().outputCount());
        if (check.isPresent()) {
            return failed(run, check.get().code().resultCode(), check.get().message());
        }
        return prediction(run, output, maxScore, prepared);
    }

    private GuardResult prediction(StudyRun run, float[] output, double oodScore, PreparedStudy prepared) {
        BundleManifest manifest = bundle.manifest();
        List<PathologyFinding> findings = new ArrayList<>();
        for (BundleManifest.PathologySpec p : manifest.pathologies()) {
            float probability = output[p.outputIndex()];
            findings.add(PathologyFinding.of(p.code(), probability, p.decisionThresholdProbability()));
            run.probabilities.put(p.code(), probability);
        }
        BundleManifest.AnyPathologySpec any = manifest.anyPathology();
        AnyPathology anyPathology = any.rule().equals("modelOutput")
                ? AnyPathology.modelOutput(output[any.outputIndex()], findings)
                : AnyPathology.derivedFrom(any.rule().equals("max") ? AnyPathologyRule.MAX : AnyPathologyRule.NOISY_OR,
                findings);
        run.status = "prediction";
        return new Prediction(run.studyInstanceUid.orElseThrow(), manifest.bundleId(), bundle.modelSha256(), findings,
                anyPathology, new OodAssessment(oodScore, gate.statisticsGate().thresholdDistance()), provenance,
                run.requestKey, prepared.imagesUsed(), prepared.imagesIgnored());
    }

    private GuardResult rejected(StudyRun run, List<RejectionReason> reasons) {
        run.status = "rejected";
        reasons.forEach(r -> run.codes.add(r.code()));
        return new Rejected(run.studyInstanceUid, bundle.manifest().bundleId(), reasons, run.requestKey);
    }

    private GuardResult failed(StudyRun run, ResultCode code, String message) {
        run.status = "failed";
        run.codes.add(code.code());
        return new Failed(run.studyInstanceUid, bundle.manifest().bundleId(), code.code(), MessageText.oneLine(message),
                run.requestKey);
    }

    private void notifyListener(StudyRun run, GuardResult result) {
        try {
            listener.onResult(new PipelineEvent(clock.instant(), bundle.manifest().bundleId(),
                    run.studyInstanceUid.orElse(UNKNOWN_STUDY), result.status().jsonName(), run.codes, run.stageNanos,
                    run.inputStatistics, run.probabilities, run.oodScore));
        } catch (RuntimeException e) {
            // A monitoring failure must never change or lose the study's result.
            LOG.log(System.Logger.Level.WARNING, "pipeline listener failed: " + e.getClass().getName());
        }
    }

    /**
     * Waits for studies in flight, then closes the ONNX Runtime session. Idempotent; studies
     * started afterwards answer Failed with code PIPELINE_CLOSED.
     */
    @Override
    public void close() {
        lifecycle.close(model::close);
    }

    /** Mutable bookkeeping of one study's run, confined to the running thread. */
    private static final class StudyRun {
        final long startNanos = System.nanoTime();
        Optional<String> studyInstanceUid = Optional.empty();
        Optional<String> requestKey = Optional.empty();
        String status = "failed";
        final List<String> codes = new ArrayList<>();
        final Map<String, Long> stageNanos = new LinkedHashMap<>();
        final Map<String, Map<String, Double>> inputStatistics = new LinkedHashMap<>();
        final Map<String, Float> probabilities = new LinkedHashMap<>();
        double oodScore = Double.NaN;

        void stageEnd(String stage, long startNanos) {
            stageNanos.put(stage, System.nanoTime() - startNanos);
        }
    }
}
