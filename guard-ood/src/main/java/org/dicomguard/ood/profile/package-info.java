/**
 * The reference profile ({@code ood-profile.json}): {@link org.dicomguard.ood.profile.ReferenceProfile},
 * its strict reader and writer {@link org.dicomguard.ood.profile.ReferenceProfileJson}, and
 * {@link org.dicomguard.ood.profile.ProfileFitter} with a seeded
 * {@link org.dicomguard.ood.profile.DeterministicSplit}.
 */
package org.dicomguard.ood.profile;
