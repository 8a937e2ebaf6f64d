package org.dicomguard.core.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import org.dicomguard.core.Lifecycle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One ONNX Runtime session for a single-input, single-output float model, shared by all threads
 * of a Pipeline.
 *
 * <p>Design note: {@link OrtSession#run} is thread-safe, so one session serves every caller.
 * Inputs are validated in Java (length, finiteness) before native code sees them. Input tensors
 * wrap pooled direct buffers, so ONNX Runtime reads them without a copy and no direct memory is
 * allocated per call; every {@link OnnxTensor} and {@link OrtSession.Result} is closed in the
 * call that made it. {@link #close()} waits for runs in flight and refuses new ones, so closing
 * while other threads score neither crashes the native library nor corrupts a result.
 *
 * <p>Who closes what: the caller closes this object; it closes its session. The process-wide
 * {@link OrtEnvironment} is never closed.
 */
public final class OrtModel implements AutoCloseable {

    /** One daemon thread for all time limits: it only sets flags, never runs a model. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "dicom-guard-inference-timer");
        t.setDaemon(true);
        return t;
    });

    private final OrtSession session;
    private final OnnxModelInfo info;
    private final long[] runShape;
    private final int inputLength;
    private final ConcurrentLinkedQueue<FloatBuffer> inputBuffers = new ConcurrentLinkedQueue<>();
    private final Lifecycle lifecycle = new Lifecycle();
    private final long timeoutMillis;

    private OrtModel(OrtSession session, OnnxModelInfo info, long[] runShape, long timeoutMillis) {
        this.session = session;
        this.timeoutMillis = timeoutMillis;
        this.info = info;
        this.runShape = runShape;
        long length = 1;
        for (long d : runShape) {
            length = Math.multiplyExact(length, d);
        }
        if (length > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("model input of " + length + " floats is too large");
        }
        this.inputLength = (int) length;
    }

    /**
     * Opens a session from the model bytes (the very bytes whose hash the bundle verified).
     *
     * @param modelBytes ONNX model, not modified
     * @param settings   session options
     * @return the open model; the caller closes it
     * @throws ModelLoadException when ONNX Runtime, the execution provider or the model fails to load,
     *                            or the model does not have exactly one float input and one float output
     */
    public static OrtModel open(byte[] modelBytes, InferenceSettings settings) throws ModelLoadException {
        Objects.requireNonNull(modelBytes, "modelBytes");
        Objects.requireNonNull(settings, "settings");
        OrtEnvironment env;
        try {
            env = environment();
        } catch (RuntimeException | LinkageError e) {
            throw new ModelLoadException("ONNX Runtime native library could not be loaded: " + e, e);
        }
        OrtSession session = null;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setOptimizationLevel(switch (settings.optimizationLevel()) {
                case NONE -> OrtSession.SessionOptions.OptLevel.NO_OPT;
                case BASIC -> OrtSession.SessionOptions.OptLevel.BASIC_OPT;
                case EXTENDED -> OrtSession.SessionOptions.OptLevel.EXTENDED_OPT;
                case ALL -> OrtSession.SessionOptions.OptLevel.ALL_OPT;
            });
            if (settings.executionProvider() == InferenceSettings.ExecutionProvider.CUDA) {
                try {
                    options.addCUDA(settings.cudaDeviceId());
                } catch (OrtException | RuntimeException e) {
                    throw new ModelLoadException("executionProvider CUDA is not available in this ONNX Runtime build"
                            + " (use the onnxruntime_gpu artifact on a machine with a GPU): " + e.getMessage(), e);
                }
            }
            session = env.createSession(modelBytes, options);
            OnnxModelInfo info = describe(session);
            return new OrtModel(session, info, concreteShape(info.inputShape()), settings.inferenceTimeoutMillis());
        } catch (OrtException e) {
            closeQuietly(session);
            throw new ModelLoadException("ONNX Runtime could not open the model: " + e.getMessage(), e);
        } catch (ModelLoadException | RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
    }

    /**
     * The process-wide environment, created only after {@link OrtTelemetryOptOut} has set
     * ORT_DISABLE_TELEMETRY=1: ONNX Runtime 1.29's telemetry crashes the JVM (SIGSEGV) when the
     * command line is longer than about 4 KB, and a medical library sends no telemetry anyway.
     */
    /**
     * @return the version of the ONNX Runtime native library in use, e.g. {@code 1.29.0}; loads it
     *         when no model was opened yet
     * @throws LinkageError when the native library cannot be loaded
     */
    public static String onnxRuntimeVersion() {
        return environment().getVersion();
    }

    private static OrtEnvironment environment() {
        OrtTelemetryOptOut.ensure();
        return OrtEnvironment.getEnvironment();
    }

    private static OnnxModelInfo describe(OrtSession session) throws OrtException, ModelLoadException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw new ModelLoadException("model must have exactly one input and one output, has inputs "
                    + inputs.keySet() + " and outputs " + outputs.keySet(), null);
        }
        Map.Entry<String, NodeInfo> in = inputs.entrySet().iterator().next();
        Map.Entry<String, NodeInfo> out = outputs.entrySet().iterator().next();
        return new OnnxModelInfo(in.getKey(), floatTensorShape(in), out.getKey(), floatTensorShape(out),
                session.getMetadata().getCustomMetadata());
    }

    private static long[] floatTensorShape(Map.Entry<String, NodeInfo> node) throws ModelLoadException {
        if (!(node.getValue().getInfo() instanceof TensorInfo tensor)
                || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
            throw new ModelLoadException("model value '" + node.getKey() + "' must be a float tensor, is "
                    + node.getValue().getInfo(), null);
        }
        return tensor.getShape();
    }

    /** A symbolic batch dimension runs as 1; any other symbolic dimension cannot be run. */
    private static long[] concreteShape(long[] declared) throws ModelLoadException {
        long[] shape = declared.clone();
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] < 0) {
                if (i != 0) {
                    throw new ModelLoadException("model input dimension " + i + " is symbolic; only the batch"
                            + " dimension may be, shape " + Arrays.toString(declared), null);
                }
                shape[i] = 1;
            }
        }
        return shape;
    }

    /** @return the model's declared input, output and metadata */
    public OnnxModelInfo info() {
        return info;
    }

    /** @return the number of floats {@link #run(float[])} expects */
    public int inputLength() {
        return inputLength;
    }

    /**
     * Runs the model on one input.
     *
     * @param input exactly {@link #inputLength()} finite floats in the model's input layout, not modified
     * @return the model output as a new array, not yet checked (see {@link OutputCheck})
     * @throws IllegalArgumentException when the input has the wrong length or a non-finite value
     * @throws IllegalStateException    when this model was closed
     * @throws InferenceTimeoutException when the run exceeded {@link InferenceSettings#inferenceTimeoutMillis()}
     * @throws OrtException             when ONNX Runtime fails during the run
     */
    public float[] run(float[] input) throws OrtException {
        if (input.length != inputLength) {
            throw new IllegalArgumentException("input length must be " + inputLength + " for shape "
                    + Arrays.toString(runShape) + ", got " + input.length);
        }
        for (int i = 0; i < input.length; i++) {
            if (!Float.isFinite(input[i])) {
                throw new IllegalArgumentException("input[" + i + "] must be finite, got " + input[i]);
            }
        }
        try (Lifecycle.Use use = lifecycle.enter()) {
            if (!use.open()) {
                throw new IllegalStateException("model is closed");
            }
            FloatBuffer buffer = borrowBuffer();
            try {
                buffer.clear();
                buffer.put(input).flip();
                try (OnnxTensor tensor = OnnxTensor.createTensor(environment(), buffer, runShape);
                     OrtSession.Result result = runWithTimeLimit(tensor)) {
                    OnnxValue value = result.get(0);
                    if (!(value instanceof OnnxTensor out)) {
                        throw new IllegalStateException("model output is not a tensor: " + value.getType());
                    }
                    FloatBuffer floats = out.getFloatBuffer();
                    float[] output = new float[floats.remaining()];
                    floats.get(output);
                    return output;
                }
            } finally {
                inputBuffers.offer(buffer);
            }
        }
    }

    /**
     * Runs the session; a timer sets ONNX Runtime's terminate flag when the run exceeds the time
     * limit, and the run then ends with {@link InferenceTimeoutException}. The flag is set under
     * a lock that the run's end also takes, so the timer never touches closed run options.
     */
    private OrtSession.Result runWithTimeLimit(OnnxTensor tensor) throws OrtException {
        try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            Object guard = new Object();
            boolean[] state = new boolean[2]; // [0]: run ended, [1]: terminated by the timer
            ScheduledFuture<?> timer = TIMER.schedule(() -> {
                synchronized (guard) {
                    if (!state[0]) {
                        try {
                            options.setTerminate(true);
                            state[1] = true;
                        } catch (OrtException e) {
                            System.getLogger(OrtModel.class.getName()).log(System.Logger.Level.WARNING,
                                    "could not stop a model run: " + e.getCode());
                        }
                    }
                }
            }, timeoutMillis, TimeUnit.MILLISECONDS);
            try {
                return session.run(Map.of(info.inputName(), tensor), options);
            } catch (OrtException e) {
                synchronized (guard) {
                    if (state[1]) {
                        throw new InferenceTimeoutException(timeoutMillis);
                    }
                }
                throw e;
            } finally {
                timer.cancel(false);
                synchronized (guard) {
                    state[0] = true;
                }
            }
        }
    }

    private FloatBuffer borrowBuffer() {
        FloatBuffer buffer = inputBuffers.poll();
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(inputLength * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
        }
        return buffer;
    }

    /** @return whether {@link #close()} was called */
    public boolean isClosed() {
        return lifecycle.isClosed();
    }

    /** Waits for runs in flight, then closes the session. Idempotent. */
    @Override
    public void close() {
        lifecycle.close(() -> {
            closeQuietly(session);
            inputBuffers.clear();
        });
    }

    private static void closeQuietly(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                // Closing releases native memory; a failure here leaves nothing the caller can act on.
                System.getLogger(OrtModel.class.getName()).log(System.Logger.Level.WARNING,
                        "closing the ONNX Runtime session failed: " + e.getMessage());
            }
        }
    }
}
