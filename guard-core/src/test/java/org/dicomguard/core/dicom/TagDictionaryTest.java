package org.dicomguard.core.dicom;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Tag} (and guard-dicom-out's SrTags) are generated from the standard's data dictionary by
 * {@code src/dictionary/generate_tags.py}: the committed blocks must be what the script prints
 * (checked where python3 with the same pydicom version is installed), and every constant must
 * carry a keyword and, apart from items and delimiters, an Implicit VR.
 */
class TagDictionaryTest {
    private static final Path SCRIPT = Path.of("src/dictionary/generate_tags.py");
    private static final Pattern GENERATED = Pattern.compile(
            "(?s)    // BEGIN GENERATED.*?    // END GENERATED\n");
    private static final Pattern PYDICOM_VERSION = Pattern.compile("data dictionary of pydicom (\\S+)\\. Do not edit");

    /** The script's targets (the module folder is the working directory of the tests). */
    @ParameterizedTest
    @CsvSource({"Tag, src/main/java/org/dicomguard/core/dicom/Tag.java",
            "SrTags, ../guard-dicom-out/src/main/java/org/dicomguard/dicomout/SrTags.java"})
    void generatedBlock_sameAsTheScriptPrints(String target, Path source) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        Assumptions.assumeTrue(Files.isExecutable(python), "python3 not installed: apt-get install python3");
        String installed = run(python.toString(), "-c", "import pydicom; print(pydicom.__version__)").strip();
        Assumptions.assumeTrue(!installed.isEmpty(), "pydicom not installed: apt-get install python3-pydicom");
        Matcher block = GENERATED.matcher(Files.readString(source, StandardCharsets.UTF_8));
        assertTrue(block.find(), "no BEGIN/END GENERATED block in " + source);
        Matcher version = PYDICOM_VERSION.matcher(block.group());
        assertTrue(version.find(), "the generated block names no pydicom version");
        Assumptions.assumeTrue(version.group(1).equals(installed), source + " was generated with pydicom "
                + version.group(1) + ", pydicom " + installed + " is installed: its dictionary may differ");

        String printed = run(python.toString(), SCRIPT.toString(), "--print", target);

        assertEquals(printed, block.group(), source + " differs from the dictionary: run "
                + "/usr/bin/python3 guard-core/src/dictionary/generate_tags.py");
    }

    @Test
    void everyConstant_hasItsKeywordAndAnImplicitVr() throws IllegalAccessException {
        int constants = 0;
        for (Field field : Tag.class.getDeclaredFields()) {
            if (field.getType() != int.class || !Modifier.isPublic(field.getModifiers())) {
                continue;
            }
            int tag = field.getInt(null);
            constants++;
            assertEquals(field.getName(), Tag.keywordOf(tag).orElseThrow());
            boolean itemOrDelimiter = (tag >>> 16) == 0xFFFE;
            assertEquals(itemOrDelimiter, Tag.implicitVr(tag) == VR.UN, field.getName());
        }
        assertTrue(constants > 100, "constants: " + constants);
        assertEquals(VR.OW, Tag.implicitVr(Tag.PixelData));
        assertEquals(VR.OW, Tag.implicitVr(Tag.LUTData));
        assertEquals(VR.US, Tag.implicitVr(Tag.LUTDescriptor));
        assertNotEquals(VR.UN, Tag.implicitVr(Tag.Rows));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return "";
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
