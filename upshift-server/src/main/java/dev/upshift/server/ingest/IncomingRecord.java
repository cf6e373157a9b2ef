package dev.upshift.server.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record of a batch as it arrived: its position, its id (if it came with one) and its fields
 * as named and written by the client. Immutable.
 *
 * @param index position in the batch, from 0
 * @param line the line of a {@code text/csv} body it starts on, or 0 for JSON
 * @param id the id sent, or {@code null} when none was
 * @param fields field name to value, in the order sent; no nulls (an absent value is an absent field)
 */
public record IncomingRecord(int index, long line, String id, Map<String, String> fields) {

  public IncomingRecord {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
  }
}
