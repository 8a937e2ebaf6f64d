package org.dicomguard.dicomout;

import org.dicomguard.contract.Prediction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An independent reader: pydicom reads the SR (character set, FloatingPointValue, NumericValue)
 * and must see exactly what was written. Skipped where python3 with pydicom is not installed.
 */
class PydicomCrossCheckTest {

    private static final String SCRIPT = String.join("\n",
            "import sys, pydicom",
            "d = pydicom.dcmread(sys.argv[1])",
            "print(str(d.PatientName))",
            "print(d.SpecificCharacterSet)",
            "for g in d.ContentSequence[6].ContentSequence:",
            "    for item in g.ContentSequence:",
            "        if item.ValueType == 'NUM':",
            "            mv = item.MeasuredValueSequence[0]",
            "            print(repr(float(mv.FloatingPointValue)) + ' ' + str(mv.NumericValue))");

    @TempDir
    Path dir;

    @Test
    void pydicom_readsWhatWasWritten() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "python3 not installed");
        Assumptions.assumeTrue(DicomTools.run(python.toString(), "-c", "import pydicom").exitStatus() == 0,
                "pydicom not installed: pip install pydicom");
        Prediction p = SrFixtures.prediction(0.0731f, 1f / 3f);
        Path sr = dir.resolve("sr.dcm");
        Files.write(sr, new StructuredReportWriter(SrFixtures.MAMMOGRAPHY).toBytes(p,
                SrFixtures.mammographyHeaders("ISO_IR 100", "Müller^Jürgen", 2)));
        Path script = dir.resolve("read.py");
        Files.writeString(script, SCRIPT);
        DicomTools.Run run = DicomTools.run(python.toString(), script.toString(), sr.toString());
        assertEquals(0, run.exitStatus(), run.output());
        List<String> lines = run.output().lines().toList();
        assertEquals("Müller^Jürgen", lines.get(0));
        assertEquals("ISO_IR 100", lines.get(1));
        // Python's repr is the shortest decimal that reads back to the same double.
        for (int i = 0; i < 2; i++) {
            String[] parts = lines.get(2 + i).split(" ");
            float f = p.pathologies().get(i).probability();
            assertEquals((double) f, Double.parseDouble(parts[0]), "pathology " + i + " FloatingPointValue");
            assertEquals(f, Float.parseFloat(parts[1]), "pathology " + i + " NumericValue");
        }
        assertEquals(Double.toString(p.anyPathology().probability()), lines.get(4).split(" ")[0]);
    }
}
