package dev.upshift.render.xlsx;

import dev.upshift.io.report.LedgerWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.dhatim.fastexcel.Worksheet;

/**
 * The customer ledger (§7.3) as spreadsheet rows, read back from the CSV that {@link LedgerWriter}
 * wrote in the same run: period, customer and status as text, every other cell a number. Amounts
 * keep all 6 decimals (shown with 2, in parentheses when negative), so the sheet sums to the
 * report as the file does. A sheet holds at most a given number of rows; the rest go on in the
 * next sheet, each with the header. Rows are flushed to the workbook as they are written, so a
 * long ledger is never held in memory.
 */
final class LedgerSheets {
  /** Rows written to a sheet between flushes to the workbook's stream. */
  private static final int FLUSH_EVERY = 10_000;
  /** The columns that are text: period, customer_id, status. */
  private static final int TEXT_COLUMNS = 3;
  private static final String AMOUNT = XlsxReportWriter.MONEY;
  private static final String WHOLE = XlsxReportWriter.COUNT;

  private LedgerSheets() {}

  /** The data rows of a ledger file (its lines but the header). */
  static long countRows(Path csv) throws IOException {
    long rows = 0;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        rows += line.isEmpty() ? 0 : 1;
      }
    }
    return Math.max(0, rows - 1);
  }

  /** Sheets {@code rows} take at {@code perSheet} rows a sheet (at least one, for the header). */
  static long sheetsFor(long rows, int perSheet) {
    return Math.max(1, (rows + perSheet - 1) / perSheet);
  }

  /**
   * Writes the ledger's rows to {@code Ledger}, {@code Ledger 2}…
   *
   * @param newSheet makes a sheet of a name
   * @return the sheets written
   */
  static int write(Path csv, int perSheet, Function<String, Worksheet> newSheet)
      throws IOException {
    List<String> header = LedgerWriter.HEADER;
    AmountColumns amounts = new AmountColumns(header);
    int sheets = 0;
    Worksheet ws = null;
    int r = 0;
    try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      in.readLine(); // the header, which is LedgerWriter.HEADER
      for (String line = in.readLine(); line != null || ws == null; line = in.readLine()) {
        if (ws == null || r > perSheet) {
          if (ws != null) {
            ws.finish();
          }
          ws = newSheet.apply(sheets == 0 ? "Ledger (ARR)" : "Ledger (ARR) " + (sheets + 1));
          sheets++;
          for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
            ws.style(0, c).bold().fillColor("E9EEF3").set();
            ws.width(c, c == 1 ? 20 : 14);
          }
          ws.freezePane(2, 1);
          r = 1;
        }
        if (line == null) {
          break;
        }
        if (line.isEmpty()) {
          continue;
        }
        List<String> cells = split(line);
        for (int c = 0; c < cells.size(); c++) {
          String cell = cells.get(c);
          if (c < TEXT_COLUMNS) {
            XlsxReportWriter.Book.text(ws, r, c, cell);
          } else if (!cell.isEmpty()) {
            ws.value(r, c, new BigDecimal(cell));
            ws.style(r, c).format(amounts.isAmount(c) ? AMOUNT : WHOLE).set();
          }
        }
        r++;
        if (r % FLUSH_EVERY == 0) {
          ws.flush();
        }
      }
    }
    ws.finish();
    return sheets;
  }

  /** Which columns hold amounts (those not counts or 0/1 flags). */
  private record AmountColumns(List<String> header) {
    boolean isAmount(int column) {
      String name = header.get(column);
      return !(name.startsWith("seats_") || name.equals("seat_movement")
          || name.equals("upsell_user") || name.equals("eligible") || name.equals("upsold"));
    }
  }

  /** The cells of one RFC 4180 line (quoted cells may hold commas and doubled quotes). */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
