package org.dicomguard.core.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads DICOM Part-10 files (with or without the 128-byte preamble and file meta group) in
 * Implicit VR Little Endian, Explicit VR Little and Big Endian, Deflated Explicit VR Little
 * Endian, and the encapsulated syntaxes (pixel data decoded later by the codecs).
 *
 * <p>Untrusted input: the file size, every declared length, the sequence depth and the pixel
 * count are checked against {@link DicomReadLimits} before anything is allocated; any bytes
 * give a {@link DicomFile} or a {@link DicomException} with a stable {@link DicomErrorCode}.
 *
 * <p>Memory: {@link #read(Path)} holds the file bytes once; element values are views into them.
 * {@link #readHeader(Path)} reads only as much of the file as the elements before PixelData need.
 *
 * <p>Immutable and thread-safe; one instance can serve all threads.
 */
public final class DicomReader {
    // Most headers fit; a longer one is read again in chunks four times larger (NeedMoreData).
    private static final int FIRST_HEADER_CHUNK_BYTES = 16 * 1024;
    private static final int PREAMBLE_BYTES = 128;

    private final DicomReadLimits limits;

    /** A reader with {@link DicomReadLimits#defaults()}. */
    public DicomReader() {
        this(DicomReadLimits.defaults());
    }

    /** @param limits the limits every read enforces, not null */
    public DicomReader(DicomReadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** @return the limits this reader enforces */
    public DicomReadLimits limits() {
        return limits;
    }

    /**
     * @param file a DICOM file
     * @return the parsed file, pixel data included (not yet decoded: see {@link DicomFile#decodeImage()})
     * @throws DicomException IO_ERROR, LIMIT_EXCEEDED (file size first), or any parse code
     */
    public DicomFile read(Path file) throws DicomException {
        long size = sizeOf(file);
        checkFileSize(size);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DicomException(DicomErrorCode.IO_ERROR, "cannot read file: " + ioReason(e), e);
        }
        return parse(bytes, bytes.length, true, false);
    }

    /**
     * @param bytes a whole DICOM file; not modified and not copied, so it must not be modified
     *              while the result is in use
     * @return the parsed file
     * @throws DicomException LIMIT_EXCEEDED or any parse code
     */
    public DicomFile read(byte[] bytes) throws DicomException {
        Objects.requireNonNull(bytes, "bytes");
        checkFileSize(bytes.length);
        return parse(bytes, bytes.length, true, false);
    }

    /**
     * Reads the header only, stopping before the top-level PixelData; cheap for grouping files by
     * StudyInstanceUID. Reads a first chunk and more only when the elements need it.
     *
     * @param file a DICOM file
     * @return the parsed header; {@link DicomFile#isHeaderOnly()} is true
     * @throws DicomException as {@link #read(Path)}, for the header part
     */
    public DicomFile readHeader(Path file) throws DicomException {
        long size = sizeOf(file);
        checkFileSize(size);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            int chunk = (int) Math.min(size, FIRST_HEADER_CHUNK_BYTES);
            byte[] bytes = new byte[0];
            while (true) {
                bytes = readPrefix(channel, bytes, chunk);
                try {
                    return parse(bytes, bytes.length, bytes.length >= size, true);
                } catch (DicomParser.NeedMoreData more) {
                    chunk = (int) Math.min(size, (long) chunk * 4);
                }
            }
        } catch (IOException e) {
            throw new DicomException(DicomErrorCode.IO_ERROR, "cannot read file: " + ioReason(e), e);
        }
    }

    /**
     * @param bytes a whole DICOM file, not modified
     * @return the header only, as {@link #readHeader(Path)}
     * @throws DicomException LIMIT_EXCEEDED or any parse code
     */
    public DicomFile readHeader(byte[] bytes) throws DicomException {
        Objects.requireNonNull(bytes, "bytes");
        checkFileSize(bytes.length);
        return parse(bytes, bytes.length, true, true);
    }

    /**
     * Reads the header only from a stream positioned at the file's first byte, as
     * {@link #readHeader(Path)} does for a path: for files on other file systems (Hadoop, object
     * stores) that have no {@link Path}. Reads no further than the header needs; the stream is
     * not closed.
     *
     * @param in        the file's bytes from the start
     * @param sizeBytes the file's size in bytes, as its file system reports it
     * @return the parsed header; {@link DicomFile#isHeaderOnly()} is true
     * @throws DicomException as {@link #readHeader(Path)}; IO_ERROR when the stream fails
     */
    public DicomFile readHeader(java.io.InputStream in, long sizeBytes) throws DicomException {
        Objects.requireNonNull(in, "in");
        checkFileSize(sizeBytes);
        try {
            int chunk = (int) Math.min(sizeBytes, FIRST_HEADER_CHUNK_BYTES);
            byte[] bytes = new byte[0];
            while (true) {
                int have = bytes.length;
                bytes = Arrays.copyOf(bytes, chunk);
                int n = in.readNBytes(bytes, have, chunk - have);
                if (n < chunk - have) {
                    bytes = Arrays.copyOf(bytes, have + n);
                }
                try {
                    return parse(bytes, bytes.length, bytes.length >= sizeBytes || n < chunk - have, true);
                } catch (DicomParser.NeedMoreData more) {
                    chunk = (int) Math.min(sizeBytes, (long) chunk * 4);
                }
            }
        } catch (IOException e) {
            throw new DicomException(DicomErrorCode.IO_ERROR, "cannot read file: " + e.getClass().getSimpleName(), e);
        }
    }

    private static byte[] readPrefix(FileChannel channel, byte[] have, int wanted) throws IOException {
        byte[] out = Arrays.copyOf(have, wanted);
        ByteBuffer target = ByteBuffer.wrap(out, have.length, wanted - have.length);
        channel.position(have.length);
        while (target.hasRemaining()) {
            if (channel.read(target) < 0) {
                return Arrays.copyOf(out, target.position());
            }
        }
        return out;
    }

    private DicomFile parse(byte[] bytes, int length, boolean complete, boolean headerOnly) throws DicomException {
        if (length == 0) {
            throw new DicomException(DicomErrorCode.NOT_DICOM, "empty input (0 bytes)");
        }
        int start = 0;
        boolean magic = false;
        if (length >= PREAMBLE_BYTES + 4 && isDicm(bytes, PREAMBLE_BYTES)) {
            start = PREAMBLE_BYTES + 4;
            magic = true;
        } else if (length >= 4 && isDicm(bytes, 0)) {
            start = 4;
            magic = true;
        } else if (!complete && length < PREAMBLE_BYTES + 4) {
            throw new DicomParser.NeedMoreData();
        }
        DicomParser parser = new DicomParser(bytes, start, length, complete, limits, 0);
        // The meta group is always little endian, so its group number reads as bytes 02 00.
        boolean hasMetaGroup = length - start >= 6
                && ((bytes[start] & 0xFF) | (bytes[start + 1] & 0xFF) << 8) == Tag.FILE_META_GROUP;
        Attributes meta = hasMetaGroup ? parser.readMetaGroup() : new Attributes(null);
        Optional<String> declared = meta.getString(Tag.TransferSyntaxUID);
        int dataStart = parser.position();
        String effective;
        byte[] dataBytes = bytes;
        int dataEnd = length;
        if (declared.isPresent() && TransferSyntax.isDeflated(declared.get())) {
            if (!complete) {
                throw new DicomParser.NeedMoreData(); // a deflate stream cannot be read in part
            }
            dataBytes = inflate(bytes, dataStart, length);
            dataStart = 0;
            dataEnd = dataBytes.length;
            effective = declared.get();
        } else {
            effective = chooseSyntax(bytes, dataStart, length, complete, declared, magic);
        }
        DicomParser body = new DicomParser(dataBytes, dataStart, dataEnd, complete, limits, 0);
        boolean explicit = !TransferSyntax.isImplicitVr(effective);
        body.setEncoding(explicit, TransferSyntax.isBigEndian(effective));
        Attributes dataSet = body.readDataSet(headerOnly);
        // The declared syntax still names the pixel codec when the data set encoding had to be inferred.
        return new DicomFile(meta, dataSet, declared, declared.orElse(effective), headerOnly, limits);
    }

    /**
     * The declared syntax when it fits the bytes; else what the first element looks like. Files
     * without meta group carry no syntax, and some declare Explicit VR over Implicit VR data.
     */
    private static String chooseSyntax(byte[] b, int p, int length, boolean complete, Optional<String> declared,
                                       boolean magic) throws DicomException {
        if (length - p < 8) {
            if (declared.isPresent() || (magic && length == p)) {
                return declared.orElse(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
            }
            if (!complete) {
                throw new DicomParser.NeedMoreData();
            }
            throw new DicomException(DicomErrorCode.NOT_DICOM, "no DICM magic and too short for a data element ("
                    + length + " bytes)");
        }
        int groupLittle = (b[p] & 0xFF) | ((b[p + 1] & 0xFF) << 8);
        int groupBig = ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
        boolean looksExplicit = VR.fromBytes(b[p + 4] & 0xFF, b[p + 5] & 0xFF).isPresent();
        if (declared.isPresent()) {
            String uid = declared.get();
            if (TransferSyntax.isImplicitVr(uid) || TransferSyntax.isBigEndian(uid) || looksExplicit) {
                return uid;
            }
            return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        }
        boolean bigEndian = groupBig < groupLittle;
        int group = Math.min(groupLittle, groupBig);
        if (group > 0x0010) {
            throw new DicomException(DicomErrorCode.NOT_DICOM, "no DICM magic and no plausible first element (group 0x"
                    + Integer.toHexString(groupLittle) + ")");
        }
        if (bigEndian) {
            return TransferSyntax.EXPLICIT_VR_BIG_ENDIAN;
        }
        return looksExplicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
    }

    private byte[] inflate(byte[] bytes, int from, int to) throws DicomException {
        // A deflate bomb (150 KB inflating to 150 MB) stops at the smaller of the file size limit
        // and the per-file decode budget, before the next buffer is allocated.
        long max = Math.min(limits.maxFileSizeBytes(), limits.maxDecodedBytesPerFile());
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes, from, to - from);
            byte[] out = new byte[(int) Math.min(max, Math.max(1024, 4L * (to - from)))];
            int size = 0;
            while (!inflater.finished()) {
                if (size == out.length) {
                    if (out.length >= max) {
                        throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "inflated data set exceeds "
                                + max + " bytes (maxFileSizeBytes=" + limits.maxFileSizeBytes()
                                + ", maxDecodedBytesPerFile=" + limits.maxDecodedBytesPerFile() + ")");
                    }
                    out = Arrays.copyOf(out, (int) Math.min(max, 2L * out.length));
                }
                int n = inflater.inflate(out, size, out.length - size);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DicomException(DicomErrorCode.TRUNCATED, "deflated data set ends early at inflated offset "
                            + size);
                }
                size += n;
            }
            return Arrays.copyOf(out, size);
        } catch (DataFormatException e) {
            throw new DicomException(DicomErrorCode.INVALID_STRUCTURE, "deflated data set is not a valid deflate stream",
                    e);
        } finally {
            inflater.end();
        }
    }

    private static boolean isDicm(byte[] b, int p) {
        return b[p] == 'D' && b[p + 1] == 'I' && b[p + 2] == 'C' && b[p + 3] == 'M';
    }

    private void checkFileSize(long size) throws DicomException {
        if (size > limits.maxFileSizeBytes()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "file of " + size
                    + " bytes exceeds maxFileSizeBytes=" + limits.maxFileSizeBytes());
        }
        if (size > limits.maxDecodedBytesPerFile()) {
            throw new DicomException(DicomErrorCode.LIMIT_EXCEEDED, "file of " + size
                    + " bytes exceeds the file decode budget maxDecodedBytesPerFile=" + limits.maxDecodedBytesPerFile());
        }
    }

    private static long sizeOf(Path file) throws DicomException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DicomException(DicomErrorCode.IO_ERROR, "cannot read file: " + ioReason(e), e);
        }
    }

    /**
     * A plain reason for an I/O failure, without the path (a path may hold a patient's name) and
     * without a Java class name.
     */
    private static String ioReason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "input/output error";
    }
}
