package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The records of one input file held in memory instead of in a file: what the service receives
 * in a batch and keeps in its store (SPEC §8.3). {@link DatasetReader#read(InputRecords)} reads them
 * with the same readers, rules, messages and error codes as the file, so there is one set of rules.
 * Immutable.
 *
 * <p>Two things differ because each record names its own fields where a file names its columns
 * once: field names are checked per record (a name given twice, after trimming and lower-casing,
 * is a {@code duplicate_column} error of that record; an unknown name where unknown columns are
 * errors, an {@code unknown_column} error of that record), and a missing field reads as an empty
 * cell. Record {@code i} is read as if it were on line {@code i + 2} of a file below a header:
 * errors carry that line ({@link #indexOf}), and messages name other records by their id
 * ({@code in record "p-17"}) where a file's would say {@code on line 17}.
 */
public final class RecordTable {

  /**
   * One record. Immutable.
   *
   * @param id the record's id, named in messages; may be null (then its position is named)
   * @param fields field name to value as given; a missing field is an empty cell
   */
  public record Row(String id, Map<String, String> fields) {
    public Row {
      requireNonNull(fields, "fields is null");
      fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
      fields.forEach((name, value) -> {
        requireNonNull(name, "field name is null");
        requireNonNull(value, () -> "value of field " + name + " is null");
      });
    }
  }

  private final String name;
  private final List<Row> rows;

  private RecordTable(String name, List<Row> rows) {
    this.name = requireNonNull(name, "name is null");
    this.rows = List.copyOf(rows);
  }

  /**
   * Records read as one file.
   *
   * @param name the name errors give the records (their {@link InputError#file()}), e.g. {@code phases}
   */
  public static RecordTable of(String name, List<Row> rows) {
    return new RecordTable(name, rows);
  }

  /** No records. */
  public static RecordTable empty(String name) {
    return new RecordTable(name, List.of());
  }

  public String name() {
    return name;
  }

  public List<Row> rows() {
    return rows;
  }

  public int size() {
    return rows.size();
  }

  /** The line errors give the record at {@code index}. */
  public static long lineOf(int index) {
    return index + 2L;
  }

  /** The index of the record an error's line names, or -1 for a line of no record. */
  public int indexOf(long line) {
    long index = line - 2;
    return index >= 0 && index < rows.size() ? (int) index : -1;
  }

  /**
   * Reads the records of a CSV text (a {@code text/csv} request body): the §1 columns plus an
   * optional {@code idColumn}, which becomes each row's id. Empty cells are left out of the fields.
   * CSV as in §1: RFC 4180, UTF-8, a leading BOM ignored, names trimmed and case-insensitive.
   *
   * @return the records and, for each, the line of the text it starts on
   * @throws InputException when the text is not readable CSV: bytes that are not UTF-8, a quote
   *     never closed, text after a closing quote, a row with more or fewer cells than the header,
   *     a header name given twice or empty; errors name {@code name} and the text's lines
   */
  public static Parsed parseCsv(String name, InputStream csv, String idColumn) {
    requireNonNull(name, "name is null");
    requireNonNull(idColumn, "idColumn is null");
    ErrorLog errors = new ErrorLog(file -> 0);
    List<Row> rows = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    try (CsvTable table = CsvTable.open(csv)) {
      CsvTable.Row header = table.next();
      if (header == null) {
        return new Parsed(RecordTable.empty(name), new long[0]);
      }
      List<String> names = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (SyntaxProblem problem : header.problems()) {
        errors.add(new InputError(name, problem.recordLine(), null, problem.code(),
            "header: " + problem.reason()));
      }
      for (String raw : header.cells()) {
        String normalised = raw.strip().toLowerCase(Locale.ROOT);
        if (normalised.isEmpty()) {
          errors.add(new InputError(name, header.line(), null, InputErrorCode.UNNAMED_COLUMN,
              "header column " + (names.size() + 1) + " has no name; remove it or name it"));
        } else if (!seen.add(normalised)) {
          errors.add(new InputError(name, header.line(), normalised,
              InputErrorCode.DUPLICATE_COLUMN, "appears twice in the header; keep one"));
        }
        names.add(normalised);
      }
      if (errors.total() > 0) {
        throw new InputException(errors.listed(), errors.total());
      }
      for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
        boolean fatal = false;
        for (SyntaxProblem problem : row.problems()) {
          fatal |= problem.fatal() || problem.recordLine() != row.line();
          errors.add(new InputError(name, problem.recordLine(),
              problem.field() < names.size() ? names.get(Math.max(0, problem.field())) : null,
              problem.code(), problem.reason()));
        }
        if (fatal) {
          break; // the rest of the text cannot be trusted
        }
        if (row.cells().size() != names.size()) {
          errors.add(new InputError(name, row.line(), null, InputErrorCode.RAGGED_ROW,
              "row has " + row.cells().size() + " cells but the header has " + names.size()
                  + " columns"));
          continue;
        }
        String id = null;
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String value = row.cells().get(i);
          if (names.get(i).equals(idColumn)) {
            id = value.strip().isEmpty() ? null : value.strip();
          } else if (!value.strip().isEmpty()) {
            fields.put(names.get(i), value);
          }
        }
        rows.add(new Row(id, fields));
        lines.add(row.line());
      }
      for (SyntaxProblem problem : table.leftoverProblems()) {
        errors.add(new InputError(name, problem.recordLine(), null, problem.code(),
            problem.reason()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvTable.UnreadableException e) {
      errors.add(new InputError(name, 0, null, InputErrorCode.UNREADABLE_FILE, e.getMessage()));
    }
    if (errors.total() > 0) {
      throw new InputException(errors.listed(), errors.total());
    }
    return new Parsed(RecordTable.of(name, rows), lines.stream().mapToLong(Long::longValue).toArray());
  }

  /**
   * Records read from CSV text. Immutable but for the array, which the caller must not change.
   *
   * @param table the records
   * @param lines the line of the text each record starts on, by index
   */
  public record Parsed(RecordTable table, long[] lines) {}

  /** {@code in record "p-17"}: how messages name the record on a line. */
  String rowAt(long line) {
    int index = indexOf(line);
    if (index < 0) {
      return "on line " + line;
    }
    String id = rows.get(index).id();
    return id == null ? "in record " + index + " of the batch" : "in record \"" + id + "\"";
  }

  /** The records as rows for a reader of {@code columns}: a header, then one row per record. */
  RowSource rows(Columns columns) {
    return new Rows(columns);
  }

  private final class Rows implements RowSource {
    private final Columns columns;
    private final List<String> header;
    private final Map<String, Integer> position = new HashMap<>();
    /** Each field name's normal form: records of one table name the same fields again and again. */
    private final Map<String, String> normalised = new HashMap<>();
    private int next = -1;

    Rows(Columns columns) {
      this.columns = columns;
      Set<String> names = new LinkedHashSet<>(columns.required());
      if (columns.known() != null) {
        names.addAll(columns.known());
      } else {
        for (Row row : rows) {
          for (String field : row.fields().keySet()) {
            String normalised = normalise(field);
            if (!normalised.isEmpty()) {
              names.add(normalised);
            }
          }
        }
      }
      header = List.copyOf(names);
      for (int i = 0; i < header.size(); i++) {
        position.put(header.get(i), i);
      }
    }

    @Override
    public CsvTable.Row next() {
      int index = next++;
      if (index == -1) {
        return new CsvTable.Row(1, header, List.of());
      }
      if (index >= rows.size()) {
        return null;
      }
      String[] cells = new String[header.size()];
      java.util.Arrays.fill(cells, "");
      for (Map.Entry<String, String> field : rows.get(index).fields().entrySet()) {
        Integer at = position.get(normalised.computeIfAbsent(field.getKey(), RecordTable::normalise));
        if (at != null && cells[at].isEmpty()) {
          cells[at] = field.getValue();
        }
      }
      return new CsvTable.Row(lineOf(index), java.util.Arrays.asList(cells), List.of());
    }

    @Override
    public List<InputError> nameErrors(CsvTable.Row row) {
      Row record = rows.get(indexOf(row.line()));
      List<InputError> errors = new ArrayList<>(0);
      Set<String> seen = new HashSet<>();
      for (String field : record.fields().keySet()) {
        String normalised = this.normalised.computeIfAbsent(field, RecordTable::normalise);
        if (!position.containsKey(normalised)) {
          // Where unknown columns are ignored (§10), so is an unknown field.
          if (columns.unknownIsError()) {
            errors.add(normalised.isEmpty()
                ? new InputError(name, row.line(), null, InputErrorCode.UNNAMED_COLUMN,
                    "a field has no name")
                : new InputError(name, row.line(), field.strip(), InputErrorCode.UNKNOWN_COLUMN,
                    "unknown field; expected one of " + String.join(", ", columns.known())
                        + " (a misspelt field would silently lose its data)"));
          }
        } else if (!seen.add(normalised)) {
          errors.add(new InputError(name, row.line(), normalised, InputErrorCode.DUPLICATE_COLUMN,
              "field given twice (names are case-insensitive); keep one"));
        }
      }
      return errors;
    }

    @Override
    public String rowAt(long line) {
      return RecordTable.this.rowAt(line);
    }

    @Override
    public List<SyntaxProblem> leftoverProblems() {
      return List.of();
    }

    @Override
    public void close() {}
  }

  /** A field name as a header name is read: trimmed, lower case. */
  static String normalise(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }
}
