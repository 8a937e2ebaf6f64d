package org.dicomguard.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;

/**
 * A read-only Hadoop FileSystem over the local disk under the scheme {@code otherfs:}, registered
 * as {@code fs.otherfs.impl}: paths the archive job cannot open as local files, so it must list and
 * read them through the Hadoop FileSystem API as it would on HDFS or S3A. Test fixture only.
 */
public final class OtherSchemeFileSystem extends FileSystem {

    /** The scheme. */
    static final String SCHEME = "otherfs";

    private Path workingDirectory = new Path(SCHEME + ":///");

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    private static File file(Path path) {
        return new File(path.toUri().getPath());
    }

    @Override
    public FSDataInputStream open(Path path, int bufferSize) throws IOException {
        RandomAccessFile file = new RandomAccessFile(file(path), "r");
        return new FSDataInputStream(new FSInputStream() {
            @Override
            public void seek(long pos) throws IOException {
                file.seek(pos);
            }

            @Override
            public long getPos() throws IOException {
                return file.getFilePointer();
            }

            @Override
            public boolean seekToNewSource(long targetPos) {
                return false;
            }

            @Override
            public int read() throws IOException {
                return file.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return file.read(b, off, len);
            }

            @Override
            public void close() throws IOException {
                file.close();
            }
        });
    }

    @Override
    public FileStatus[] listStatus(Path path) throws IOException {
        File folder = file(path);
        if (!folder.isDirectory()) {
            return new FileStatus[]{getFileStatus(path)};
        }
        String[] names = folder.list();
        FileStatus[] statuses = new FileStatus[names.length];
        for (int i = 0; i < names.length; i++) {
            statuses[i] = getFileStatus(new Path(path, names[i]));
        }
        return statuses;
    }

    @Override
    public FileStatus getFileStatus(Path path) throws IOException {
        File f = file(path);
        if (!f.exists()) {
            throw new FileNotFoundException(path.toString());
        }
        return new FileStatus(f.length(), f.isDirectory(), 1, 1 << 20, f.lastModified(),
                new Path(SCHEME, null, path.toUri().getPath()));
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        workingDirectory = dir;
    }

    @Override
    public Path getWorkingDirectory() {
        return workingDirectory;
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize,
                                     short replication, long blockSize, Progressable progress) throws IOException {
        throw new IOException("read-only test file system");
    }

    @Override
    public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) throws IOException {
        throw new IOException("read-only test file system");
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        throw new IOException("read-only test file system");
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        throw new IOException("read-only test file system");
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) throws IOException {
        throw new IOException("read-only test file system");
    }
}
