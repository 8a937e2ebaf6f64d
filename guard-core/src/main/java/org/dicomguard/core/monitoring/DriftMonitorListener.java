package org.dicomguard.core.monitoring;

import org.dicomguard.ood.drift.DriftMonitor;
import org.dicomguard.ood.drift.StudyObservation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Feeds a {@link DriftMonitor} from Pipeline events: each image's input statistics is one
 * observation of the statistic streams (a mammography study gives up to four), and the study's
 * probabilities are observed once. Thread-safe (the monitor is).
 */
public final class DriftMonitorListener implements PipelineListener {

    private final DriftMonitor monitor;

    /** @param monitor the monitor to feed; its reference comes from the bundle's OOD profile */
    public DriftMonitorListener(DriftMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public void onResult(PipelineEvent event) {
        List<String> rejections = event.status().equals("rejected") ? event.codes() : List.of();
        boolean first = true;
        for (Map<String, Double> image : event.inputStatistics().values()) {
            monitor.accept(new StudyObservation(event.timestamp(), event.status(), image,
                    first ? event.probabilities() : Map.of(), first ? rejections : List.of()));
            first = false;
        }
        if (first) {
            monitor.accept(new StudyObservation(event.timestamp(), event.status(), Map.of(), event.probabilities(), rejections));
        }
    }
}
