package org.dicomguard.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.sources.RelationProvider;
import org.apache.spark.sql.sources.TableScan;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spark.read().format("dicom").load(folder)}: one row per DICOM file under the folder
 * (recursively, any Hadoop file system), found by content ({@link DicomFileFilter#byContent()}),
 * with typed header columns read from the header prefix only: {@code path, sizeBytes, studyKey,
 * studyInstanceUid, seriesInstanceUid, sopInstanceUid, modality, studyDate, site}
 * (InstitutionName){@code , manufacturer, manufacturerModelName, stationName, rows, columns,
 * headerError} (the reader's error code when the header is unreadable; the other header columns
 * are then null).
 *
 * <p>Options: {@code includeContent} ({@code false} by default): add a binary {@code content}
 * column with the file's bytes, pixel data included (a second, whole read of each file);
 * {@code bundle}: read with that bundle Pipeline's read limits instead of the reader's defaults.
 * The rows feed {@link ArchiveScoring#groupStudies}, then {@link ArchiveScoring#scoreStudies} or
 * the ML stage {@link GuardScoringTransformer}.
 */
public final class DicomDataSource implements RelationProvider, DataSourceRegister {

    /** Option: add the file bytes as a {@code content} column. */
    public static final String INCLUDE_CONTENT = "includeContent";
    /** Option: the bundle whose read limits apply. */
    public static final String BUNDLE = "bundle";

    @Override
    public String shortName() {
        return "dicom";
    }

    @Override
    public BaseRelation createRelation(SQLContext sqlContext, scala.collection.immutable.Map<String, String> parameters) {
        if (parameters.get("path").isEmpty()) {
            throw new IllegalArgumentException("format(\"dicom\") needs one folder or file: load(path)");
        }
        String path = parameters.get("path").get();
        boolean content = Boolean.parseBoolean(parameters.getOrElse(INCLUDE_CONTENT, () -> "false"));
        String bundle = parameters.get(BUNDLE).isDefined() ? parameters.get(BUNDLE).get() : null;
        return new DicomRelation(sqlContext, path, bundle, content);
    }

    /** The header columns: {@link HeaderPass#SCHEMA} without {@code dicom} (every row is DICOM). */
    static StructType schema(boolean content) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : HeaderPass.SCHEMA.fields()) {
            if (!f.name().equals(ArchiveScoring.DICOM)) {
                fields.add(f);
            }
        }
        StructType schema = new StructType(fields.toArray(new StructField[0]));
        return content ? schema.add(GuardScoring.CONTENT, DataTypes.BinaryType, true) : schema;
    }

    private static final class DicomRelation extends BaseRelation implements TableScan {
        private final SQLContext sqlContext;
        private final String path;
        private final String bundle;
        private final boolean content;

        DicomRelation(SQLContext sqlContext, String path, String bundle, boolean content) {
            this.sqlContext = sqlContext;
            this.path = path;
            this.bundle = bundle;
            this.content = content;
        }

        @Override
        public SQLContext sqlContext() {
            return sqlContext;
        }

        @Override
        public StructType schema() {
            return DicomDataSource.schema(content);
        }

        @Override
        public RDD<Row> buildScan() {
            SparkSession spark = sqlContext.sparkSession();
            HadoopFiles files = HadoopFiles.shipped(spark.sparkContext());
            JavaRDD<Row> keyed = ArchiveScoring.headerRows(spark, files, path, bundle, DicomFileFilter.byContent());
            boolean withContent = content;
            int dicomIndex = HeaderPass.SCHEMA.fieldIndex(ArchiveScoring.DICOM);
            return keyed.filter(r -> r.getBoolean(dicomIndex)).map(r -> {
                List<Object> values = new ArrayList<>(r.length() + 1);
                for (int i = 0; i < r.length(); i++) {
                    if (i != dicomIndex) {
                        values.add(r.get(i));
                    }
                }
                if (withContent) {
                    values.add(readAll(files, r.getString(0)));
                }
                return RowFactory.create(values.toArray());
            }).rdd();
        }
    }

    private static byte[] readAll(HadoopFiles files, String path) {
        try (FSDataInputStream in = files.fileSystem(path).open(new org.apache.hadoop.fs.Path(path))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
