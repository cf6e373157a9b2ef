package dev.upshift.cli;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;

/** The process exit codes of §7.1, and which failure gets which, in one place. */
public final class ExitCode {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected failure (a bug). */
  public static final int SOFTWARE = 1;
  /** The command line was wrong. */
  public static final int USAGE = 2;
  /** The input files have errors. */
  public static final int INPUT = 3;
  /**
   * A file could not be read or written: {@code --out} names a folder or an unwritable place, the
   * disk is full. Not in §7.1, which leaves other failures open (docs/DECISIONS.md).
   */
  public static final int IO = 4;

  private ExitCode() {}

  /**
   * The exit code of input that cannot be used: that of its first listed error (errors are listed
   * in file and line order), or {@link #INPUT} when none is listed.
   */
  public static int of(InputException e) {
    return e.errors().isEmpty() ? INPUT : of(e.errors().get(0).code());
  }

  /**
   * The exit code of one kind of input error. Every code is named, with no default, so that a new
   * code does not compile until it is given an exit code here (as the service gives it an HTTP
   * status): all of them are the user's to fix today, so all are {@link #INPUT}.
   */
  public static int of(InputErrorCode code) {
    return switch (code) {
      case NO_SUCH_FILE, UNREADABLE_FILE, EMPTY_FILE, TOO_MANY_LINES, NOT_UTF8, UNTERMINATED_QUOTE,
          TEXT_AFTER_QUOTE, LONE_CARRIAGE_RETURN, WRONG_SEPARATOR -> INPUT;
      case MISSING_COLUMN, UNKNOWN_COLUMN, UNNAMED_COLUMN, DUPLICATE_COLUMN -> INPUT;
      case RAGGED_ROW, MISSING_VALUE, BAD_NUMBER, NOT_WHOLE_NUMBER, NEGATIVE_VALUE, TOO_MANY_DECIMALS,
          VALUE_TOO_LARGE, VALUE_TOO_LONG, BAD_DATE, END_NOT_AFTER_START, PRICE_FORM_COUNT,
          UNKNOWN_BILLING_PERIOD, UNKNOWN_STATUS, UNKNOWN_KIND, BAD_CURRENCY_CODE, UNKNOWN_CURRENCY,
          BAD_RATE, BAD_SCORE, BAD_PERIOD, BAD_SEGMENT -> INPUT;
      case OVERLAP, DUPLICATE_KEY -> INPUT;
      case MISSING_ID, BAD_ID, DUPLICATE_ID, BAD_VALUE, CHANGED_RECORD -> INPUT;
    };
  }
}
