package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CSV file into its reader's result: the steps every input file shares. It opens the file,
 * resolves the header, checks each row's CSV syntax and width, and hands well-formed rows to {@link
 * #readRow}. Problems that make the file unreadable (missing file, bad header, quoting the parser
 * cannot recover from) fail the run and stop reading the file; rejected rows go to {@link #rejected}, which fails the run unless a subclass says
 * otherwise.
 */
abstract class TableReader {
  protected final ReadContext context;
  protected final String file;
  private final InputSource source;
  private final Columns columns;

  /**
   * @param path the file; its {@code toString()}, the path as the user gave it, names it in
   *     messages
   */
  TableReader(ReadContext context, Path path, Columns columns) {
    this(context, InputSource.of(requireNonNull(path, "path is null")), columns);
  }

  /** @param source the file or records; its name names it in messages */
  TableReader(ReadContext context, InputSource source, Columns columns) {
    this.context = requireNonNull(context, "context is null");
    this.source = requireNonNull(source, "source is null");
    this.file = source.name();
    this.columns = requireNonNull(columns, "columns is null");
    context.register(file);
  }

  /** Reads the whole file; the outcome is in the subclass and the context's logs. */
  final void read() {
    try (RowSource table = source.open(columns)) {
      Header header = readHeader(table);
      if (header == null) {
        return;
      }
      start(header);
      for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
        if (!readRowChecked(header, row, table)) {
          return;
        }
      }
      for (SyntaxProblem problem : table.leftoverProblems()) {
        context.fail(new InputError(file, problem.recordLine(), null, problem.code(),
            problem.reason()));
      }
    } catch (NoSuchFileException e) {
      context.fail(new InputError(file, 0, null, InputErrorCode.NO_SUCH_FILE, "no such file"));
    } catch (IOException e) {
      context.fail(new InputError(file, 0, null, InputErrorCode.UNREADABLE_FILE,
          "cannot read the file: " + e.getMessage()));
    } catch (CsvTable.UnreadableException e) {
      context.fail(new InputError(file, 0, null, InputErrorCode.UNREADABLE_FILE, e.getMessage()));
    }
  }

  private Header readHeader(RowSource table) throws CsvTable.UnreadableException {
    CsvTable.Row first = table.next();
    if (first == null) {
      context.fail(new InputError(file, 0, null, InputErrorCode.EMPTY_FILE,
          "the file is empty; expected a header row with "
              + String.join(", ", columns.required())));
      return null;
    }
    List<InputError> errors = new ArrayList<>();
    for (SyntaxProblem problem : first.problems()) {
      errors.add(new InputError(file, problem.recordLine(), null, problem.code(),
          "header: " + problem.reason()));
    }
    if (!errors.isEmpty()) {
      context.fail(errors); // the names cannot be read, so checking them would only add noise
      return null;
    }
    Header header = Header.resolve(file, first.line(), first.cells(), columns,
        context.mapping(), errors);
    if (errors.stream().allMatch(Header::skipsColumn)) {
      checkHeader(header, errors);
    }
    if (!errors.isEmpty()) {
      context.fail(errors);
      // An unknown column is skipped and the rows are still read, so that one run lists every
      // problem; without a trustworthy header otherwise no cell can be interpreted.
      return errors.stream().allMatch(Header::skipsColumn) ? header : null;
    }
    return header;
  }

  /** Checks and reads one row; false when the rest of the file cannot be trusted. */
  private boolean readRowChecked(Header header, CsvTable.Row row, RowSource table) {
    RowCells cells = new RowCells(file, header, row, context.interner());
    for (InputError error : table.nameErrors(row)) {
      cells.error(error.line(), error.column(), error.code(), error.reason());
    }
    boolean fatal = false;
    for (SyntaxProblem problem : row.problems()) {
      if (problem.recordLine() == row.line()) {
        fatal |= problem.fatal();
        cells.error(header.nameAt(problem.field()), problem.code(), problem.reason());
      } else {
        // The parser and the tracker disagree on where records start: only malformed quoting
        // does that, and then no row from here on can be trusted.
        fatal = true;
        cells.error(problem.recordLine(), null, problem.code(), problem.reason());
      }
    }
    if (fatal) {
      context.fail(cells.errors());
      return false;
    }
    if (row.cells().size() != header.width()) {
      raggedRow(cells, header);
    } else {
      readRow(cells);
    }
    if (cells.hasErrors()) {
      rejected(cells);
    }
    return true;
  }

  /** Records that a row has more or fewer cells than the header has columns. */
  static void raggedRow(RowCells cells, Header header) {
    int count = cells.row().cells().size();
    cells.error(cells.line(), null, InputErrorCode.RAGGED_ROW, "row has " + count
        + " cells but the header has " + header.width() + " columns; "
        + (count > header.width() ? "quote cells that contain commas"
            : "write empty cells as nothing between commas, not by leaving them out"));
  }

  /** The file as given, or {@code null} when the rows are records. */
  Path path() {
    return source.path();
  }

  /** How a message names the row on a line: {@code on line 17}, or {@code in record "p-17"}. */
  String rowAt(long line) {
    return source.rowAt(line);
  }

  /** Checks what {@link Columns} cannot express, adding to {@code errors}. */
  void checkHeader(Header header, List<InputError> errors) {}

  /** Called once the header is known to be good, before the first row. */
  void start(Header header) {}

  /**
   * Reads one well-formed row; keeps its result only when {@code cells} has no errors once all
   * columns are checked (the cells may hold CSV errors already).
   */
  abstract void readRow(RowCells cells);

  /** A row with errors: by default they fail the run. */
  void rejected(RowCells cells) {
    context.fail(cells.errors());
  }
}
