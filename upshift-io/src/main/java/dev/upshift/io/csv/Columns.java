package dev.upshift.io.csv;

import java.util.List;

/**
 * The columns a file may have.
 *
 * @param known every column name the reader understands, in the order listed in messages; {@code
 *     null} when any name is welcome (customers.csv: every column is an attribute)
 * @param required columns the header must have
 * @param unknownIsError whether an unknown column is an error (subscriptions.csv, where a typo must
 *     not silently drop data) or ignored (the other files)
 */
record Columns(List<String> known, List<String> required, boolean unknownIsError) {
  Columns {
    known = known == null ? null : List.copyOf(known);
    required = List.copyOf(required);
  }

  static Columns strict(List<String> known, List<String> required) {
    return new Columns(known, required, true);
  }

  static Columns lenient(List<String> known, List<String> required) {
    return new Columns(known, required, false);
  }
}
