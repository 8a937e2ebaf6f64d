package org.dicomguard.core.synthetic;

import java.util.SplittableRandom;

/**
 * Seeded random source for the synthetic generators, bit-identical on every platform.
 *
 * <p>Design note: golden tests hash preprocessing outputs of synthetic images, so the generator
 * must produce the same pixels on every JVM. {@link SplittableRandom} is specified exactly, but
 * {@code nextGaussian()} may use platform-dependent {@code Math} intrinsics, so Gaussian-like noise
 * here is an Irwin-Hall sum of uniforms (no transcendental functions), and shapes use
 * {@link StrictMath}.
 *
 * <p>Not thread-safe: use one instance per thread; {@link #split()} derives an independent stream.
 */
public final class SyntheticRandom {

    private final SplittableRandom random;

    /** @param seed any value; equal seeds give equal streams */
    public SyntheticRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private SyntheticRandom(SplittableRandom random) {
        this.random = random;
    }

    /** @return an independent stream derived deterministically from this one */
    public SyntheticRandom split() {
        return new SyntheticRandom(random.split());
    }

    /** @return uniform in [0, 1) */
    public double uniform() {
        return random.nextDouble();
    }

    /**
     * @param low  inclusive lower bound
     * @param high exclusive upper bound, &gt; low
     * @return uniform in [low, high)
     */
    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /**
     * @param bound exclusive upper bound, &gt;= 1
     * @return uniform integer in [0, bound)
     */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /**
     * @param probability chance of true, in [0, 1]
     * @return true with the given probability
     */
    public boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    /**
     * Approximately standard normal: the sum of three uniforms, centred and scaled to unit variance
     * (Irwin-Hall), bounded to +-3.
     *
     * @return approximately N(0, 1)
     */
    public double gaussianLike() {
        double sum = random.nextDouble() + random.nextDouble() + random.nextDouble();
        // Irwin-Hall(3) has mean 1.5 and variance 0.25.
        return (sum - 1.5) * 2.0;
    }

    /** @return a fresh long, for deriving seeds */
    public long nextLong() {
        return random.nextLong();
    }
}
