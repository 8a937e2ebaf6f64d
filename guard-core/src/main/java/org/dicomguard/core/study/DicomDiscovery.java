package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomErrorCode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the DICOM files among files and folders by their content, not their name: UID-named
 * files ({@code 1.2.840...}, the usual PACS export), {@code .DCM} and extension-less files are
 * all found.
 *
 * <p>Rules: a file named explicitly is always a candidate. In a folder, a file is a candidate when
 * its bytes look like DICOM ({@code DICM} at offset 128 or 0, or a plausible first data element of
 * a preamble-less data set), or when it is named {@code *.dcm}/{@code *.dicom} (so a damaged file
 * still gets its own result line); anything else (labels.csv, index.html) is ignored. Symbolic
 * links are followed, with loop protection; the same file reached twice (given twice, through a
 * link or a hard link) counts once. FIFOs, sockets and devices are never opened (opening a FIFO
 * blocks): they come out as {@link Skipped} with {@link DicomErrorCode#NOT_A_REGULAR_FILE}, a
 * missing input as {@link DicomErrorCode#NOT_FOUND}, a folder that cannot be listed as
 * {@link DicomErrorCode#IO_ERROR}. Files come out sorted by path within each input, in input order.
 *
 * <p>Stateless and thread-safe.
 */
public final class DicomDiscovery {

    /** Bytes read to recognise DICOM: the 128-byte preamble, the magic and one element header. */
    static final int SNIFF_BYTES = 140;

    /**
     * A path that is not a candidate DICOM file although it was named or linked.
     *
     * @param path   the path as given or found
     * @param code   why: NOT_FOUND, NOT_A_REGULAR_FILE or IO_ERROR
     * @param reason one line for people, without the path (paths can hold patient names)
     */
    public record Skipped(Path path, DicomErrorCode code, String reason) {
    }

    /**
     * @param files         candidate DICOM files, each once
     * @param skipped       paths that were named or linked but cannot be read as files
     * @param missingInputs inputs named explicitly that do not exist
     */
    public record Found(List<Path> files, List<Skipped> skipped, List<Path> missingInputs) {
        public Found {
            files = List.copyOf(files);
            skipped = List.copyOf(skipped);
            missingInputs = List.copyOf(missingInputs);
        }
    }

    /**
     * @param inputs files and folders
     * @return the candidate files and the skipped paths; never throws for a bad path
     */
    public Found discover(List<Path> inputs) {
        Set<Object> seen = new HashSet<>();
        List<Path> files = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        List<Path> missing = new ArrayList<>();
        for (Path input : inputs) {
            BasicFileAttributes attrs;
            try {
                attrs = Files.readAttributes(input, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                missing.add(input);
                skipped.add(new Skipped(input, DicomErrorCode.NOT_FOUND, Files.isSymbolicLink(input)
                        ? "the input is a broken symbolic link" : "the input does not exist"));
                continue;
            } catch (IOException e) {
                skipped.add(new Skipped(input, DicomErrorCode.IO_ERROR, "cannot read the input: "
                        + e.getClass().getSimpleName()));
                continue;
            }
            if (attrs.isDirectory()) {
                walk(input, seen, files, skipped);
            } else if (attrs.isRegularFile()) {
                if (seen.add(identity(input, attrs))) {
                    files.add(input);
                }
            } else {
                skipped.add(notRegular(input, attrs));
            }
        }
        return new Found(files, skipped, missing);
    }

    private static void walk(Path root, Set<Object> seen, List<Path> out, List<Skipped> skipped) {
        List<Path> found = new ArrayList<>();
        List<Skipped> bad = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isRegularFile()) {
                                if (isCandidate(file, attrs.size()) && seen.add(identity(file, attrs))) {
                                    found.add(file);
                                }
                            } else if (attrs.isSymbolicLink()) {
                                bad.add(new Skipped(file, DicomErrorCode.NOT_FOUND, "broken symbolic link"));
                            } else if (!attrs.isDirectory()) {
                                bad.add(notRegular(file, attrs));
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!(e instanceof FileSystemLoopException)) {
                                // A loop revisits files already found; anything else is a folder we cannot read.
                                bad.add(new Skipped(file, DicomErrorCode.IO_ERROR, "cannot read: "
                                        + e.getClass().getSimpleName()));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            bad.add(new Skipped(root, DicomErrorCode.IO_ERROR, "cannot list the folder: " + e.getClass().getSimpleName()));
        }
        found.sort(Comparator.naturalOrder());
        bad.sort(Comparator.comparing(Skipped::path));
        out.addAll(found);
        skipped.addAll(bad);
    }

    private static Skipped notRegular(Path path, BasicFileAttributes attrs) {
        return new Skipped(path, DicomErrorCode.NOT_A_REGULAR_FILE, "not a regular file (" + (attrs.isOther()
                ? "FIFO, socket or device" : "unknown kind") + "); not opened");
    }

    /** The file's identity for de-duplication: the inode where the file system has one, else the real path. */
    private static Object identity(Path file, BasicFileAttributes attrs) {
        if (attrs.fileKey() != null) {
            return attrs.fileKey();
        }
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /**
     * @param file a regular file in a folder
     * @param size its size in bytes
     * @return whether it is named as DICOM or its first bytes look like DICOM
     */
    static boolean isCandidate(Path file, long size) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".dcm") || name.endsWith(".dicom")) {
            return true;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        } catch (IOException e) {
            return true; // unreadable now: let the reader report it with a typed result
        }
        return looksLikeDicom(head, size);
    }

    /**
     * @param head the first bytes of a file (up to {@link #SNIFF_BYTES})
     * @param size the file's size in bytes
     * @return whether the bytes carry the DICM magic or start with a plausible data element
     */
    static boolean looksLikeDicom(byte[] head, long size) {
        if (head.length >= 132 && isDicm(head, 128)) {
            return true;
        }
        if (head.length >= 4 && isDicm(head, 0)) {
            return true;
        }
        if (head.length < 8) {
            return false;
        }
        int groupLittle = (head[0] & 0xFF) | (head[1] & 0xFF) << 8;
        int groupBig = (head[0] & 0xFF) << 8 | (head[1] & 0xFF);
        int group = Math.min(groupLittle, groupBig);
        if (group < 0x0002 || group > 0x0010 || (group & 1) != 0) {
            return false;
        }
        boolean explicitVr = isUpper(head[4]) && isUpper(head[5]);
        long implicitLength = (head[4] & 0xFFL) | (head[5] & 0xFFL) << 8 | (head[6] & 0xFFL) << 16
                | (head[7] & 0xFFL) << 24;
        return explicitVr || implicitLength <= size - 8;
    }

    private static boolean isUpper(byte b) {
        return b >= 'A' && b <= 'Z';
    }

    private static boolean isDicm(byte[] b, int p) {
        return b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M';
    }
}
