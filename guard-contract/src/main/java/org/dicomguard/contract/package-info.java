/**
 * Output contract v1: what a backend consumes, unchanged.
 *
 * <p>{@link org.dicomguard.contract.GuardResult} is sealed: a
 * {@link org.dicomguard.contract.Prediction} (one {@link org.dicomguard.contract.PathologyFinding}
 * per pathology with its own float probability in [0,1], plus the separately named
 * {@link org.dicomguard.contract.AnyPathology} aggregate), a {@link org.dicomguard.contract.Rejected}
 * (reasons with stable codes and evidence) or a {@link org.dicomguard.contract.Failed} (stable error
 * code). Records validate in their constructors, so an invalid result cannot exist in memory.
 *
 * <p>{@link org.dicomguard.contract.ContractJson} writes and strictly reads the JSON form and serves
 * the JSON Schema ({@code /org/dicomguard/contract/guard-result-v1.schema.json}, draft 2020-12).
 * Decisions a backend should know:
 * <ul>
 *   <li>An unknown StudyInstanceUID (file unreadable) is {@code "studyInstanceUid": null}; the key is
 *       never omitted. Predictions always have one.</li>
 *   <li>Optional evidence fields ({@code threshold}, {@code unit}) are omitted when absent, never null.</li>
 *   <li>Integer literals {@code 0} and {@code 1} are read as the probabilities 0 and 1; any number in
 *       [2,100] where a probability belongs is refused as "looks like a percent".</li>
 *   <li>Contract 1.1 (versioning rule in {@link org.dicomguard.contract.ContractJson}): every result may carry the
 *       caller's {@code requestKey}; a prediction lists {@code imagesUsed} (view or {@code series} label,
 *       SOPInstanceUID) and {@code imagesIgnored} (SOPInstanceUID, reason code), never a patient identifier.</li>
 *   <li>{@link org.dicomguard.contract.ContractFormatException} is unchecked so that it passes through
 *       adapter functions; its {@code code()} is stable.</li>
 * </ul>
 *
 * <p>This package depends on the JDK and Jackson only.
 */
package org.dicomguard.contract;
