package org.dicomguard.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON form of output contract v1: a writer, a strict reader and the published JSON Schema.
 *
 * <p>Writing: one line, fields in a fixed order, probabilities as the shortest decimal that reads
 * back to the identical float (e.g. {@code 0.0731}, never {@code 0.07310000061988831}).
 *
 * <p>Reading is strict, because a lenient reader is how the incidents this contract exists for
 * went unnoticed. Refused, each with a stable {@link ContractFormatException.Code}: malformed JSON
 * (including {@code NaN}), duplicate keys, trailing content, unknown or missing fields, wrong
 * types (a probability as a string), an unknown {@code contractVersion}, probabilities outside
 * [0,1] (in [2,100]: "looks like a percent"), and every rule the records' constructors enforce.
 * Integer literals {@code 0} and {@code 1} are accepted as the exact probabilities 0 and 1,
 * because JavaScript writes 1.0 as {@code 1}.
 *
 * <p>Thread-safe; stateless.
 */
public final class ContractJson {

    /** The contract version this library writes, and the highest it reads. */
    public static final String CONTRACT_VERSION = "1.0";

    /** Classpath location of the JSON Schema (draft 2020-12) in this jar. */
    public static final String SCHEMA_RESOURCE = "/org/dicomguard/contract/guard-result-v1.schema.json";

    private ContractJson() {
    }

    /**
     * @param result a result, not modified
     * @return the one-line JSON document, without a trailing newline
     */
    public static String write(GuardResult result) {
        return ContractJsonWriter.write(Checks.notNull("result", result));
    }

    /**
     * @param json one JSON document (surrounding whitespace allowed)
     * @return the result it describes
     * @throws ContractFormatException with a stable code and the offending field when the
     *         document is not a valid contract-v1 result; never any other exception
     */
    public static GuardResult read(String json) {
        if (json == null) {
            throw new ContractFormatException(ContractFormatException.Code.MALFORMED_JSON, "$", "document is null");
        }
        return ContractJsonReader.read(json);
    }

    /** @return the JSON Schema (draft 2020-12) of output contract v1, the documented contract */
    public static String schema() {
        try (InputStream in = ContractJson.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schema resource " + SCHEMA_RESOURCE + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + SCHEMA_RESOURCE, e);
        }
    }
}
