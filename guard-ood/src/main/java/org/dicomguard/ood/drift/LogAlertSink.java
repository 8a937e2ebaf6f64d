package org.dicomguard.ood.drift;

/**
 * Writes each alert as one line to {@link System.Logger} {@code org.dicomguard.ood.drift}:
 * RAISED at WARNING, CLEARED at INFO. Thread-safe.
 */
public final class LogAlertSink implements AlertSink {

    private static final System.Logger LOG = System.getLogger("org.dicomguard.ood.drift");

    /** Creates the sink. */
    public LogAlertSink() {
    }

    @Override
    public void send(DriftAlert alert) {
        LOG.log(alert.state() == DriftAlert.State.RAISED ? System.Logger.Level.WARNING : System.Logger.Level.INFO,
                alert.summary());
    }
}
