/**
 * Consumer test kit: a backend team checks its own adapter against crafted results.
 *
 * <p>{@link org.dicomguard.contract.testkit.ConsumerTestKit} sends results through the adapter,
 * reads back a {@link org.dicomguard.contract.testkit.ClientView} and reports every
 * {@link org.dicomguard.contract.testkit.FaultKind} in a {@link org.dicomguard.contract.testkit.KitReport};
 * {@code assertFaithful()} throws {@link java.lang.AssertionError}, so no test framework is needed.
 */
package org.dicomguard.contract.testkit;
