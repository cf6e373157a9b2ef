package dev.upshift.io.csv;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read record by record (RFC 4180, UTF-8, optional BOM), streaming: only the current
 * record and a fixed-size buffer are in memory. Empty lines and lines holding a single blank cell are
 * skipped; every record carries the physical line it starts on and the {@link SyntaxProblem}s found
 * in it. Raggedness is left to the caller, who knows the header.
 */
final class CsvTable implements RowSource {
  /**
   * A record as read.
   *
   * @param line the physical line the record starts on (header = 1)
   * @param cells the cells, untrimmed, as the parser produced them
   * @param problems CSV problems of this record; a problem whose {@code recordLine} differs from
   *     {@code line} belongs to a record the parser misread (malformed quoting), and the caller
   *     must stop there
   */
  record Row(long line, List<String> cells, List<SyntaxProblem> problems) {}

  /** The file could not be read on: an I/O failure or a record beyond the parser's limits. */
  static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnreadableException(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  private final CsvSyntaxTracker tracker = new CsvSyntaxTracker();
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;

  private CsvTable(InputStream bytes) {
    CheckedUtf8Reader text = new CheckedUtf8Reader(bytes, tracker);
    this.reader = CsvReader.builder()
        .skipEmptyLines(true)
        // The caller checks raggedness per row, so one short row does not end the read.
        .ignoreDifferentFieldCount(true)
        // Spaces after a closing quote are harmless (cells are trimmed); anything else there is
        // reported by the tracker, fatally.
        .acceptCharsAfterQuotes(true)
        .ofCsvRecord(text);
    this.records = reader.iterator();
  }

  /** Opens a file; the caller closes it. */
  static CsvTable open(Path path) throws IOException {
    return new CsvTable(new BufferedInputStream(Files.newInputStream(path)));
  }

  /** Reads CSV bytes from a stream, which {@link #close()} closes. */
  static CsvTable open(InputStream bytes) {
    return new CsvTable(bytes);
  }

  /** The next record that is not blank, or {@code null} at the end of the file. */
  @Override
  public Row next() throws UnreadableException {
    try {
      while (records.hasNext()) {
        CsvRecord record = records.next();
        List<SyntaxProblem> problems = tracker.drainUpTo(record.getStartingLineNumber());
        if (problems.isEmpty() && isBlank(record)) {
          continue;
        }
        return new Row(record.getStartingLineNumber(), record.getFields(), problems);
      }
      return null;
    } catch (UncheckedIOException e) {
      throw new UnreadableException("cannot read the file: " + e.getCause().getMessage(), e);
    } catch (CsvParseException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new UnreadableException(e.getMessage() + ": " + cause.getMessage(), e);
    }
  }

  /**
   * Problems of no record the parser returned: after the last record, only when malformed quoting
   * made the parser drop a record. Reported at their own line.
   */
  @Override
  public List<SyntaxProblem> leftoverProblems() {
    tracker.end();
    return tracker.drainAll();
  }

  private static boolean isBlank(CsvRecord record) {
    return record.getFieldCount() == 1 && record.getField(0).isBlank();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
