package org.dicomguard.samples.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** The human-readable form of an inspect line: {@code FILE: key=value ...}, nulls left out. */
final class InspectText {
    private InspectText() {
    }

    /**
     * @param line an inspect JSON object
     * @return one line of text
     */
    static String format(JsonNode line) {
        StringBuilder sb = new StringBuilder(line.get("file").asText()).append(':');
        if (line.has("error")) {
            JsonNode e = line.get("error");
            return sb.append(" error ").append(e.get("code").asText()).append(": ").append(e.get("message").asText())
                    .toString();
        }
        line.properties().forEach(entry -> {
            if (!"file".equals(entry.getKey()) && !entry.getValue().isNull()) {
                sb.append(' ').append(entry.getKey()).append('=').append(entry.getValue().asText());
            }
        });
        return sb.toString();
    }
}
