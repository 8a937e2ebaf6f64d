package org.dicomguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.dicomguard.contract.ResultCode;
import org.dicomguard.core.dicom.DicomErrorCode;
import org.dicomguard.core.inference.OutputCheck;
import org.dicomguard.core.task.chestct.SeriesAssemblyErrorCode;
import org.dicomguard.core.study.StudyIntakeCode;
import org.dicomguard.core.study.UnusableStudyException;
import org.dicomguard.ood.GateReasonCode;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

/**
 * The module enums are views of the catalogue: each constant names the catalogue entry with its
 * own spelling and a kind that matches where the library writes it.
 */
class ResultCodeViewsTest {

    private static <E extends Enum<E>> void sameSpellingAndKind(Class<E> view, Function<E, ResultCode> entry,
                                                                ResultCode.Kind kind) {
        for (E constant : view.getEnumConstants()) {
            ResultCode code = entry.apply(constant);
            assertEquals(constant.name(), code.code(), view.getSimpleName());
            if (kind != null) {
                assertEquals(kind, code.kind(), view.getSimpleName() + "." + constant);
            }
        }
    }

    @Test
    void views_everyConstant_namesItsCatalogueEntry() {
        sameSpellingAndKind(DicomErrorCode.class, DicomErrorCode::resultCode, ResultCode.Kind.FAILED);
        sameSpellingAndKind(RunFailureCode.class, RunFailureCode::resultCode, ResultCode.Kind.FAILED);
        sameSpellingAndKind(OutputCheck.Code.class, OutputCheck.Code::resultCode, ResultCode.Kind.FAILED);
        sameSpellingAndKind(SeriesAssemblyErrorCode.class, SeriesAssemblyErrorCode::resultCode,
                ResultCode.Kind.REJECTED);
        sameSpellingAndKind(GateReasonCode.class, GateReasonCode::resultCode, ResultCode.Kind.REJECTED);
        sameSpellingAndKind(StudyIntakeCode.class, StudyIntakeCode::resultCode, null);
    }

    @Test
    void studyIntakeCode_kind_followsTheCatalogue() {
        assertEquals(StudyIntakeCode.Kind.FAILED, StudyIntakeCode.MIXED_STUDIES.kind());
        assertEquals(StudyIntakeCode.Kind.REJECTED, StudyIntakeCode.MISSING_VIEW.kind());
        assertEquals(StudyIntakeCode.Kind.IGNORED, StudyIntakeCode.OTHER_SERIES.kind());
    }

    @Test
    void unusableStudyException_codeOutsideCatalogueOrNotRejection_refused() {
        assertThrows(IllegalArgumentException.class, () -> new UnusableStudyException("NO_SUCH_CODE", "m"));
        assertThrows(IllegalArgumentException.class, () -> new UnusableStudyException(ResultCode.NOT_DICOM, "m"));
        assertEquals("MISSING_VIEW", new UnusableStudyException(StudyIntakeCode.MISSING_VIEW.name(), "m").code());
    }
}
