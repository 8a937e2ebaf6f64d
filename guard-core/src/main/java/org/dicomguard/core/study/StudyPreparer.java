package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;

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
}
