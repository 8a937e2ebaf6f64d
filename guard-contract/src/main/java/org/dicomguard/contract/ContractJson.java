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
 * <p><b>Versioning.</b> {@code contractVersion} is {@code MAJOR.MINOR}. The rule, which every
 * change to this contract follows and {@code ContractVersioningTest} checks:
 * <ul>
 *   <li>A <em>minor</em> version (1.0 -> 1.1) may only add: an optional field of an existing object,
 *       or a field the writer always writes but readers of older minors may ignore. It never
 *       removes or renames a field, never changes a field's type, unit or meaning, never adds a
 *       {@code status} and never widens the range of an existing value (a probability stays in [0,1]).</li>
 *   <li>A reader of 1.M reads every 1.x document. For x {@literal <=} M it is strict (unknown keys refused,
 *       the fields of version x required). For x > M it reads the fields it knows with the same
 *       checks and ignores keys it does not know, because a minor version only adds them.</li>
 *   <li>Anything that breaks this is a new <em>major</em> version (2.0); a 1.x reader refuses it with
 *       {@code UNKNOWN_VERSION}: "unknown version 2.0, this reader supports at most 1.2 ...".</li>
 *   <li>The 1.0 reader (library versions before contract 1.1) refused every version but 1.0:
 *       upgrade consumers before producers.</li>
 * </ul>
 * 1.1 added {@code requestKey} (every status, omitted when the caller gave none) and, for a
 * prediction, {@code imagesUsed} ({@code label}, {@code sopInstanceUid}) and {@code imagesIgnored}
 * ({@code sopInstanceUid}, {@code reason}). 1.2 added to a prediction's {@code provenance} what
 * reproducing it needs: {@code behaviourFingerprint}, {@code trainingPackFingerprint},
 * {@code onnxRuntimeVersion}, {@code javaVersion}, {@code operatingSystem} and
 * {@code cpuArchitecture} (always written; {@code "unknown"} where not known, and when a 1.0 or
 * 1.1 document is read). The writer always writes the newest version.
 *
 * <p>Thread-safe; stateless.
 */
public final class ContractJson {

    /** The contract version this library writes, and the highest it reads strictly. */
    public static final String CONTRACT_VERSION = "1.2";
    /** The major version this library reads; documents of any of its minors are read (see "Versioning"). */
    public static final int MAJOR_VERSION = 1;
    /** The newest minor version this library knows. */
    public static final int MINOR_VERSION = 2;

    /** Classpath location of the JSON Schema (draft 2020-12) in this jar. */
    public static final String SCHEMA_RESOURCE = "/org/dicomguard/contract/guard-result-v1.schema.json";

    private ContractJson() {
    }

    /**
     * @param requestKey a candidate request key
     * @return whether results may carry it: 1 to 128 characters of letters, digits and
     *         {@code . _ : -}, starting with a letter or digit
     */
    public static boolean isValidRequestKey(String requestKey) {
        return requestKey != null && Checks.REQUEST_KEY.matcher(requestKey).matches();
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
