package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.analysis.Initiative;
import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.segment.SegmentFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code initiatives.csv} (§1.2, §6.5): columns {@code name}, {@code launch_date}
 * ({@code yyyy-MM-dd}) and optional {@code segment} ({@code dim=value}; empty, {@code all} or
 * {@code all segments} mean all customers). Stateless.
 *
 * <p>CSV as in §1: RFC 4180, UTF-8, a leading BOM ignored, header names case-insensitive and
 * trimmed, cells trimmed, blank lines skipped, unknown columns ignored (§10), line numbers physical
 * (header = 1). Every problem is collected as an {@link InputError} ({@code file:line: column C:
 * reason}) and thrown together (the first 100 and the count) as an {@link InputException}; names
 * must be unique. Whether a segment's dimension exists is checked later, against the data
 * ({@link dev.upshift.Upshift#analyze}).
 */
public final class InitiativesReader {
  /** The file's usual name, used in errors when reading from a stream. */
  public static final String FILE_NAME = "initiatives.csv";

  private static final int MAX_LISTED = 100;

  private InitiativesReader() {}

  /**
   * Reads a file; errors name it by its file name.
   *
   * @throws InputException when anything is wrong with the content
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<Initiative> read(Path file) {
    requireNonNull(file, "file is null");
    try {
      return read(Files.readAllBytes(file), file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads a stream; errors name {@code fileName}. */
  public static List<Initiative> read(InputStream in, String fileName) {
    try {
      return read(in.readAllBytes(), fileName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + fileName + ": " + e.getMessage(), e);
    }
  }

  /** Reads CSV text (already decoded); errors name {@code fileName}. */
  public static List<Initiative> read(String text, String fileName) {
    return parse(text.startsWith("\uFEFF") ? text.substring(1) : text, fileName);
  }

  static List<Initiative> read(byte[] bytes, String fileName) {
    return read(decodeUtf8(bytes, fileName), fileName);
  }

  private static String decodeUtf8(byte[] bytes, String fileName) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int line = 1;
      for (int i = 0; i < in.position(); i++) {
        line += bytes[i] == '\n' ? 1 : 0;
      }
      throw new InputException(new InputError(fileName, line, null, InputErrorCode.NOT_UTF8,
          "the file is not UTF-8 text (invalid byte sequence); save it as UTF-8"));
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static final class Errors {
    final String file;
    final List<InputError> listed = new ArrayList<>();
    long total;

    Errors(String file) {
      this.file = file;
    }

    void add(long line, String column, InputErrorCode code, String reason) {
      total++;
      if (listed.size() < MAX_LISTED) {
        listed.add(new InputError(file, line, column, code, reason));
      }
    }
  }

  private static List<Initiative> parse(String text, String fileName) {
    Errors errors = new Errors(fileName);
    List<CsvRecord> records = new ArrayList<>();
    try (CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true)
        .ignoreDifferentFieldCount(true).ofCsvRecord(text)) {
      reader.forEach(records::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw new InputException(new InputError(fileName, 0, null, InputErrorCode.UNREADABLE_FILE,
          "not valid CSV: " + e.getMessage()));
    }
    if (records.isEmpty()) {
      throw new InputException(new InputError(fileName, 0, null, InputErrorCode.EMPTY_FILE,
          "the file is empty; expected a header with name, launch_date and segment"));
    }
    if (text.chars().filter(c -> c == '"').count() % 2 != 0) {
      // fastcsv reads an unterminated quote to the end of the file; that is never what was meant.
      CsvRecord last = records.get(records.size() - 1);
      errors.add(last.getStartingLineNumber(), null, InputErrorCode.UNTERMINATED_QUOTE,
          "unterminated quoted field (a \" is opened and never closed)");
    }
    CsvRecord header = records.get(0);
    List<Cells> rows = new ArrayList<>(records.size() - 1);
    for (CsvRecord row : records.subList(1, records.size())) {
      rows.add(new Cells(row.getStartingLineNumber(), row.getFields()));
    }
    return read(new Cells(header.getStartingLineNumber(), header.getFields()), rows, errors,
        line -> "on line " + line, true);
  }

  /**
   * Reads records held in memory by the same rules (see {@link RecordTable}); errors name the
   * records' table and their lines ({@link RecordTable#indexOf}).
   *
   * @throws InputException when anything is wrong with the content
   */
  public static List<Initiative> read(RecordTable records) {
    requireNonNull(records, "records is null");
    List<String> names = List.of("name", "launch_date", "segment");
    List<Cells> rows = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      Map<String, String> byName = new HashMap<>();
      records.rows().get(i).fields().forEach(
          (name, value) -> byName.putIfAbsent(RecordTable.normalise(name), value));
      rows.add(new Cells(RecordTable.lineOf(i),
          names.stream().map(name -> byName.getOrDefault(name, "")).toList()));
    }
    // An empty record is not a blank line: it is read, and lacks a name.
    return read(new Cells(1, names), rows, new Errors(records.name()), records::rowAt, false);
  }

  /** One row's line and cells. */
  private record Cells(long line, List<String> fields) {}

  /** @param skipBlank whether rows of blank cells are skipped (blank lines of a file) */
  private static List<Initiative> read(Cells header, List<Cells> rows, Errors errors,
      java.util.function.LongFunction<String> rowAt, boolean skipBlank) {
    List<Initiative> initiatives = new ArrayList<>();
    Map<String, Long> nameLines = new HashMap<>();
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < header.fields().size(); i++) {
      String name = header.fields().get(i).trim().toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        continue;
      }
      if (columns.putIfAbsent(name, i) != null) {
        errors.add(header.line(), name, InputErrorCode.DUPLICATE_COLUMN,
            "duplicate column name");
      }
    }
    for (String required : List.of("name", "launch_date")) {
      if (!columns.containsKey(required)) {
        errors.add(header.line(), required, InputErrorCode.MISSING_COLUMN,
            "missing required column");
      }
    }
    if (errors.total > 0) {
      throw new InputException(errors.listed, errors.total);
    }
    int nameColumn = columns.get("name");
    int dateColumn = columns.get("launch_date");
    Integer segmentColumn = columns.get("segment");
    for (Cells row : rows) {
      long line = row.line();
      if (skipBlank && row.fields().stream().allMatch(String::isBlank)) {
        continue;
      }
      if (row.fields().size() != header.fields().size()) {
        errors.add(line, null, InputErrorCode.RAGGED_ROW, "the row has " + row.fields().size()
            + " fields but the header has " + header.fields().size());
        continue;
      }
      int before = (int) errors.total;
      String name = row.fields().get(nameColumn).trim();
      if (name.isEmpty()) {
        errors.add(line, "name", InputErrorCode.MISSING_VALUE, "missing value");
      } else if (nameLines.containsKey(name)) {
        errors.add(line, "name", InputErrorCode.DUPLICATE_KEY, "initiative \"" + name
            + "\" is already defined " + rowAt.apply(nameLines.get(name)));
      }
      LocalDate launch = null;
      String date = row.fields().get(dateColumn).trim();
      if (date.isEmpty()) {
        errors.add(line, "launch_date", InputErrorCode.MISSING_VALUE, "missing value");
      } else {
        try {
          launch = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          errors.add(line, "launch_date", InputErrorCode.BAD_DATE,
              "\"" + date + "\" is not a date (yyyy-MM-dd)");
        }
      }
      SegmentFilter segment = null;
      String segmentText = segmentColumn == null ? "" : row.fields().get(segmentColumn).trim();
      String lower = segmentText.toLowerCase(Locale.ROOT);
      if (!segmentText.isEmpty() && !lower.equals("all") && !lower.equals("all segments")) {
        int eq = segmentText.indexOf('=');
        if (eq <= 0 || segmentText.substring(0, eq).isBlank()) {
          errors.add(line, "segment", InputErrorCode.BAD_SEGMENT, "\"" + segmentText
              + "\" is not dim=value (e.g. initial_arr=<10K, channel=sales), nor empty for all");
        } else {
          segment = SegmentFilter.parse(segmentText);
        }
      }
      if (errors.total == before) {
        nameLines.put(name, line);
        initiatives.add(new Initiative(name, launch, segment));
      }
    }
    if (errors.total > 0) {
      throw new InputException(errors.listed, errors.total);
    }
    return List.copyOf(initiatives);
  }
}
