package org.dicomguard.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Optional;

/**
 * Adds the study key and header facts to each file row, reading only the header (before pixel
 * data) with the executor Pipeline's reader, as {@code StudyGrouper} does in {@code score}.
 */
final class HeaderKeyer implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    private final String bundleLocation;

    HeaderKeyer(String bundleLocation) {
        this.bundleLocation = bundleLocation;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        DicomReader reader = ExecutorPipelines.get(bundleLocation).reader();
        return LazyRows.map(rows, row -> keyed(reader, row));
    }

    private static Row keyed(DicomReader reader, Row row) {
        String path = row.getString(row.fieldIndex(GuardScoring.PATH));
        boolean hasContent = Arrays.asList(row.schema().fieldNames()).contains(GuardScoring.CONTENT);
        Optional<Attributes> header;
        try {
            header = Optional.of((hasContent
                    ? reader.readHeader((byte[]) row.get(row.fieldIndex(GuardScoring.CONTENT)))
                    : reader.readHeader(LocalFiles.toPath(path))).dataSet());
        } catch (DicomException e) {
            header = Optional.empty();
        }
        Optional<String> uid = header.flatMap(h -> h.getString(Tag.StudyInstanceUID));
        Object[] values = Arrays.copyOf(rowValues(row), row.length() + 4);
        int i = row.length();
        values[i++] = uid.orElse(GuardScoring.UNREADABLE_KEY_PREFIX + path);
        values[i++] = uid.orElse(null);
        values[i++] = header.flatMap(h -> h.getString(Tag.StudyDate)).orElse(null);
        values[i] = header.flatMap(h -> h.getString(Tag.InstitutionName)).orElse(null);
        return RowFactory.create(values);
    }

    private static Object[] rowValues(Row row) {
        Object[] values = new Object[row.length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.get(i);
        }
        return values;
    }
}
