package org.dicomguard.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DicomDataSourceTest {

    private static SyntheticExport export;

    @BeforeAll
    static void writeExport() throws Exception {
        export = SyntheticExport.get();
    }

    @Test
    void load_exportFolder_oneTypedHeaderRowPerDicomFileFoundByContent() throws Exception {
        Dataset<Row> dicom = LocalSpark.session().read().format("dicom").load(export.root.toString());
        assertEquals(DataTypes.IntegerType, dicom.schema().apply("rows").dataType());
        assertFalse(Arrays.asList(dicom.columns()).contains(GuardScoring.CONTENT), "pixel data is off by default");
        Map<String, Row> byName = new HashMap<>();
        for (Row row : dicom.collectAsList()) {
            String path = row.getAs(GuardScoring.PATH);
            byName.put(Path.of(new org.apache.hadoop.fs.Path(path).toUri().getPath()).toString(), row);
        }
        assertEquals(export.dicomFiles.size(), byName.size(), "files found: " + byName.keySet());
        DicomReader reader = new DicomReader();
        for (Path file : export.dicomFiles) {
            Row row = byName.get(file.toString());
            if (file.getFileName().toString().equals("not-dicom.dcm")) {
                assertNull(row.getAs(GuardScoring.STUDY_INSTANCE_UID));
                assertEquals("NOT_DICOM", row.getAs(ArchiveScoring.HEADER_ERROR));
                continue;
            }
            Attributes header = reader.readHeader(file).dataSet();
            assertEquals(header.getString(Tag.StudyInstanceUID).orElseThrow(), row.getAs(GuardScoring.STUDY_INSTANCE_UID));
            assertEquals(header.getString(Tag.SOPInstanceUID).orElseThrow(), row.getAs("sopInstanceUid"));
            assertEquals(header.getString(Tag.Modality).orElseThrow(), row.getAs("modality"));
            assertEquals(header.getInt(Tag.Rows).getAsInt(), (int) row.getAs("rows"));
            assertEquals(header.getInt(Tag.Columns).getAsInt(), (int) row.getAs("columns"));
            assertTrue(TestArchiveWriter.DAYS.contains(row.<String>getAs(GuardScoring.STUDY_DATE)));
            assertTrue(TestArchiveWriter.SITES.contains(row.<String>getAs(GuardScoring.SITE)));
            assertEquals(Files.size(file), (long) row.getAs(ArchiveScoring.SIZE_BYTES));
        }
    }

    @Test
    void load_includeContent_addsTheFileBytes() throws Exception {
        Path uidNamed = export.dicomFiles.get(0);
        List<Row> rows = LocalSpark.session().read().format("dicom").option(DicomDataSource.INCLUDE_CONTENT, "true")
                .load(uidNamed.toString()).collectAsList();
        assertEquals(1, rows.size());
        assertArrayEquals(Files.readAllBytes(uidNamed), (byte[]) rows.get(0).getAs(GuardScoring.CONTENT));
    }
}
