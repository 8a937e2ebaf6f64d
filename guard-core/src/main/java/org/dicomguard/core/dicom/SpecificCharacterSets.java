package org.dicomguard.core.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Maps SpecificCharacterSet (0008,0005) defined terms to Java charsets (PS3.3 C.12.1.1.2).
 *
 * <p>Design note: single-byte and UTF-8 sets are supported exactly. ISO 2022 code extensions
 * (escape sequences switching sets inside a value) are not interpreted; the first term's base
 * set is used, which decodes the ASCII parts correctly. Unknown terms fall back to ISO-8859-1,
 * which never fails and keeps ASCII intact. Thread-safe: stateless.
 */
final class SpecificCharacterSets {
    private static final Map<String, String> JAVA_NAMES = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 13", "JIS_X0201"),
            Map.entry("ISO_IR 166", "TIS-620"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    private SpecificCharacterSets() {
    }

    /**
     * @param terms the values of SpecificCharacterSet, possibly empty
     * @return the charset for the first non-empty term; ISO-8859-1 when none or unknown
     */
    static Charset forTerms(String[] terms) {
        for (String term : terms) {
            String normalized = term.trim().replace("ISO 2022 IR", "ISO_IR");
            if (normalized.isEmpty()) {
                continue;
            }
            String javaName = JAVA_NAMES.get(normalized);
            if (javaName != null && Charset.isSupported(javaName)) {
                return "US-ASCII".equals(javaName) ? StandardCharsets.ISO_8859_1 : Charset.forName(javaName);
            }
            return StandardCharsets.ISO_8859_1;
        }
        return StandardCharsets.ISO_8859_1;
    }
}
