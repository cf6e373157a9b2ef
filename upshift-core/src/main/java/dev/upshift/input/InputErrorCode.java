package dev.upshift.input;

/**
 * What kind of input error an {@link InputError} is (§1.3, §10): one constant per kind, each with a
 * stable wire {@link #code()}. Adapters decide exit codes, HTTP statuses and JSON errors from the
 * constant, never from the message, whose words may change. Codes are never renamed or reused; a
 * new kind of error gets a new constant.
 */
public enum InputErrorCode {
  // The file as a whole.
  /** The file does not exist. */
  NO_SUCH_FILE("no_such_file"),
  /** The file exists but cannot be read: an I/O failure, or content no reader can parse at all. */
  UNREADABLE_FILE("unreadable_file"),
  /** The file has no header row. */
  EMPTY_FILE("empty_file"),
  /** The file has more lines than a line number can hold. */
  TOO_MANY_LINES("too_many_lines"),
  /** Bytes that are not UTF-8. */
  NOT_UTF8("not_utf8"),
  /** A quoted cell is never closed, so the rest of the file was read into it. */
  UNTERMINATED_QUOTE("unterminated_quote"),
  /** Text after the closing quote of a quoted cell. */
  TEXT_AFTER_QUOTE("text_after_quote"),
  /** A quoted cell holds a lone carriage return, which cannot be read reliably. */
  LONE_CARRIAGE_RETURN("lone_carriage_return"),
  /** The header reads as one column holding semicolons or tabs: the file is not comma-separated. */
  WRONG_SEPARATOR("wrong_separator"),

  // The header.
  /** A required column (or every price column) is missing from the header. */
  MISSING_COLUMN("missing_column"),
  /** A header name the file does not know (subscriptions.csv only). */
  UNKNOWN_COLUMN("unknown_column"),
  /** A header cell without a name (subscriptions.csv only). */
  UNNAMED_COLUMN("unnamed_column"),
  /** A column name appears twice in the header. */
  DUPLICATE_COLUMN("duplicate_column"),

  // One row.
  /** The row has more or fewer cells than the header. */
  RAGGED_ROW("ragged_row"),
  /** A required cell is empty. */
  MISSING_VALUE("missing_value"),
  /** A cell is not a plain decimal number. */
  BAD_NUMBER("bad_number"),
  /** A cell that must hold a whole number holds something else. */
  NOT_WHOLE_NUMBER("not_whole_number"),
  /** A seat count or price is negative. */
  NEGATIVE_VALUE("negative_value"),
  /** A price has more than 6 significant decimal places (input is never rounded). */
  TOO_MANY_DECIMALS("too_many_decimals"),
  /** A number, or the ARR computed from it, is beyond what can be held exactly. */
  VALUE_TOO_LARGE("value_too_large"),
  /** A text cell is longer than allowed. */
  VALUE_TOO_LONG("value_too_long"),
  /** A cell is not a calendar date in the form yyyy-MM-dd. */
  BAD_DATE("bad_date"),
  /** {@code end_date} is on or before {@code start_date}. */
  END_NOT_AFTER_START("end_not_after_start"),
  /** No price form, or more than one, is filled. */
  PRICE_FORM_COUNT("price_form_count"),
  /** A {@code billing_period} that is not one of the known periods. */
  UNKNOWN_BILLING_PERIOD("unknown_billing_period"),
  /** A {@code status} that is not one of the known statuses. */
  UNKNOWN_STATUS("unknown_status"),
  /** A {@code kind} that is not one of the known kinds. */
  UNKNOWN_KIND("unknown_kind"),
  /** A currency cell that is not three letters. */
  BAD_CURRENCY_CODE("bad_currency_code"),
  /** A currency with no usable rate in fx.csv. */
  UNKNOWN_CURRENCY("unknown_currency"),
  /** An FX rate that is not above 0, or a reporting-currency rate other than 1. */
  BAD_RATE("bad_rate"),
  /** A health score outside 0 to 100. */
  BAD_SCORE("bad_score"),
  /** A target period that is not a period label. */
  BAD_PERIOD("bad_period"),
  /** A segment that is not {@code dimension=value}. */
  BAD_SEGMENT("bad_segment"),

  // Several rows together.
  /** A phase overlaps an earlier phase of its line (reported at the later row). */
  OVERLAP("overlap"),
  /** A row repeats the key of an earlier row: a currency, customer, plan, target or initiative. */
  DUPLICATE_KEY("duplicate_key"),

  // Records sent to the service or imported (§8.1, §8.3).
  /** A record without an id where its kind needs one (phases). */
  MISSING_ID("missing_id"),
  /** An id that is empty, longer than 256 characters or holds a control character. */
  BAD_ID("bad_id"),
  /** Two records of one batch with the same id. */
  DUPLICATE_ID("duplicate_id"),
  /** A JSON value that is neither a string nor a number, or text that is not valid Unicode. */
  BAD_VALUE("bad_value"),
  /** A record whose id is stored with different content, sent without asking to correct it. */
  CHANGED_RECORD("changed_record");

  private final String code;

  InputErrorCode(String code) {
    this.code = code;
  }

  /** The stable lower_snake name used in rejects files and JSON errors. */
  public String code() {
    return code;
  }
}
