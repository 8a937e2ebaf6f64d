package org.dicomguard.core;

import org.dicomguard.contract.Evidence;
import org.dicomguard.contract.RejectionReason;
import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.gate.FeatureContribution;
import org.dicomguard.ood.gate.GateDecision;
import org.dicomguard.ood.gate.OodDecision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Maps guard-ood's gate reasons onto the output contract's rejection reasons, with evidence. */
final class GateReasons {

    private GateReasons() {
    }

    static List<RejectionReason> toContract(OodDecision.Rejected rejected) {
        return toContract(rejected, "");
    }

    /**
     * @param rejected the gate's decision
     * @param image    which image it concerns ("L-CC", "series"), prefixed to messages; may be empty
     */
    static List<RejectionReason> toContract(OodDecision.Rejected rejected, String image) {
        String prefix = image.isEmpty() ? "" : image + ": ";
        List<RejectionReason> reasons = new ArrayList<>();
        for (GateReason r : rejected.reasons()) {
            List<Evidence> evidence = new ArrayList<>();
            if (r.code() == org.dicomguard.ood.GateReasonCode.STATISTICS_OUT_OF_DISTRIBUTION
                    && rejected.statistics().isPresent()) {
                GateDecision stats = rejected.statistics().get();
                evidence.add(Evidence.of("mahalanobisDistance", stats.score(), stats.threshold()));
                for (FeatureContribution c : stats.topContributions()) {
                    evidence.add(new Evidence(c.name(), c.value(), OptionalDouble.empty(),
                            c.unit().isBlank() ? Optional.empty() : Optional.of(c.unit())));
                    evidence.add(Evidence.measured(c.name() + ".zScore", c.zScore()));
                }
            } else {
                numeric(r.observedValue()).ifPresent(v -> evidence.add(Evidence.measured("observed", v)));
            }
            reasons.add(new RejectionReason(r.code().resultCode().code(), MessageText.oneLine(prefix + r.message()), evidence));
        }
        return reasons;
    }

    private static OptionalDouble numeric(String value) {
        try {
            double v = Double.parseDouble(value);
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
