package org.dicomguard.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.dicomguard.contract.ResultCode;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Iterator;
import java.util.Optional;

/**
 * The header pass of the archive job, run in the tasks: each listed file is opened through the
 * Hadoop FileSystem, its first {@value DicomFileFilter#PREFIX_BYTES} bytes go to the
 * {@link DicomFileFilter}, and an accepted file's header (the elements before PixelData, read
 * with the bundle Pipeline's reader and limits) gives the study key and the header columns of
 * {@link #SCHEMA}. Only header prefixes are read; pixel data is not touched.
 */
final class HeaderPass implements FlatMapFunction<Iterator<Row>, Row> {

    private static final long serialVersionUID = 1L;

    /** Columns of the keyed file rows ({@link ArchiveScoring#discover}). */
    static final StructType SCHEMA = new StructType()
            .add(GuardScoring.PATH, DataTypes.StringType, false)
            .add(ArchiveScoring.SIZE_BYTES, DataTypes.LongType, false)
            .add(ArchiveScoring.DICOM, DataTypes.BooleanType, false)
            .add(GuardScoring.STUDY_KEY, DataTypes.StringType, true)
            .add(GuardScoring.STUDY_INSTANCE_UID, DataTypes.StringType, true)
            .add("seriesInstanceUid", DataTypes.StringType, true)
            .add("sopInstanceUid", DataTypes.StringType, true)
            .add("modality", DataTypes.StringType, true)
            .add(GuardScoring.STUDY_DATE, DataTypes.StringType, true)
            .add(GuardScoring.SITE, DataTypes.StringType, true)
            .add("manufacturer", DataTypes.StringType, true)
            .add("manufacturerModelName", DataTypes.StringType, true)
            .add("stationName", DataTypes.StringType, true)
            .add("rows", DataTypes.IntegerType, true)
            .add("columns", DataTypes.IntegerType, true)
            .add(ArchiveScoring.HEADER_ERROR, DataTypes.StringType, true);

    private static final int[] STRING_TAGS = {Tag.StudyInstanceUID, Tag.SeriesInstanceUID, Tag.SOPInstanceUID,
            Tag.Modality, Tag.StudyDate, Tag.InstitutionName, Tag.Manufacturer, Tag.ManufacturerModelName,
            Tag.StationName};

    private final String bundleLocation;
    private final HadoopFiles files;
    private final DicomFileFilter filter;

    /**
     * @param bundleLocation the bundle whose Pipeline's read limits apply; null: {@link DicomReader}'s defaults
     * @param files          the Hadoop configuration
     * @param filter         which files are DICOM
     */
    HeaderPass(String bundleLocation, HadoopFiles files, DicomFileFilter filter) {
        this.bundleLocation = bundleLocation;
        this.files = files;
        this.filter = filter;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        DicomReader reader = bundleLocation == null ? new DicomReader() : ExecutorPipelines.get(bundleLocation).reader();
        return LazyRows.map(rows, row -> key(reader, row.getString(0), row.getLong(1)));
    }

    private Row key(DicomReader reader, String path, long size) {
        Object[] values = new Object[SCHEMA.size()];
        values[0] = path;
        values[1] = size;
        values[2] = false;
        String name = new org.apache.hadoop.fs.Path(path).getName();
        Optional<Attributes> header = Optional.empty();
        String error = null;
        try (FSDataInputStream in = files.fileSystem(path).open(new org.apache.hadoop.fs.Path(path))) {
            byte[] prefix = in.readNBytes(DicomFileFilter.PREFIX_BYTES);
            if (!filter.accept(name, prefix, prefix.length)) {
                return RowFactory.create(values);
            }
            InputStream whole = new SequenceInputStream(new ByteArrayInputStream(prefix), in);
            header = Optional.of(reader.readHeader(whole, size).dataSet());
        } catch (DicomException e) {
            error = e.code().resultCode().code();
        } catch (IOException e) {
            // Not even the prefix could be read: still a file of the archive, so it gets its failed row.
            error = ResultCode.IO_ERROR.code();
        }
        values[2] = true;
        Optional<String> uid = header.flatMap(h -> h.getString(Tag.StudyInstanceUID));
        values[3] = uid.orElse(GuardScoring.UNREADABLE_KEY_PREFIX + path);
        int i = 4;
        for (int tag : STRING_TAGS) {
            int t = tag;
            values[i++] = header.flatMap(h -> h.getString(t)).orElse(null);
        }
        values[i++] = intOrNull(header, Tag.Rows);
        values[i++] = intOrNull(header, Tag.Columns);
        values[i] = error;
        return RowFactory.create(values);
    }

    private static Integer intOrNull(Optional<Attributes> header, int tag) {
        if (header.isEmpty()) {
            return null;
        }
        java.util.OptionalInt value = header.get().getInt(tag);
        return value.isPresent() ? value.getAsInt() : null;
    }
}
