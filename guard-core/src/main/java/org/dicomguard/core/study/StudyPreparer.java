package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the decoded files of one study into a {@link PreparedStudy}, through the task's
 * preprocessing. Implementations are thread-safe.
 */
public sealed interface StudyPreparer permits MammographyStudyPreparer, ChestCtStudyPreparer {

    /**
     * @param files the study's files, fully read, in a deterministic order
     * @return model input plus what the gate checks
     * @throws DicomException         when pixels cannot be decoded or have an unsupported layout
     * @throws UnusableStudyException when the study cannot make a model input
     */
    PreparedStudy prepare(List<DicomFile> files) throws DicomException, UnusableStudyException;

    /**
     * Reads every file of a group fully, then {@link #prepare(List)}: what training-side tooling
     * (tensor export, profile fitting) does per study.
     *
     * @param group  a study's files
     * @param reader reader with the limits to apply
     * @return model input plus what the gate checks
     * @throws DicomException         when a file cannot be read or decoded
     * @throws UnusableStudyException when the study cannot make a model input
     */
    default PreparedStudy prepare(StudyFiles group, DicomReader reader) throws DicomException, UnusableStudyException {
        List<DicomFile> files = new ArrayList<>(group.files().size());
        for (Path p : group.files()) {
            files.add(reader.read(p));
        }
        return prepare(files);
    }
}
