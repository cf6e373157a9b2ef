package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The columns a file may have.
 *
 * @param kind the kind of file, which picks the {@link ColumnMapping} entries that apply to it
 * @param known every column name the reader understands, in the order listed in messages; {@code
 *     null} when any name is welcome (customers.csv: every column is an attribute)
 * @param required columns the header must have
 * @param unknownIsError whether an unknown column is an error (subscriptions.csv, where a typo must
 *     not silently drop data) or ignored (the other files)
 */
record Columns(FileKind kind, List<String> known, List<String> required, boolean unknownIsError) {
  Columns {
    requireNonNull(kind, "kind is null");
    known = known == null ? null : List.copyOf(known);
    required = List.copyOf(required);
  }

  static Columns strict(FileKind kind, List<String> known, List<String> required) {
    return new Columns(kind, known, required, true);
  }

  static Columns lenient(FileKind kind, List<String> known, List<String> required) {
    return new Columns(kind, known, required, false);
  }

  /** Whether a file of this kind can have a column of that (lower-case) name. */
  boolean accepts(String name) {
    return known == null ? !name.isEmpty() : known.contains(name);
  }
}
