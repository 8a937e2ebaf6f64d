package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Groups files and folders into studies by StudyInstanceUID, reading headers only (pixel data
 * is not touched), so an archive folder can be handed to the Pipeline as it is.
 *
 * <p>Which files are considered is {@link DicomDiscovery}'s job (by content, not by name; links
 * followed; each file once; FIFOs and devices never opened). Groups come out sorted by study UID,
 * then one group per unreadable or skipped file, so results are deterministic whatever the file
 * system order and no named file goes without a result.
 */
public final class StudyGrouper {

    private final DicomReader reader;

    /** @param reader reader whose limits apply to the header reads */
    public StudyGrouper(DicomReader reader) {
        this.reader = reader;
    }

    /**
     * @param inputs files and folders
     * @return one group per study, then one group per unreadable or skipped file; never throws for a bad path
     */
    public List<StudyFiles> group(List<Path> inputs) {
        return group(new DicomDiscovery().discover(inputs));
    }

    /**
     * @param found files found by {@link DicomDiscovery}
     * @return one group per study, then one group per unreadable file, then one per skipped path
     */
    public List<StudyFiles> group(DicomDiscovery.Found found) {
        Map<String, List<Path>> byStudy = new TreeMap<>();
        List<StudyFiles> unreadable = new ArrayList<>();
        for (Path file : found.files()) {
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
        for (DicomDiscovery.Skipped s : found.skipped()) {
            groups.add(new StudyFiles(Optional.empty(), List.of(s.path()),
                    Optional.of(new DicomException(s.code(), s.reason()))));
        }
        return groups;
    }
}
