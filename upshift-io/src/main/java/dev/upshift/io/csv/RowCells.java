package dev.upshift.io.csv;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One data row seen through its header: trimmed cell text by column name, typed parsers that record
 * an error naming the column instead of throwing, and the errors so far. At most one error is kept
 * per column (the first is the one to fix), but every column of the row is checked, so a person sees
 * all of a row's problems at once. One instance per row.
 */
final class RowCells {
  private final String file;
  private final Header header;
  private final CsvTable.Row row;
  private final Interner interner;
  private final List<InputError> errors = new ArrayList<>(0);

  RowCells(String file, Header header, CsvTable.Row row, Interner interner) {
    this.file = file;
    this.header = header;
    this.row = row;
    this.interner = interner;
  }

  String file() {
    return file;
  }

  long line() {
    return row.line();
  }

  CsvTable.Row row() {
    return row;
  }

  Header header() {
    return header;
  }

  /** The trimmed text of a column; empty when the cell is empty or the file lacks the column. */
  String text(String column) {
    int index = header.index(column);
    return index < 0 ? "" : row.cells().get(index).strip();
  }

  boolean isEmpty(String column) {
    return text(column).isEmpty();
  }

  /** The trimmed text, shared with equal values read before; {@code null} when empty. */
  String interned(String column) {
    String text = text(column);
    return text.isEmpty() ? null : interner.intern(text);
  }

  /** The trimmed, shared text of a column that must not be empty; {@code null} (and an error) if it is. */
  String required(String column) {
    String text = requiredText(column);
    return text == null ? null : interner.intern(text);
  }

  /**
   * As {@link #required}, but not shared: for values the caller stores in its own form, which
   * the interner would only keep alive for the rest of the read.
   */
  String requiredText(String column) {
    String text = text(column);
    if (text.isEmpty()) {
      error(column, InputErrorCode.MISSING_VALUE, "is empty; every row needs a " + column);
      return null;
    }
    return text;
  }

  /**
   * A date {@code yyyy-MM-dd}; {@code null} when the cell is empty or wrong (an error is added).
   * Parsed by hand, not by a formatter: it runs for millions of cells and must accept nothing else.
   */
  LocalDate date(String column) {
    String text = text(column);
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-'
        || !digits(text, 0, 4) || !digits(text, 5, 7) || !digits(text, 8, 10)) {
      error(column, InputErrorCode.BAD_DATE,
          quote(text) + " is not a date in the form yyyy-MM-dd");
      return null;
    }
    try {
      return interner.date(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
          Integer.parseInt(text, 8, 10, 10));
    } catch (DateTimeException e) {
      error(column, InputErrorCode.BAD_DATE, quote(text) + " is not a valid calendar date");
      return null;
    }
  }

  /** A date that must be present. */
  LocalDate requiredDate(String column) {
    if (isEmpty(column)) {
      error(column, InputErrorCode.MISSING_VALUE, "is empty; every row needs a " + column);
      return null;
    }
    return date(column);
  }

  /**
   * A plain decimal (see {@link PlainDecimal}); {@code null} when the cell is empty or not a number
   * (an error is added).
   */
  BigDecimal decimal(String column) {
    String text = text(column);
    if (text.isEmpty()) {
      return null;
    }
    BigDecimal value = PlainDecimal.parse(text);
    if (value == null) {
      error(column, InputErrorCode.BAD_NUMBER,
          quote(text) + " is not a number; write a plain decimal such as 1234.5"
          + " (no thousands separators, currency signs or exponents)");
    }
    return value;
  }

  /**
   * A whole number: {@code 12} or {@code 12.0}, not {@code 12.5}; {@code null} when the cell is
   * empty or wrong (an error is added).
   *
   * @param what the noun for a negative-value message ("seats"), or {@code null} to allow negatives
   */
  Integer wholeNumber(String column, String what) {
    String text = text(column);
    if (text.isEmpty()) {
      return null;
    }
    BigDecimal value = PlainDecimal.parse(text);
    if (value == null || PlainDecimal.significantDecimals(value) > 0) {
      error(column, InputErrorCode.NOT_WHOLE_NUMBER, quote(text) + " is not a whole number");
      return null;
    }
    if (what != null && value.signum() < 0) {
      error(column, InputErrorCode.NEGATIVE_VALUE,
          quote(text) + " is negative; " + what + " must be 0 or more");
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      error(column, InputErrorCode.VALUE_TOO_LARGE,
          quote(text) + " is too large; at most " + Integer.MAX_VALUE);
      return null;
    }
  }

  /**
   * Records an error at a column; ignored when the column already has one (a cell that is not
   * UTF-8 need not also be "not a number").
   */
  void error(String column, InputErrorCode code, String reason) {
    for (InputError error : errors) {
      if (column != null && column.equals(error.column())) {
        return;
      }
    }
    errors.add(new InputError(file, row.line(), column, code, reason));
  }

  /** Records an error about the whole row, or one found at another line. */
  void error(long line, String column, InputErrorCode code, String reason) {
    errors.add(new InputError(file, line, column, code, reason));
  }

  boolean hasErrors() {
    return !errors.isEmpty();
  }

  List<InputError> errors() {
    return List.copyOf(errors);
  }

  /** A cell value in double quotes, as messages show it. */
  static String quote(String text) {
    return '"' + text + '"';
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
