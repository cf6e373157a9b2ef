package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A request body read into records, with the errors found while reading it (a value that is not a
 * string or a number, a field given twice). Immutable.
 *
 * @param records every record, in the order sent (a record with errors too: its other fields are
 *     still checked)
 * @param errors errors found while reading, in record order
 */
public record Batch(List<IncomingRecord> records, List<RecordError> errors) {

  public Batch {
    records = List.copyOf(requireNonNull(records, "records is null"));
    errors = List.copyOf(requireNonNull(errors, "errors is null"));
  }

  public int size() {
    return records.size();
  }
}
