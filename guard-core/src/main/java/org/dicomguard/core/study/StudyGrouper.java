package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Groups files and folders into studies by StudyInstanceUID, reading headers only (pixel data
 * is not touched), so an archive folder can be handed to the Pipeline as it is.
 *
 * <p>Folders are walked recursively; files named *.dcm, *.dicom or without an extension are
 * considered, other files (labels.csv, index.html, ...) are skipped. A file named explicitly is
 * always considered. Groups come out sorted by study UID, unreadable files last, so results are
 * deterministic whatever the file system order.
 */
public final class StudyGrouper {

    private final DicomReader reader;

    /** @param reader reader whose limits apply to the header reads */
    public StudyGrouper(DicomReader reader) {
        this.reader = reader;
    }

    /**
     * @param inputs files and folders
     * @return one group per study, then one group per unreadable file
     * @throws UncheckedIOException when a folder cannot be listed
     */
    public List<StudyFiles> group(List<Path> inputs) {
        Map<String, List<Path>> byStudy = new TreeMap<>();
        List<StudyFiles> unreadable = new ArrayList<>();
        for (Path file : expand(inputs)) {
            try {
                DicomFile header = reader.readHeader(file);
                Optional<String> uid = header.dataSet().getString(Tag.StudyInstanceUID);
                if (uid.isEmpty()) {
                    unreadable.add(new StudyFiles(Optional.empty(), List.of(file), Optional.of(new DicomException(
                            DicomErrorCode.INVALID_STRUCTURE, "the data set has no StudyInstanceUID (0020,000D)"))));
                } else {
                    byStudy.computeIfAbsent(uid.get(), k -> new ArrayList<>()).add(file);
                }
            } catch (DicomException e) {
                unreadable.add(new StudyFiles(Optional.empty(), List.of(file), Optional.of(e)));
            }
        }
        List<StudyFiles> groups = new ArrayList<>();
        byStudy.forEach((uid, files) -> {
            files.sort(null);
            groups.add(new StudyFiles(Optional.of(uid), files, Optional.empty()));
        });
        groups.addAll(unreadable);
        return groups;
    }

    private static List<Path> expand(List<Path> inputs) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(Files::isRegularFile).filter(StudyGrouper::looksLikeDicom).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + input, e);
                }
            } else {
                files.add(input);
            }
        }
        return files;
    }

    private static boolean looksLikeDicom(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".dcm") || name.endsWith(".dicom") || !name.contains(".");
    }
}
