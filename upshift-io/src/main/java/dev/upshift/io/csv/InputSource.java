package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One input file's rows: a CSV file, or records held in memory. Immutable.
 *
 * @param name the name errors give it: the path as the user typed it, or the records' name
 * @param path the CSV file, or {@code null}
 * @param records the records, or {@code null}
 */
record InputSource(String name, Path path, RecordTable records) {

  InputSource {
    requireNonNull(name, "name is null");
    if ((path == null) == (records == null)) {
      throw new IllegalArgumentException("exactly one of path and records is needed");
    }
  }

  static InputSource of(Path path) {
    return new InputSource(path.toString(), path, null);
  }

  static InputSource of(RecordTable records) {
    return new InputSource(records.name(), null, records);
  }

  /** Opens the rows, header first, for a reader of {@code columns}; the caller closes them. */
  RowSource open(Columns columns) throws IOException {
    return path != null ? CsvTable.open(path) : records.rows(columns);
  }

  /** How a message names the row on a line, with its preposition (see {@link RowSource#rowAt}). */
  String rowAt(long line) {
    return records != null ? records.rowAt(line) : "on line " + line;
  }
}
