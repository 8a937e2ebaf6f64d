package org.dicomguard.core.study;

import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomReader;

import java.util.List;

/**
 * Turns the images of one study into a {@link PreparedStudy}, through the task's preprocessing.
 * Implementations read each image's pixels ({@link StudyImage#file()}) one image at a time and
 * keep only what preprocessing made of it. Implementations are thread-safe.
 */
public interface StudyPreparer {

    /**
     * @param images the study's images, in a deterministic order
     * @return model input plus what the gate checks
     * @throws DicomException         when pixels cannot be read or decoded or have an unsupported layout
     * @throws UnusableStudyException when the study cannot make a model input
     */
    PreparedStudy prepare(List<StudyImage> images) throws DicomException, UnusableStudyException;

    /**
     * Reads the group's headers, then {@link #prepare(List)}: what training-side tooling (tensor
     * export, profile fitting) does per study, through the same reads as the Pipeline.
     *
     * @param group  a study's files
     * @param reader reader with the limits to apply
     * @return model input plus what the gate checks
     * @throws DicomException         when a file cannot be read or decoded
     * @throws UnusableStudyException when the study cannot make a model input
     */
    default PreparedStudy prepare(StudyFiles group, DicomReader reader) throws DicomException, UnusableStudyException {
        return prepare(StudyImage.readHeaders(group.files(), reader));
    }
}
