package org.dicomguard.core.bundle;

import org.dicomguard.contract.AnyPathology;
import org.dicomguard.contract.AnyPathologyRule;
import org.dicomguard.contract.Failed;
import org.dicomguard.contract.OodAssessment;
import org.dicomguard.contract.PathologyFinding;
import org.dicomguard.contract.Prediction;
import org.dicomguard.contract.Provenance;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.core.LibraryVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Refuses at load time every manifest value the output contract would refuse later: a bundleId
 * or a pathology code the contract's patterns reject would otherwise load fine and then fail
 * every study. The check builds the contract objects the Pipeline builds (a Failed naming the
 * bundle, one finding per pathology, a whole Prediction), so it can never disagree with the
 * contract; the message names the manifest field.
 */
final class ManifestContractCheck {

    private ManifestContractCheck() {
    }

    /**
     * @param manifest    the parsed manifest
     * @param modelSha256 the model's verified hash
     * @throws BundleLoadException naming the field the contract refuses
     */
    static void check(BundleManifest manifest, String modelSha256) throws BundleLoadException {
        try {
            new Failed(Optional.empty(), manifest.bundleId(), ResultCode.INTERNAL_ERROR.code(),
                    "load-time contract check");
        } catch (IllegalArgumentException e) {
            throw new BundleLoadException("bundleId", "is refused by the output contract: " + e.getMessage(), e);
        }
        List<PathologyFinding> findings = new ArrayList<>();
        for (int i = 0; i < manifest.pathologies().size(); i++) {
            BundleManifest.PathologySpec p = manifest.pathologies().get(i);
            try {
                findings.add(PathologyFinding.of(p.code(), 0.5f, p.decisionThresholdProbability()));
            } catch (IllegalArgumentException e) {
                throw new BundleLoadException("pathologies[" + i + "].code", "is refused by the output contract: "
                        + e.getMessage(), e);
            }
        }
        try {
            String rule = manifest.anyPathology().rule();
            AnyPathology any = rule.equals("modelOutput") ? AnyPathology.modelOutput(0.5f, findings)
                    : AnyPathology.derivedFrom(rule.equals("max") ? AnyPathologyRule.MAX : AnyPathologyRule.NOISY_OR,
                    findings);
            new Prediction("1.2.3", manifest.bundleId(), modelSha256, findings, any, new OodAssessment(0, 1),
                    new Provenance(LibraryVersion.get(), manifest.preprocessingFingerprint()));
        } catch (IllegalArgumentException e) {
            throw new BundleLoadException("pathologies", "are refused by the output contract: " + e.getMessage(), e);
        }
    }
}
