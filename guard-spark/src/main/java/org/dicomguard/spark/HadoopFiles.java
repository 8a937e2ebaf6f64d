package org.dicomguard.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Hadoop file-system side of the archive job: the Hadoop {@link Configuration} shipped to the
 * tasks as a broadcast (deserialized once per executor, not once per task: a configuration is
 * hundreds of properties), listing on the driver, and paths that are local on the executor.
 * Through Hadoop's FileSystem the job reads local folders, HDFS, S3A and whatever else the
 * cluster configures.
 */
final class HadoopFiles implements Serializable {

    private static final long serialVersionUID = 1L;

    /** A listed file: its fully qualified URI string and size. */
    record Entry(String path, long sizeBytes) implements Serializable {
    }

    /** The configuration as shipped once per executor (a broadcast), not once per task. */
    private final Broadcast<Shipped> shipped;
    private transient Configuration configuration;

    /** @param configuration a driver-side configuration; this instance is not for shipping to tasks */
    HadoopFiles(Configuration configuration) {
        this.configuration = configuration;
        this.shipped = null;
    }

    private HadoopFiles(Configuration configuration, Broadcast<Shipped> shipped) {
        this.configuration = configuration;
        this.shipped = shipped;
    }

    /**
     * @param context the job's context
     * @return the context's Hadoop configuration, broadcast: tasks that capture this object carry a
     *         broadcast handle, and each executor reads the (large) configuration once
     */
    static HadoopFiles shipped(SparkContext context) {
        Configuration configuration = context.hadoopConfiguration();
        Broadcast<Shipped> broadcast = JavaSparkContext.fromSparkContext(context).broadcast(new Shipped(configuration));
        return new HadoopFiles(configuration, broadcast);
    }

    Configuration configuration() {
        if (configuration == null) {
            if (shipped == null) {
                throw new IllegalStateException("a driver-side HadoopFiles was shipped to a task; use HadoopFiles.shipped");
            }
            configuration = shipped.value().configuration;
        }
        return configuration;
    }

    /**
     * @param path a fully qualified path as {@link #list} gives
     * @return its file system (cached by Hadoop per scheme and authority)
     */
    FileSystem fileSystem(String path) throws IOException {
        return new org.apache.hadoop.fs.Path(path).getFileSystem(configuration());
    }

    /**
     * Lists every regular file under the root (recursively) or the root itself when it is a file,
     * on the driver: metadata only, no file is opened.
     *
     * @param root a folder or file URI (or local path)
     * @return the files with qualified paths, in path order
     * @throws UncheckedIOException when the root cannot be listed
     */
    List<Entry> list(String root) {
        List<Entry> files = new ArrayList<>();
        try {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(root);
            FileSystem fs = path.getFileSystem(configuration());
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(path, true);
            while (it.hasNext()) {
                LocatedFileStatus status = it.next();
                if (status.isFile()) {
                    files.add(new Entry(status.getPath().toString(), status.getLen()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        files.sort(java.util.Comparator.comparing(Entry::path));
        return files;
    }

    /**
     * @param path a path as {@link #list} gives
     * @return the local path when the file is on the local file system of this JVM
     */
    static Optional<Path> localPath(String path) {
        URI uri = new org.apache.hadoop.fs.Path(path).toUri();
        if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
            return Optional.of(Path.of(uri.getPath()));
        }
        return Optional.empty();
    }

    /** A Hadoop configuration in Java serialization, for the broadcast. */
    private static final class Shipped implements Serializable {

        private static final long serialVersionUID = 1L;

        private transient Configuration configuration;

        Shipped(Configuration configuration) {
            this.configuration = configuration;
        }

        private void writeObject(ObjectOutputStream out) throws IOException {
            out.defaultWriteObject();
            configuration.write(out);
        }

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            configuration = new Configuration(false);
            configuration.readFields(in);
        }
    }
}
