package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.dicomguard.core.dicom.Attributes;
import org.dicomguard.core.dicom.DicomException;
import org.dicomguard.core.dicom.DicomFile;
import org.dicomguard.core.dicom.DicomImage;
import org.dicomguard.core.dicom.DicomReader;
import org.dicomguard.core.dicom.PixelSummary;
import org.dicomguard.core.dicom.Tag;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * {@code inspect [--json] FILE...}: header summary and decoded pixel summary of each file, one
 * line per file, in the order given. A file that cannot be read (or whose pixels cannot be
 * decoded) gives an error line with the stable code; the exit status is then 2, after all
 * files. A file without pixel data gives its header fields and null pixel fields.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Print a header and pixel summary of DICOM files, one line per file.")
public final class InspectCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--json", description = "One JSON object per line (keys as in docs/DESIGN.md).")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "DICOM files.")
    List<Path> files;

    @CommandLine.ParentCommand
    DicomGuardCli parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** @return 0 when every file was summarized, 2 when any was unreadable */
    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DicomReader reader = new DicomReader();
        boolean anyUnreadable = false;
        for (Path file : files) {
            ObjectNode line;
            try {
                line = summarize(reader, file);
            } catch (DicomException e) {
                anyUnreadable = true;
                line = JSON.createObjectNode().put("file", file.toString());
                line.putObject("error").put("code", e.code().name()).put("message", e.getMessage());
                err.println("dicom-guard: " + file + ": " + e.code() + ": " + e.getMessage());
                if (parent != null && parent.debug()) {
                    e.printStackTrace(err);
                }
            }
            out.println(json ? line.toString() : InspectText.format(line));
        }
        out.flush();
        err.flush();
        return anyUnreadable ? DicomGuardCli.EXIT_USAGE_OR_INPUT : DicomGuardCli.EXIT_OK;
    }

    /**
     * @param reader the reader
     * @param file   a DICOM file
     * @return the summary line: header keys always, pixel keys null when there is no pixel data
     * @throws DicomException when the file or its pixel data cannot be read
     */
    static ObjectNode summarize(DicomReader reader, Path file) throws DicomException {
        DicomFile dicom = reader.read(file);
        Attributes a = dicom.dataSet();
        ObjectNode line = JSON.createObjectNode();
        line.put("file", file.toString());
        line.put("transferSyntaxUid", dicom.declaredTransferSyntaxUid().orElse(null));
        line.put("modality", a.getString(Tag.Modality).orElse(null));
        DicomImage image = dicom.hasPixelData() ? dicom.decodeImage() : null;
        putInt(line, "rows", a.getInt(Tag.Rows));
        putInt(line, "columns", a.getInt(Tag.Columns));
        putInt(line, "frames", image != null ? OptionalInt.of(image.frames()) : a.getInt(Tag.NumberOfFrames));
        putInt(line, "samplesPerPixel", a.getInt(Tag.SamplesPerPixel));
        putInt(line, "bitsAllocated", a.getInt(Tag.BitsAllocated));
        putInt(line, "bitsStored", a.getInt(Tag.BitsStored));
        putInt(line, "pixelRepresentation", a.getInt(Tag.PixelRepresentation));
        line.put("photometricInterpretation", a.getString(Tag.PhotometricInterpretation).orElse(null));
        if (image == null) {
            line.putNull("pixelSha256");
            line.putNull("pixelMin");
            line.putNull("pixelMax");
            line.putNull("pixelMean");
        } else {
            PixelSummary s = image.summary();
            line.put("pixelSha256", s.pixelSha256());
            line.put("pixelMin", s.pixelMin());
            line.put("pixelMax", s.pixelMax());
            line.put("pixelMean", s.pixelMean());
        }
        return line;
    }

    private static void putInt(ObjectNode line, String key, OptionalInt value) {
        if (value.isPresent()) {
            line.put(key, value.getAsInt());
        } else {
            line.putNull(key);
        }
    }
}
