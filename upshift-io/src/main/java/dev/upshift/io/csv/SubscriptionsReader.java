package dev.upshift.io.csv;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import dev.upshift.input.SubscriptionLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code subscriptions.csv} into phases, then checks them for overlaps. Under {@link
 * OnError#FAIL} every row error fails the run; under {@link OnError#SKIP} rows in error (and the
 * later of two overlapping rows) are dropped, counted and written to the {@link RejectsFile}.
 * Problems with the file itself (header, unterminated quote) fail the run in either mode: they
 * concern more than one row.
 */
final class SubscriptionsReader extends TableReader {
  private final PhaseParser parser;
  private final SubscriptionLog log;
  private final RejectsFile rejects;
  private final ErrorLog skipped;
  private long rejectedRows;

  /**
   * @param rejects where dropped rows go, or {@code null} to fail on row errors
   */
  SubscriptionsReader(ReadContext context, Path path, PhaseParser parser,
      RejectsFile rejects) {
    this(context, InputSource.of(path), parser, rejects);
  }

  SubscriptionsReader(ReadContext context, InputSource source, PhaseParser parser,
      RejectsFile rejects) {
    super(context, source, SubscriptionColumns.COLUMNS);
    this.parser = parser;
    this.log = new SubscriptionLog(file, this::rowAt);
    this.rejects = rejects;
    this.skipped = new ErrorLog(context::rank);
  }

  @Override
  void checkHeader(Header header, List<InputError> errors) {
    checkPriceColumns(file, header, errors);
  }

  /** A subscriptions header needs a price column, which {@link Columns} cannot say. */
  static void checkPriceColumns(String file, Header header, List<InputError> errors) {
    if (SubscriptionColumns.PRICE_FORMS.stream().noneMatch(header::has)) {
      errors.add(new InputError(file, header.line(), SubscriptionColumns.ARR,
          InputErrorCode.MISSING_COLUMN,
          "missing price column; the header needs arr, mrr or amount (with billing_period)"));
    }
  }

  @Override
  void start(Header header) {
    if (rejects != null) {
      rejects.header(header.rawNames());
    }
  }

  @Override
  void readRow(RowCells cells) {
    Phase phase = parser.parse(cells);
    if (phase != null) {
      log.add(phase);
    }
  }

  @Override
  void rejected(RowCells cells) {
    if (rejects == null) {
      super.rejected(cells);
      return;
    }
    List<InputError> errors = cells.errors();
    skipped.addAll(errors);
    rejects.write(cells.line(), cells.row().cells(), errors);
    rejectedRows++;
  }

  /** Checks the phases read for overlaps; returns those kept, in input order. */
  List<Phase> checkOverlaps() {
    SubscriptionLog.Checked checked = log.check();
    if (!checked.rejected().isEmpty()) {
      Map<Long, InputError> errorByLine = new HashMap<>();
      for (SubscriptionLog.Rejected rejected : checked.rejected()) {
        errorByLine.put((long) rejected.phase().line(), rejected.error());
      }
      if (rejects == null) {
        context.fail(List.copyOf(errorByLine.values()));
      } else {
        skipped.addAll(errorByLine.values());
        rejectedRows += errorByLine.size();
        copyToRejects(errorByLine);
      }
    }
    return checked.kept();
  }

  /**
   * Writes the rows dropped by the overlap check. Their cells were not kept while reading (that
   * would hold the whole file's text in memory for the sake of a few rows), so the file is read
   * again to fetch those lines.
   */
  private void copyToRejects(Map<Long, InputError> errorByLine) {
    try (CsvTable table = CsvTable.open(path())) {
      table.next(); // the header
      for (CsvTable.Row row = table.next(); row != null; row = table.next()) {
        InputError error = errorByLine.get(row.line());
        if (error != null) {
          rejects.write(row.line(), row.cells(), List.of(error));
        }
      }
    } catch (IOException | CsvTable.UnreadableException e) {
      context.fail(new InputError(file, 0, null, InputErrorCode.UNREADABLE_FILE,
          "cannot read the file again: " + e.getMessage()));
    }
  }

  /** Rows dropped under {@link OnError#SKIP}. */
  long rejectedRows() {
    return rejectedRows;
  }

  /** Errors of the dropped rows. */
  ErrorLog skipped() {
    return skipped;
  }
}
