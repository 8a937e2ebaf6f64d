package org.dicomguard.contract;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

import org.dicomguard.contract.ContractFormatException.Code;

/**
 * Typed, path-aware access to the fields of one JSON object for the strict reader.
 *
 * <p>Design note: each accessor checks presence and JSON type and reports the full path
 * ({@code pathologies[2].probability}), so the first refused field is named exactly. Probability
 * checks work on the exact decimal so that e.g. {@code 1.0000001} is "above 1", not rounded to 1.
 */
final class ObjectFields {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JsonNode node;
    private final String path;

    private ObjectFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static ObjectFields of(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new ContractFormatException(Code.WRONG_TYPE, path, "must be a JSON object, got " + describe(node));
        }
        return new ObjectFields(node, path);
    }

    static String child(String parent, String name) {
        return "$".equals(parent) ? name : parent + "." + name;
    }

    String path() {
        return path;
    }

    /** Unknown keys are refused first: a renamed key ({@code probabilityPercent}) is the clearer message. */
    void allowOnly(Set<String> names) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!names.contains(name)) {
                throw new ContractFormatException(Code.UNKNOWN_FIELD, child(path, name),
                        "unknown field " + Checks.excerpt(name) + "; contract v1 allows here only " + names);
            }
        }
    }

    JsonNode require(String name) {
        JsonNode value = node.get(name);
        if (value == null) {
            throw new ContractFormatException(Code.MISSING_FIELD, child(path, name), "required field '" + name + "' is missing");
        }
        return value;
    }

    String text(String name) {
        JsonNode value = require(name);
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return value.textValue();
    }

    /** The key must be present; {@code null} means "unknown". */
    Optional<String> nullableText(String name) {
        JsonNode value = require(name);
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string or null", value);
        }
        return Optional.of(value.textValue());
    }

    /** The key may be absent; when present it must be a string ({@code null} is refused). */
    Optional<String> optionalText(String name) {
        return node.has(name) ? Optional.of(text(name)) : Optional.empty();
    }

    boolean bool(String name) {
        JsonNode value = require(name);
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    float probability(String name) {
        BigDecimal exact = number(name);
        String where = child(path, name);
        if (exact.signum() < 0) {
            throw new ContractFormatException(Code.PROBABILITY_OUT_OF_RANGE, where,
                    shorten(exact.toString()) + " is below 0; probabilities are in [0,1]");
        }
        if (exact.compareTo(BigDecimal.ONE) > 0) {
            if (exact.compareTo(TWO) >= 0 && exact.compareTo(HUNDRED) <= 0) {
                throw new ContractFormatException(Code.LOOKS_LIKE_PERCENT, where, exact + " looks like a percent;"
                        + " probabilities are fractions in [0,1] (" + exact + "% would be "
                        + exact.movePointLeft(2) + ")");
            }
            throw new ContractFormatException(Code.PROBABILITY_OUT_OF_RANGE, where,
                    shorten(exact.toString()) + " is above 1; probabilities are in [0,1]");
        }
        // Exact decimal to float in one rounding step; via double could round twice.
        return Float.parseFloat(exact.toString());
    }

    double finiteDouble(String name) {
        BigDecimal exact = number(name);
        double value = Double.parseDouble(exact.toString());
        if (Double.isInfinite(value)) {
            throw new ContractFormatException(Code.NOT_FINITE, child(path, name),
                    shorten(exact.toString()) + " is beyond the range of a double");
        }
        return value;
    }

    OptionalDouble optionalDouble(String name) {
        return node.has(name) ? OptionalDouble.of(finiteDouble(name)) : OptionalDouble.empty();
    }

    ObjectFields object(String name) {
        return of(require(name), child(path, name));
    }

    List<ObjectFields> objects(String name) {
        JsonNode value = require(name);
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        List<ObjectFields> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            items.add(of(value.get(i), child(path, name) + "[" + i + "]"));
        }
        return items;
    }

    private BigDecimal number(String name) {
        JsonNode value = require(name);
        if (!value.isNumber()) {
            throw wrongType(name, "a JSON number", value);
        }
        return value.isIntegralNumber() ? new BigDecimal(value.bigIntegerValue()) : value.decimalValue();
    }

    private ContractFormatException wrongType(String name, String expected, JsonNode actual) {
        return new ContractFormatException(Code.WRONG_TYPE, child(path, name),
                "must be " + expected + ", got " + describe(actual));
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string " + Checks.excerpt(node.textValue());
        }
        if (node.isNumber()) {
            return "the number " + shorten(node.asText());
        }
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.toString();
    }

    private static String shorten(String value) {
        return value.length() <= 80 ? value : value.substring(0, 80) + "…";
    }
}
