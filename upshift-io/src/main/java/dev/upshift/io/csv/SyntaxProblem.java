package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputErrorCode;

/**
 * Something wrong with the CSV text of one record that the parser itself would tolerate silently:
 * bytes that are not UTF-8, text after a closing quote, a quote that is never closed.
 *
 * @param recordLine the physical line on which the record starts (header = 1)
 * @param field the 0-based index of the cell within the record
 * @param code what kind of problem it is
 * @param reason what is wrong, for a person
 * @param fatal whether the rest of the file cannot be trusted (an unterminated quote swallows every
 *     row after it), so that dropping just this row would drop others silently
 */
record SyntaxProblem(long recordLine, int field, InputErrorCode code, String reason,
    boolean fatal) {
  SyntaxProblem {
    requireNonNull(code, "code is null");
    requireNonNull(reason, "reason is null");
  }
}
