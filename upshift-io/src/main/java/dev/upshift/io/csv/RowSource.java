package dev.upshift.io.csv;

import dev.upshift.input.InputError;
import java.io.Closeable;
import java.util.List;

/**
 * Where a {@link TableReader} takes its rows from: a CSV file ({@link CsvTable}) or records held
 * in memory ({@link RecordTable}). The first row is the header. Not thread-safe.
 */
interface RowSource extends Closeable {

  /** The next row that is not blank, or {@code null} at the end. */
  CsvTable.Row next() throws CsvTable.UnreadableException;

  /** Problems of no row returned: see {@link CsvTable#leftoverProblems()}. */
  List<SyntaxProblem> leftoverProblems();

  /**
   * Errors a row has before its cells are read: a record's own field names (a field named twice,
   * an unknown field) where each record names its fields. A CSV file names them once, in its header.
   */
  default List<InputError> nameErrors(CsvTable.Row row) {
    return List.of();
  }

  /**
   * How a message names the row on a line, with its preposition: {@code "on line 17"} in a file,
   * {@code "in record \"p-17\""} among records.
   */
  default String rowAt(long line) {
    return "on line " + line;
  }
}
