package org.dicomguard.core.evaluation;

/**
 * An evaluation input file (CSV of labels and scores, JSON lines of results) is unreadable or
 * malformed. The message is one line naming the file, the 1-based line number where known and
 * what was wrong; values of study identifiers are echoed (they are UIDs, not patient data).
 */
public final class EvaluationInputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param source     file name or other description of the input
     * @param lineNumber 1-based line number, or 0 when the problem is not tied to one line
     * @param problem    what is wrong
     */
    public EvaluationInputException(String source, int lineNumber, String problem) {
        super(source + (lineNumber > 0 ? ": line " + lineNumber : "") + ": " + problem);
        this.lineNumber = lineNumber;
    }

    /**
     * @param source  file name or other description of the input
     * @param problem what is wrong
     * @param cause   the I/O or parse failure
     */
    public EvaluationInputException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.lineNumber = 0;
    }

    /** @return 1-based line number of the problem, or 0 when not tied to one line */
    public int lineNumber() {
        return lineNumber;
    }
}
