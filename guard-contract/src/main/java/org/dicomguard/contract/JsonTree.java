package org.dicomguard.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;

import org.dicomguard.contract.ContractFormatException.Code;

/**
 * Parses untrusted text into a Jackson tree, refusing what a lenient parser would let through.
 *
 * <p>Design note: the tree is built by hand from the token stream rather than by
 * {@code ObjectMapper.readTree}, so that duplicate keys and trailing content get their own stable
 * codes and paths, and numbers keep their exact decimal value ({@code BigDecimal}) until the
 * reader converts them to float or double itself. Limits (document 1 MiB, nesting 16, number
 * 100 characters, string 64 KiB) bound time and memory for hostile input.
 */
final class JsonTree {

    static final int MAX_DOCUMENT_CHARS = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_CHARS)
                    .maxNestingDepth(16)
                    .maxNumberLength(100)
                    .maxStringLength(64 * 1024)
                    .maxNameLength(256)
                    .build())
            .build();

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTree() {
    }

    static JsonNode parse(String json) {
        if (json.length() > MAX_DOCUMENT_CHARS) {
            throw new ContractFormatException(Code.TOO_LARGE, "$",
                    "document has " + json.length() + " characters, at most " + MAX_DOCUMENT_CHARS + " allowed");
        }
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ContractFormatException(Code.MALFORMED_JSON, "$", "empty document");
            }
            JsonNode root = readValue(parser, first, "$");
            requireEnd(parser);
            return root;
        } catch (StreamConstraintsException e) {
            throw new ContractFormatException(Code.TOO_LARGE, "$", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new ContractFormatException(Code.MALFORMED_JSON, "$", e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (NumberFormatException e) {
            throw new ContractFormatException(Code.MALFORMED_JSON, "$", "unreadable number: " + e.getMessage());
        } catch (IOException e) {
            throw new ContractFormatException(Code.MALFORMED_JSON, "$", "unreadable: " + e.getMessage());
        }
    }

    private static void requireEnd(JsonParser parser) throws IOException {
        JsonToken extra;
        try {
            extra = parser.nextToken();
        } catch (StreamConstraintsException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new ContractFormatException(Code.TRAILING_CONTENT, "$",
                    "unparseable content after the document: " + e.getOriginalMessage());
        }
        if (extra != null) {
            throw new ContractFormatException(Code.TRAILING_CONTENT, "$",
                    "content after the document: " + extra + " at column " + parser.currentTokenLocation().getColumnNr());
        }
    }

    private static JsonNode readValue(JsonParser parser, JsonToken token, String path) throws IOException {
        if (token == null) {
            throw new ContractFormatException(Code.MALFORMED_JSON, path, "unexpected end of document");
        }
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
                    if (t != JsonToken.FIELD_NAME) {
                        throw new ContractFormatException(Code.MALFORMED_JSON, path, "expected a key, got " + t);
                    }
                    String name = parser.currentName();
                    String childPath = ObjectFields.child(path, name);
                    if (object.has(name)) {
                        throw new ContractFormatException(Code.DUPLICATE_KEY, childPath, "key '" + name
                                + "' appears twice in one object; a consumer could read either value");
                    }
                    object.set(name, readValue(parser, parser.nextToken(), childPath));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(readValue(parser, t, path + "[" + array.size() + "]"));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new ContractFormatException(Code.MALFORMED_JSON, path, "unexpected token " + token);
        }
    }
}
