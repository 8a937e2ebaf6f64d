package org.dicomguard.core.monitoring;

import org.dicomguard.core.bundle.BundleLoadException;
import org.dicomguard.core.bundle.ModelBundle;
import org.dicomguard.core.task.TaskDefinition;
import org.dicomguard.ood.drift.AlertSink;
import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.DriftPolicy;
import org.dicomguard.ood.drift.JsonLinesAlertSink;
import org.dicomguard.ood.drift.RejectionRateMonitor;
import org.dicomguard.ood.profile.ProfileFormatException;
import org.dicomguard.ood.profile.ReferenceProfile;
import org.dicomguard.ood.profile.ReferenceProfileJson;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * The drift monitor of one bundle, ready to attach to a Pipeline: input-statistic and probability
 * streams against the reference samples in the bundle's OOD profile ({@link DriftMonitor}), plus
 * the study rejection rate against the rate the gate was calibrated for ({@link RejectionRateMonitor}).
 * The one-line form:
 *
 * <pre>{@code
 * Pipeline.builder(bundle).listener(BundleDriftAlerts.toJsonLines(bundle, Path.of("alerts.jsonl"))).build();
 * }</pre>
 *
 * <p>The expected rejection rate is the profile's per-image target times the images per study
 * (four views in mammography): the study-level target the profile was fitted for. Thread-safe;
 * {@link #close()} closes the sink when it is {@link Closeable}.
 */
public final class BundleDriftAlerts implements PipelineListener, Closeable {

    private final DriftMonitor monitor;
    private final RejectionRateMonitor rejections;
    private final DriftMonitorListener feeder;
    private final AlertSink sink;

    private BundleDriftAlerts(DriftMonitor monitor, RejectionRateMonitor rejections, AlertSink sink) {
        this.monitor = monitor;
        this.rejections = rejections;
        this.feeder = new DriftMonitorListener(monitor);
        this.sink = sink;
    }

    /**
     * @param bundle the bundle whose OOD profile holds the drift references
     * @param file   JSON-lines file the alerts are appended to
     * @return the listener
     * @throws BundleLoadException when the bundle's profile is a placeholder or cannot be read
     * @throws IOException         when the file cannot be opened
     */
    public static BundleDriftAlerts toJsonLines(ModelBundle bundle, Path file) throws BundleLoadException, IOException {
        ReferenceProfile profile = profile(bundle);
        return create(bundle.manifest().task(), profile, DriftPolicy.defaults(), JsonLinesAlertSink.append(file),
                Clock.systemUTC());
    }

    /**
     * @param task    the bundle's task (decides images per study)
     * @param profile the bundle's OOD profile
     * @param policy  windows, levels and cooldown
     * @param sink    where alerts go
     * @param clock   time source
     * @return the listener
     */
    public static BundleDriftAlerts create(TaskDefinition task, ReferenceProfile profile, DriftPolicy policy,
                                           AlertSink sink, Clock clock) {
        Objects.requireNonNull(profile, "profile");
        double expected = Math.min(0.5, profile.targetFalseRejectRate() * task.gatedImagesPerStudy());
        return new BundleDriftAlerts(new DriftMonitor(profile.driftReference(), policy, sink, clock),
                new RejectionRateMonitor(expected, policy, sink, clock), sink);
    }

    /**
     * @param bundle a loaded bundle
     * @return its OOD profile
     * @throws BundleLoadException when the profile is a placeholder or cannot be read
     */
    public static ReferenceProfile profile(ModelBundle bundle) throws BundleLoadException {
        try {
            return ReferenceProfileJson.fromJson(new String(bundle.oodProfileBytes(), StandardCharsets.UTF_8));
        } catch (ProfileFormatException e) {
            throw new BundleLoadException("oodProfile", "has no usable drift reference: " + e.getMessage(), e);
        }
    }

    @Override
    public void onResult(PipelineEvent event) {
        feeder.onResult(event);
        if (!event.status().equals("failed")) {
            rejections.accept(event.status().equals("rejected"));
        }
    }

    /** @return streams whose alert is raised now, {@link RejectionRateMonitor#STREAM} included, sorted */
    public Set<String> raisedStreams() {
        Set<String> raised = new java.util.TreeSet<>(monitor.raisedStreams());
        if (rejections.raised()) {
            raised.add(RejectionRateMonitor.STREAM);
        }
        return raised;
    }

    /** @return the statistics and probability monitor */
    public DriftMonitor monitor() {
        return monitor;
    }

    /** @return the rejection-rate monitor */
    public RejectionRateMonitor rejectionRate() {
        return rejections;
    }

    @Override
    public void close() throws IOException {
        if (sink instanceof Closeable c) {
            c.close();
        }
    }
}
