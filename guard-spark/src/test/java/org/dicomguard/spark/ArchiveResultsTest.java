package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Append and rerun into a Parquet results table with rows built by hand (no scoring needed). */
class ArchiveResultsTest {

    private static final List<String> CODES = List.of("mass");

    private static Dataset<Row> rows(String... uids) {
        List<Row> rows = new ArrayList<>();
        for (String uid : uids) {
            String json = "{\"status\":\"failed\",\"studyInstanceUid\":" + (uid == null ? "null" : "\"" + uid + "\"") + "}";
            rows.add(RowFactory.create(uid, "failed", "b-1", null, null, null, List.of(), "IO_ERROR", json));
        }
        return LocalSpark.session().createDataFrame(rows, ContractRows.schema(CODES));
    }

    @Test
    void appendNew_rerunAndOverlap_oneRowPerStudyBundleAndModel(@TempDir Path dir) {
        String table = dir.resolve("results").toString();
        assertEquals(3, ArchiveResults.appendNew(rows("1.1", "1.2", null), "aa", table));
        assertEquals(0, ArchiveResults.appendNew(rows("1.1", "1.2", null), "aa", table));
        assertEquals(1, ArchiveResults.appendNew(rows("1.2", "1.3", "1.3"), "aa", table));
        assertEquals(1, ArchiveResults.appendNew(rows("1.1"), "bb", table), "another model is another row");
        Dataset<Row> stored = LocalSpark.session().read().parquet(table);
        assertEquals(5, stored.count());
        assertEquals(5, stored.select(ArchiveResults.RESULT_KEY, "bundleId", ArchiveResults.MODEL_SHA256).distinct().count());
    }
}
