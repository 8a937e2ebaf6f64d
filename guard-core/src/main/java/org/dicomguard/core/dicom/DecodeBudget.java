package org.dicomguard.core.dicom;

/**
 * The decode budget of one study ({@link DicomReadLimits#maxDecodedBytesPerStudy()}): header
 * bytes kept and pixel bytes decoded are charged against it before they are allocated, and the
 * study fails with {@link DicomErrorCode#LIMIT_EXCEEDED} once it is spent, instead of the JVM
 * running out of heap and losing the batch.
 *
 * <p>Design note: the budget is bound to the thread that runs the study ({@link #open}), so the
 * pixel decoder charges it without every preparer having to pass it along; outside an open scope
 * (a library user decoding one file) only the per-file budget applies. Not thread-safe: one scope
 * per study run, used by the thread that opened it.
 */
public final class DecodeBudget implements AutoCloseable {

    private static final ThreadLocal<DecodeBudget> CURRENT = new ThreadLocal<>();

    private final long maxBytes;
    private final DecodeBudget previous;
    private long usedBytes;

    private DecodeBudget(long maxBytes, DecodeBudget previous) {
        this.maxBytes = maxBytes;
        this.previous = previous;
    }

    /**
     * @param maxBytes the study's budget in bytes
     * @return the budget, now charged by decodes on this thread until {@link #close()}
     */
    public static DecodeBudget open(long maxBytes) {
        DecodeBudget budget = new DecodeBudget(maxBytes, CURRENT.get());
        CURRENT.set(budget);
        return budget;
    }

    /**
     * Charges the budget open on this thread, if any.
     *
     * @param bytes what is about to be allocated or kept
     * @param what  what it is, for the message ("decoded pixels of 512x512x1")
     * @throws DicomException LIMIT_EXCEEDED when the study's budget would be exceeded
     */
    public static void chargeCurrent(long bytes, String what) throws DicomException {
        DecodeBudget budget = CURRENT.get();
        if (budget != null) {
            budget.charge(bytes, what);
        }
    }

    /**
     * @param bytes what is about to be allocated or kept
     * @param what  what it is, for the message
     * @throws DicomException LIMIT_EXCEEDED when the budget would be exceeded
     */
    public void charge(long bytes, String what) throws DicomException {
        if (bytes > maxBytes - usedBytes) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, what + " (" + bytes + " bytes) would exceed the"
                    + " study decode budget maxDecodedBytesPerStudy=" + maxBytes + " (" + usedBytes
                    + " bytes used so far)");
        }
        usedBytes += bytes;
    }

    /** @return bytes charged so far */
    public long usedBytes() {
        return usedBytes;
    }

    /** Ends the scope: decodes on this thread charge the enclosing budget again, if any. */
    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
