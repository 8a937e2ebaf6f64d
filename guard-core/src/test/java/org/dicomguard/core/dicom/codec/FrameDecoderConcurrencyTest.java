package org.dicomguard.core.dicom.codec;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared decoders are used from many threads at once by the pipeline. */
class FrameDecoderConcurrencyTest {

    @Test
    void decode_sameDecoderFromFourThreads_everyResultCorrect() throws Exception {
        List<CodecFixtures.Entry> entries = List.of(CodecFixtures.named("mono16s12_rle"),
                CodecFixtures.named("mono16s12_jpeg70"), CodecFixtures.named("mono16s12_j2k"),
                CodecFixtures.named("rgb8_jpeg70"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (CodecFixtures.Entry entry : entries) {
                    results.add(pool.submit(() -> CodecFixtures.sha256Hex(FrameDecodersTest.decodeAll(
                            FrameDecoders.forTransferSyntax(entry.transferSyntaxUid()), entry))));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                CodecFixtures.Entry entry = entries.get(i % entries.size());
                assertEquals(entry.pixelSha256(), results.get(i).get(), entry.name());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
