package org.dicomguard.core;

/**
 * Makes text from untrusted input safe for one-line result messages and logs: control
 * characters are escaped ({@code \n} becomes the two characters backslash and n, others
 * {@code \}{@code u001b}) and long text is cut with a note of its length, so a hostile header
 * value can neither break a JSON line nor turn a rejection into INTERNAL_ERROR (the contract
 * refuses messages with control characters or over 2000 characters).
 */
public final class MessageText {

    /** Longest quoted value, in characters, before it is cut. */
    public static final int MAX_QUOTED_CHARS = 64;
    /** Longest whole message, in characters: the contract's limit with room to spare. */
    public static final int MAX_MESSAGE_CHARS = 1900;

    private MessageText() {
    }

    /**
     * @param value a value read from input (a header value); may be null
     * @return the value escaped and cut to {@link #MAX_QUOTED_CHARS}, in single quotes
     */
    public static String quote(String value) {
        return value == null ? "null" : "'" + escapeAndCut(value, MAX_QUOTED_CHARS) + "'";
    }

    /**
     * @param message a whole message that may quote input; may be null
     * @return the message on one line, at most {@link #MAX_MESSAGE_CHARS} characters plus a length note, never blank
     */
    public static String oneLine(String message) {
        String safe = message == null ? "" : escapeAndCut(message, MAX_MESSAGE_CHARS);
        return safe.isBlank() ? "(no message)" : safe;
    }

    private static String escapeAndCut(String value, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), maxChars) + 16);
        for (int i = 0; i < value.length(); i++) {
            if (out.length() >= maxChars) {
                return out.append("... (").append(value.length()).append(" characters)").toString();
            }
            char c = value.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
