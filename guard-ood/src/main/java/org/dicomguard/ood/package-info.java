/**
 * Out-of-distribution guardrails: decide whether a study is the kind of input the model was built
 * for, and watch the stream for drift.
 *
 * <p>Packages: {@code rules} (header rules, hard and soft), {@code gate} (Ledoit-Wolf covariance,
 * Mahalanobis statistics gate, split-conformal threshold, the combined {@code OodGate}),
 * {@code profile} (the versioned, self-hashing {@code ood-profile.json} and its fitter),
 * {@code drift} (windowed KS and PSI monitor, alert sinks) and {@code metrics} (the optional
 * Micrometer binder; the only package that touches Micrometer). This module depends on
 * guard-contract, EJML and Jackson only; guard-core maps its decisions to the output contract.
 */
package org.dicomguard.ood;
