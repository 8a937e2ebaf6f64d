package org.dicomguard.core.dicom.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The raw codestream fixtures of src/test/resources/codec/, listed in codec-fixtures.json and
 * written by src/test/fixtures/make-fixtures.sh.
 */
final class CodecFixtures {
    private CodecFixtures() {
    }

    /**
     * One encoded image.
     *
     * @param name                             fixture name
     * @param transferSyntaxUid                the UID its frames are encoded with
     * @param descriptor                       the header's image attributes
     * @param frameFiles                       resource names of the encoded frames, in order
     * @param decodedPhotometricInterpretation what the decoder must report
     * @param pixelSha256                      expected hash of all decoded frames, "" for lossy
     * @param meanPerChannel                   expected sample means for lossy images, empty otherwise
     * @param meanTolerance                    allowed absolute deviation of each mean
     */
    record Entry(String name, String transferSyntaxUid, ImageDescriptor descriptor, List<String> frameFiles,
                 String decodedPhotometricInterpretation, String pixelSha256, double[] meanPerChannel,
                 double meanTolerance) {
        @Override
        public String toString() {
            return name;
        }

        byte[] frame(int index) {
            return resource(frameFiles.get(index));
        }
    }

    static List<Entry> all() {
        try {
            JsonNode root = new ObjectMapper().readTree(resource("codec-fixtures.json"));
            List<Entry> entries = new ArrayList<>();
            for (JsonNode e : root.get("entries")) {
                JsonNode d = e.get("descriptor");
                ImageDescriptor descriptor = new ImageDescriptor(d.get("rows").asInt(), d.get("columns").asInt(),
                        d.get("samplesPerPixel").asInt(), d.get("bitsAllocated").asInt(), d.get("bitsStored").asInt(),
                        d.get("pixelRepresentation").asInt(), d.get("photometricInterpretation").asText(),
                        d.get("planarConfiguration").asInt());
                List<String> frames = new ArrayList<>();
                e.get("frameFiles").forEach(f -> frames.add(f.asText()));
                double[] means = new double[0];
                if (e.has("meanPerChannel")) {
                    means = new double[e.get("meanPerChannel").size()];
                    for (int i = 0; i < means.length; i++) {
                        means[i] = e.get("meanPerChannel").get(i).asDouble();
                    }
                }
                entries.add(new Entry(e.get("name").asText(), e.get("transferSyntaxUid").asText(), descriptor,
                        List.copyOf(frames), e.get("decodedPhotometricInterpretation").asText(),
                        e.has("pixelSha256") ? e.get("pixelSha256").asText() : "", means,
                        e.has("meanTolerance") ? e.get("meanTolerance").asDouble() : 0));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Entry named(String name) {
        return all().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no codec fixture " + name));
    }

    static byte[] resource(String name) {
        try (InputStream in = Objects.requireNonNull(CodecFixtures.class.getResourceAsStream("/codec/" + name),
                () -> "missing resource /codec/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256Hex(List<byte[]> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            parts.forEach(digest::update);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
