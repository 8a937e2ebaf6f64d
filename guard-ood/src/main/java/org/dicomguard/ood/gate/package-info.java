/**
 * The statistics gate and the combined decision: {@link org.dicomguard.ood.gate.LedoitWolf},
 * {@link org.dicomguard.ood.gate.MahalanobisGate}, {@link org.dicomguard.ood.gate.ConformalThreshold}
 * and {@link org.dicomguard.ood.gate.OodGate}, whose {@link org.dicomguard.ood.gate.OodDecision} is
 * either Accepted (with soft warnings) or Rejected (with reasons).
 */
package org.dicomguard.ood.gate;
