package org.dicomguard.spark;

import org.apache.spark.sql.Row;

import java.util.Iterator;
import java.util.function.Function;

/**
 * Maps a partition's rows one at a time, as Spark pulls them, so a partition of DICOM files is
 * never read into memory at once. Used on the executor inside a partition function; not
 * serialized. Not thread-safe (as any iterator).
 */
final class LazyRows {
    private LazyRows() {
    }

    /**
     * @param rows the partition's input rows, consumed as the result is
     * @param each maps one input row to one output row
     * @return an iterator that applies {@code each} to the next input row on each {@code next()}
     */
    static Iterator<Row> map(Iterator<Row> rows, Function<Row, Row> each) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                return each.apply(rows.next());
            }
        };
    }
}
