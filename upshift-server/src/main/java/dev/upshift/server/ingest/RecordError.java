package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputErrorCode;

/**
 * One error of a batch's record (SPEC §8.3): which record (its position and id), which field, a
 * stable code and a message a person can act on. Immutable.
 *
 * @param index the record's position in the batch (0-based), or {@code null} when the error is in
 *     a stored record the batch was checked against, or in CSV text that is no record
 * @param line the line of a {@code text/csv} body the record starts on, or {@code null} for JSON
 * @param id the record's id, or {@code null} when it has none
 * @param field the field, or {@code null} when the error concerns the whole record
 * @param code the error code ({@link InputErrorCode#code()})
 * @param message what is wrong
 */
public record RecordError(Integer index, Long line, String id, String field, InputErrorCode code,
    String message) {

  public RecordError {
    requireNonNull(code, "code is null");
    requireNonNull(message, "message is null");
  }
}
