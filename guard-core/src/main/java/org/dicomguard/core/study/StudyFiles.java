package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of one study, as grouped by {@link StudyGrouper}, or one file that could not be
 * grouped because its header was unreadable.
 *
 * @param studyInstanceUid the study's UID; empty for an unreadable file
 * @param files            the files, sorted by path; copied
 * @param headerError      why the single file could not be read; empty for a normal group
 */
public record StudyFiles(Optional<String> studyInstanceUid, List<Path> files, Optional<DicomException> headerError) {

    public StudyFiles {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("files must not be empty");
        }
        if (headerError.isPresent() == studyInstanceUid.isPresent()) {
            throw new IllegalArgumentException("a group has either a study UID or a header error, not both or neither");
        }
    }
}
