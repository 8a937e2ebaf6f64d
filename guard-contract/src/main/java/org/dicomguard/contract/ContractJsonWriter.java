package org.dicomguard.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Streams a result field by field in the documented order.
 *
 * <p>Design note: floats are written with Jackson's Schubfach writer (Giulietti 2020), the
 * shortest decimal that parses back to the same float, identical on every JDK. Widening to
 * double first would write {@code 0.07310000061988831} for {@code 0.0731f}.
 */
final class ContractJsonWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private ContractJsonWriter() {
    }

    static String write(GuardResult result) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator gen = FACTORY.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringField("contractVersion", ContractJson.CONTRACT_VERSION);
            gen.writeStringField("status", result.status().jsonName());
            if (result instanceof Prediction p) {
                writePrediction(gen, p);
            } else if (result instanceof Rejected r) {
                writeRejected(gen, r);
            } else if (result instanceof Failed f) {
                writeFailed(gen, f);
            }
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a StringWriter cannot fail", e);
        }
        return out.toString();
    }

    private static void writePrediction(JsonGenerator gen, Prediction p) throws IOException {
        gen.writeStringField("studyInstanceUid", p.studyInstanceUid());
        gen.writeStringField("bundleId", p.bundleId());
        gen.writeStringField("modelSha256", p.modelSha256());
        gen.writeArrayFieldStart("pathologies");
        for (PathologyFinding f : p.pathologies()) {
            gen.writeStartObject();
            gen.writeStringField("code", f.code());
            gen.writeFieldName("probability");
            gen.writeNumber(f.probability());
            gen.writeFieldName("decisionThresholdProbability");
            gen.writeNumber(f.decisionThresholdProbability());
            gen.writeBooleanField("positive", f.positive());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeObjectFieldStart("anyPathology");
        gen.writeStringField("rule", p.anyPathology().rule().jsonName());
        gen.writeFieldName("probability");
        gen.writeNumber(p.anyPathology().probability());
        gen.writeBooleanField("positive", p.anyPathology().positive());
        gen.writeEndObject();
        gen.writeObjectFieldStart("ood");
        gen.writeNumberField("score", p.ood().score());
        gen.writeNumberField("threshold", p.ood().threshold());
        gen.writeEndObject();
        gen.writeObjectFieldStart("provenance");
        gen.writeStringField("libraryVersion", p.provenance().libraryVersion());
        gen.writeStringField("preprocessingFingerprint", p.provenance().preprocessingFingerprint());
        // Contract 1.2 fields after the 1.0 ones, so older and newer provenance share their prefix.
        gen.writeStringField("behaviourFingerprint", p.provenance().behaviourFingerprint());
        gen.writeStringField("trainingPackFingerprint", p.provenance().trainingPackFingerprint());
        gen.writeStringField("onnxRuntimeVersion", p.provenance().onnxRuntimeVersion());
        gen.writeStringField("javaVersion", p.provenance().javaVersion());
        gen.writeStringField("operatingSystem", p.provenance().operatingSystem());
        gen.writeStringField("cpuArchitecture", p.provenance().cpuArchitecture());
        gen.writeEndObject();
        gen.writeArrayFieldStart("imagesUsed");
        for (ImageUsed image : p.imagesUsed()) {
            gen.writeStartObject();
            gen.writeStringField("label", image.label());
            gen.writeStringField("sopInstanceUid", image.sopInstanceUid());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        gen.writeArrayFieldStart("imagesIgnored");
        for (ImageIgnored image : p.imagesIgnored()) {
            gen.writeStartObject();
            gen.writeStringField("sopInstanceUid", image.sopInstanceUid());
            gen.writeStringField("reason", image.reason());
            gen.writeEndObject();
        }
        gen.writeEndArray();
        writeRequestKey(gen, p.requestKey());
    }

    /** Contract 1.1 fields come last, so a 1.0 line and a 1.1 line of one study share their prefix. */
    private static void writeRequestKey(JsonGenerator gen, Optional<String> requestKey) throws IOException {
        if (requestKey.isPresent()) {
            gen.writeStringField("requestKey", requestKey.get());
        }
    }

    private static void writeRejected(JsonGenerator gen, Rejected r) throws IOException {
        writeUidAndBundle(gen, r.studyInstanceUid(), r.bundleId());
        gen.writeArrayFieldStart("reasons");
        for (RejectionReason reason : r.reasons()) {
            gen.writeStartObject();
            gen.writeStringField("code", reason.code());
            gen.writeStringField("message", reason.message());
            gen.writeArrayFieldStart("evidence");
            for (Evidence e : reason.evidence()) {
                gen.writeStartObject();
                gen.writeStringField("name", e.name());
                gen.writeNumberField("value", e.value());
                if (e.threshold().isPresent()) {
                    gen.writeNumberField("threshold", e.threshold().getAsDouble());
                }
                if (e.unit().isPresent()) {
                    gen.writeStringField("unit", e.unit().get());
                }
                gen.writeEndObject();
            }
            gen.writeEndArray();
            gen.writeEndObject();
        }
        gen.writeEndArray();
        writeRequestKey(gen, r.requestKey());
    }

    private static void writeFailed(JsonGenerator gen, Failed f) throws IOException {
        writeUidAndBundle(gen, f.studyInstanceUid(), f.bundleId());
        gen.writeStringField("errorCode", f.errorCode());
        gen.writeStringField("message", f.message());
        writeRequestKey(gen, f.requestKey());
    }

    private static void writeUidAndBundle(JsonGenerator gen, Optional<String> uid, String bundleId) throws IOException {
        gen.writeFieldName("studyInstanceUid");
        if (uid.isPresent()) {
            gen.writeString(uid.get());
        } else {
            // Explicit null, never an omitted key: "unknown" must look different from "forgotten".
            gen.writeNull();
        }
        gen.writeStringField("bundleId", bundleId);
    }
}
