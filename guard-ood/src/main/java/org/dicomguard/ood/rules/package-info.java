/**
 * Header rules: {@link org.dicomguard.ood.rules.HeaderRuleSet} checks the
 * {@link org.dicomguard.ood.rules.HeaderFacts} of a study and returns every failing rule as a
 * {@link org.dicomguard.ood.GateReason} with a stable code and the value seen.
 */
package org.dicomguard.ood.rules;
