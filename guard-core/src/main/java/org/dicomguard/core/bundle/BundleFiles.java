package org.dicomguard.core.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * The files of a bundle folder or zip, read defensively by name with a size limit.
 *
 * <p>Folder: a name must be a plain file name; the file (after links) must be a regular file
 * inside the bundle folder, so {@code model.onnx -> /dev/zero} or a link out of the folder is
 * refused, and reads stop at the limit whatever the file system reports as the size.
 *
 * <p>Zip: entries come from the central directory, which must list exactly the entries the local
 * headers hold (a hidden local entry, as one reader sees it and another does not, is refused), no
 * name twice; an entry's declared and actual inflated size must stay within its limit, and its
 * inflated size within {@link #MAX_INFLATION_RATIO} times its compressed size (a 1.3 MB zip that
 * inflates to 1 GiB is refused before it is inflated).
 */
interface BundleFiles extends AutoCloseable {

    /** Largest inflated / compressed size ratio of a zip entry; ONNX weights compress far less. */
    long MAX_INFLATION_RATIO = 100;
    /** Slack under which the ratio is not checked (tiny JSON files compress well). */
    long RATIO_FREE_BYTES = 1 << 20;

    /**
     * @param name     a plain file name from the manifest
     * @param maxBytes the largest size accepted
     * @return the file's bytes
     * @throws BundleLoadException naming the file when it is missing, not a regular file inside the bundle or too large
     */
    byte[] read(String name, long maxBytes) throws BundleLoadException;

    @Override
    void close();

    static BundleFiles open(Path path) throws BundleLoadException {
        return Files.isDirectory(path) ? folder(path) : zip(path);
    }

    private static void requirePlainName(String name) throws BundleLoadException {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.indexOf('\0') >= 0) {
            throw new BundleLoadException(name, "is not a plain file name inside the bundle");
        }
    }

    private static BundleFiles folder(Path folder) throws BundleLoadException {
        Path root;
        try {
            root = folder.toRealPath();
        } catch (IOException e) {
            throw new BundleLoadException("bundle", "cannot read " + folder + ": " + e.getMessage(), e);
        }
        return new BundleFiles() {
            @Override
            public byte[] read(String name, long maxBytes) throws BundleLoadException {
                requirePlainName(name);
                Path file = root.resolve(name);
                try {
                    Path real = file.toRealPath();
                    BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS);
                    if (!real.getParent().equals(root)) {
                        throw new BundleLoadException(name, "is a link to a file outside the bundle folder");
                    }
                    if (!attrs.isRegularFile()) {
                        throw new BundleLoadException(name, "is not a regular file (device, FIFO or folder)");
                    }
                    try (InputStream in = Files.newInputStream(real)) {
                        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                        if (bytes.length > maxBytes) {
                            throw new BundleLoadException(name, "is more than the limit of " + maxBytes + " bytes");
                        }
                        return bytes;
                    }
                } catch (NoSuchFileException e) {
                    throw new BundleLoadException(name, "is missing from the bundle " + folder, e);
                } catch (IOException e) {
                    throw new BundleLoadException(name, "cannot be read: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private static BundleFiles zip(Path path) throws BundleLoadException {
        ZipFile zip;
        try {
            if (!Files.isRegularFile(path)) {
                throw new NoSuchFileException(path.toString());
            }
            zip = new ZipFile(path.toFile());
        } catch (NoSuchFileException e) {
            throw new BundleLoadException("bundle", "no bundle folder or zip at " + path, e);
        } catch (IOException e) {
            throw new BundleLoadException("bundle", path + " is neither a bundle folder nor a readable zip: "
                    + e.getMessage(), e);
        }
        try {
            checkEntries(path, zip);
        } catch (BundleLoadException | RuntimeException e) {
            closeQuietly(zip);
            throw e;
        }
        return new BundleFiles() {
            @Override
            public byte[] read(String name, long maxBytes) throws BundleLoadException {
                requirePlainName(name);
                ZipEntry entry = zip.getEntry(name);
                if (entry == null || entry.isDirectory()) {
                    throw new BundleLoadException(name, "is missing from the bundle " + path);
                }
                long compressed = Math.max(1, entry.getCompressedSize());
                if (entry.getSize() > maxBytes) {
                    throw new BundleLoadException(name, "declares " + entry.getSize() + " inflated bytes, more than"
                            + " the limit of " + maxBytes);
                }
                long limit = Math.min(maxBytes, Math.max(RATIO_FREE_BYTES, compressed * MAX_INFLATION_RATIO));
                try (InputStream in = zip.getInputStream(entry)) {
                    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
                    if (bytes.length > limit) {
                        throw new BundleLoadException(name, "inflates to more than " + limit + " bytes (limit "
                                + maxBytes + ", at most " + MAX_INFLATION_RATIO + " times its " + compressed
                                + " compressed bytes): a zip bomb");
                    }
                    return bytes;
                } catch (IOException e) {
                    throw new BundleLoadException(name, "cannot be inflated: " + e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                closeQuietly(zip);
            }
        };
    }

    /** The central directory without duplicates, and the same entries as the local headers. */
    private static void checkEntries(Path path, ZipFile zip) throws BundleLoadException {
        List<String> central = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            String name = e.nextElement().getName();
            if (!names.add(name)) {
                throw new BundleLoadException(name, "appears twice in the zip " + path + " (which one counts is"
                        + " reader-dependent)");
            }
            central.add(name);
        }
        if (central.isEmpty()) {
            throw new BundleLoadException("bundle", path + " is an empty zip, not a bundle");
        }
        List<String> local = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path); ZipInputStream z = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = z.getNextEntry()) != null && local.size() <= central.size()) {
                local.add(entry.getName());
            }
        } catch (IOException e) {
            throw new BundleLoadException("bundle", "the local entries of " + path + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (!local.equals(central)) {
            throw new BundleLoadException("bundle", "the zip's local entries " + excerpt(local)
                    + " differ from its central directory " + excerpt(central) + " (a hidden or shadowed entry)");
        }
    }

    private static String excerpt(List<String> names) {
        return names.size() <= 8 ? names.toString() : names.subList(0, 8) + " and " + (names.size() - 8) + " more";
    }

    private static void closeQuietly(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException e) {
            // Nothing was written; the loader's result does not depend on closing.
        }
    }
}
