package org.dicomguard.ood.gate;

import org.dicomguard.ood.GateReason;
import org.dicomguard.ood.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The out-of-distribution verdict on one study: either it may go to the model (possibly with
 * warnings), or it must not, with reasons. The Pipeline maps this to the output contract.
 */
public sealed interface OodDecision permits OodDecision.Accepted, OodDecision.Rejected {

    /**
     * The study may be scored.
     *
     * @param statistics the statistics gate's decision (accepted)
     * @param warnings   soft header reasons that did not reject on their own; may be empty
     */
    record Accepted(GateDecision statistics, List<GateReason> warnings) implements OodDecision {
        /** Validates consistency and copies the list. */
        public Accepted {
            Objects.requireNonNull(statistics, "statistics");
            if (!statistics.accepted()) {
                throw new IllegalArgumentException("an Accepted decision needs an accepted statistics decision");
            }
            warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
            for (GateReason w : warnings) {
                if (w.severity() != Severity.SOFT) {
                    throw new IllegalArgumentException("warning " + w.code() + " is HARD; a HARD reason rejects");
                }
            }
        }
    }

    /**
     * The study cannot be processed ("cannot process this input").
     *
     * @param statistics the statistics gate's decision, empty when header rules rejected before
     *                   preprocessing computed any statistics
     * @param reasons    at least one; HARD reasons and statistics reasons first, soft evidence after
     */
    record Rejected(Optional<GateDecision> statistics, List<GateReason> reasons) implements OodDecision {
        /** Validates that there is a reason and copies the list. */
        public Rejected {
            Objects.requireNonNull(statistics, "statistics");
            reasons = List.copyOf(Objects.requireNonNull(reasons, "reasons"));
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a Rejected decision needs at least one reason");
            }
        }
    }
}
