package dev.upshift.io.csv;

import dev.upshift.input.BillingPeriod;
import dev.upshift.input.FxRates;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PhaseTable;
import dev.upshift.money.ArrConversion;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Parses the lines of one chunk of {@code subscriptions.csv} straight from bytes into a {@link
 * PhaseTable}: the fast path of {@link ParallelSubscriptionsReader}.
 *
 * <p>It accepts only rows it can read with certainty and gives up ({@link #declined()}) at the first
 * thing outside that: a quote, a byte that is not ASCII, a lone CR, a ragged row, or any cell that
 * {@link PhaseParser} would reject or that needs more care than plain arithmetic (a negative or
 * over-long number, more than six significant decimals, an unknown currency...). Giving up is
 * never an error: the file is then read by the strict streaming reader, which finds and words every
 * error exactly as before. For the rows it accepts it produces what {@link PhaseParser} produces:
 * the same defaults, the same exactly rounded ARR in micro-units. Not thread-safe: one per chunk.
 */
final class FastRowParser {
  private final int width;
  private final int customerId;
  private final int lineId;
  private final int product;
  private final int plan;
  private final int tier;
  private final int seats;
  private final int arr;
  private final int mrr;
  private final int amount;
  private final int billingPeriod;
  private final int currency;
  private final int startDate;
  private final int endDate;
  private final int signedDate;
  private final int cancelSignedDate;
  private final int status;
  private final int kind;
  private final FxRates fx;

  private final int[] cellStart;
  private final int[] cellEnd;
  private final CleanRows clean;
  private final Map<String, Object> parsedWords = new HashMap<>();
  private final Object[] lastWord;
  private final int[] lastWordStart;
  private final int[] lastWordEnd;
  private final StringCache lineIds = new StringCache();
  private final StringCache products = new StringCache();
  private final StringCache plans = new StringCache();
  private byte[] buffer;
  private int lastCustomerStart = -1;
  private int lastCustomerEnd;
  private String lastCustomer;

  private final int endShift;
  private boolean declined;
  private String declineReason;
  private int lines;

  FastRowParser(Header header, FxRates fx, int expectedRows) {
    this(header, fx, expectedRows, EndDates.EXCLUSIVE);
  }

  /** @param endDates what the file's end dates mean; they are turned into §1.1's */
  FastRowParser(Header header, FxRates fx, int expectedRows, EndDates endDates) {
    this.endShift = endDates.shift();
    this.width = header.width();
    this.customerId = header.index(SubscriptionColumns.CUSTOMER_ID);
    this.lineId = header.index(SubscriptionColumns.LINE_ID);
    this.product = header.index(SubscriptionColumns.PRODUCT);
    this.plan = header.index(SubscriptionColumns.PLAN);
    this.tier = header.index(SubscriptionColumns.TIER);
    this.seats = header.index(SubscriptionColumns.SEATS);
    this.arr = header.index(SubscriptionColumns.ARR);
    this.mrr = header.index(SubscriptionColumns.MRR);
    this.amount = header.index(SubscriptionColumns.AMOUNT);
    this.billingPeriod = header.index(SubscriptionColumns.BILLING_PERIOD);
    this.currency = header.index(SubscriptionColumns.CURRENCY);
    this.startDate = header.index(SubscriptionColumns.START_DATE);
    this.endDate = header.index(SubscriptionColumns.END_DATE);
    this.signedDate = header.index(SubscriptionColumns.SIGNED_DATE);
    this.cancelSignedDate = header.index(SubscriptionColumns.CANCEL_SIGNED_DATE);
    this.status = header.index(SubscriptionColumns.STATUS);
    this.kind = header.index(SubscriptionColumns.KIND);
    this.fx = fx;
    this.cellStart = new int[width];
    this.cellEnd = new int[width];
    this.lastWord = new Object[width];
    this.lastWordStart = new int[width];
    this.lastWordEnd = new int[width];
    this.clean = new CleanRows(expectedRows);
  }

  /**
   * Parses the lines in {@code bytes[from..to)}, numbering them from 1. The range starts at the
   * beginning of a line and ends after a line break or at the end of the file.
   *
   * @return false when it gave up
   */
  boolean parse(byte[] bytes, int from, int to) {
    buffer = bytes;
    int position = from;
    while (position < to && !declined) {
      int end = position;
      while (end < to && bytes[end] != '\n') {
        end++;
      }
      int next = end < to ? end + 1 : end;
      if (end > position && bytes[end - 1] == '\r' && end < to) {
        end--; // CRLF
      }
      lines++;
      if (lines < 0) {
        decline("too many lines");
        return false;
      }
      parseLine(position, end);
      position = next;
    }
    return !declined;
  }

  private void parseLine(int from, int to) {
    if (from == to || (isWhitespace(buffer[from]) && isBlank(from, to))) {
      return; // an empty or blank line starts no record
    }
    int cells = 0;
    int start = from;
    byte[] bytes = buffer;
    for (int i = from; i < to; i++) {
      byte b = bytes[i];
      if (b == ',') {
        if (cells == width - 1) {
          decline("ragged row");
          return;
        }
        cellStart[cells] = start;
        cellEnd[cells++] = i;
        start = i + 1;
      } else if (b == '"' || b == '\r' || b < 0) {
        decline("quote, carriage return or non-ASCII byte");
        return;
      }
    }
    if (cells != width - 1) {
      decline("ragged row");
      return;
    }
    cellStart[cells] = start;
    cellEnd[cells] = to;
    for (int c = 0; c < width; c++) {
      trim(c);
    }
    parseRow();
  }

  /** A line of one blank cell (no comma, only whitespace). */
  private boolean isBlank(int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isWhitespace(buffer[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@link String#strip()} on ASCII: {@link Character#isWhitespace} characters. */
  private static boolean isWhitespace(byte b) {
    return b == ' ' || (b >= 9 && b <= 13) || (b >= 28 && b <= 31);
  }

  private void trim(int c) {
    int s = cellStart[c];
    int e = cellEnd[c];
    if (s == e || (buffer[s] > ' ' && buffer[e - 1] > ' ')) {
      return; // the usual case: nothing to trim
    }
    while (s < e && isWhitespace(buffer[s])) {
      s++;
    }
    while (e > s && isWhitespace(buffer[e - 1])) {
      e--;
    }
    cellStart[c] = s;
    cellEnd[c] = e;
  }

  private boolean empty(int column) {
    return column < 0 || cellStart[column] == cellEnd[column];
  }

  private void parseRow() {
    if (empty(customerId) || cellEnd[customerId] - cellStart[customerId] > 256) {
      decline("customer_id");
      return;
    }
    String customer = customer();
    String productName = empty(product) ? SubscriptionColumns.DEFAULT_PRODUCT : products.get(product);
    String lineName = empty(lineId) ? productName : lineIds.get(lineId);
    String planName = empty(plan) ? null : plans.get(plan);
    int tierValue = empty(tier) ? PhaseTable.NONE : integer(tier, true);
    int seatCount = empty(seats) ? 0 : integer(seats, false);
    long arrMicros = arrMicros();
    int start = empty(startDate) ? decline("start_date") : date(startDate);
    int end = empty(endDate) ? PhaseTable.NONE : date(endDate) + endShift;
    int signed = empty(signedDate) ? start : date(signedDate);
    int cancelSigned = empty(cancelSignedDate) ? PhaseTable.NONE : date(cancelSignedDate);
    PhaseStatus statusValue = empty(status) ? PhaseStatus.ACTIVE : word(status, PhaseStatus.class);
    PhaseKind kindValue = empty(kind) ? PhaseKind.RECURRING : word(kind, PhaseKind.class);
    if (declined) {
      return;
    }
    if (!clean.add(customer, lineName, productName, planName, tierValue, seatCount, arrMicros,
        start, end, signed, cancelSigned, statusValue, kindValue, lines)) {
      decline("end_date not after start_date");
    }
  }

  /** The customer id; input sorted by customer repeats the previous row's, so that is checked first. */
  private String customer() {
    int s = cellStart[customerId];
    int e = cellEnd[customerId];
    if (lastCustomer != null && java.util.Arrays.equals(buffer, s, e, buffer, lastCustomerStart,
        lastCustomerEnd)) {
      lastCustomerStart = s;
      lastCustomerEnd = e;
      return lastCustomer;
    }
    lastCustomer = new String(buffer, s, e - s, StandardCharsets.ISO_8859_1);
    lastCustomerStart = s;
    lastCustomerEnd = e;
    return lastCustomer;
  }

  /** A whole number of at most 9 digits, optionally negative; anything else gives up. */
  private int integer(int column, boolean negativeAllowed) {
    int s = cellStart[column];
    int e = cellEnd[column];
    boolean negative = buffer[s] == '-';
    if (negative) {
      if (!negativeAllowed) {
        return decline("negative");
      }
      s++;
    }
    if (e - s < 1 || e - s > 9) {
      return decline("number length");
    }
    int value = 0;
    for (int i = s; i < e; i++) {
      int d = buffer[i] - '0';
      if (d < 0 || d > 9) {
        return decline("not a whole number");
      }
      value = value * 10 + d;
    }
    return negative ? -value : value;
  }

  /** The ARR of the row's one price form, exactly as {@code PhaseParser} computes it. */
  private long arrMicros() {
    int filled = (empty(arr) ? 0 : 1) + (empty(mrr) ? 0 : 1) + (empty(amount) ? 0 : 1);
    if (filled != 1) {
      return decline("price forms");
    }
    int column = !empty(arr) ? arr : !empty(mrr) ? mrr : amount;
    long price = micros(column);
    int months = column == arr ? 12 : column == mrr ? 1 : months();
    BigDecimal rate = rate();
    if (declined) {
      return 0;
    }
    try {
      return conversions.arrMicros(rate, price, months);
    } catch (ArithmeticException e) {
      return decline("beyond long arithmetic: " + e.getMessage());
    }
  }

  /** Rows of one currency reuse its conversion. */
  private final ArrConversion.LastRate conversions = new ArrConversion.LastRate();

  /**
   * A plain non-negative decimal as micro-units: digits with at most one point, at most 12 integer
   * digits and at most 6 significant decimals.
   */
  private long micros(int column) {
    int s = cellStart[column];
    int e = cellEnd[column];
    long units = 0;
    long fraction = 0;
    int integerDigits = 0;
    int fractionDigits = 0;
    boolean point = false;
    for (int i = s; i < e; i++) {
      byte b = buffer[i];
      if (b == '.' && !point) {
        point = true;
      } else if (b >= '0' && b <= '9') {
        if (!point) {
          if (++integerDigits > 12) {
            return decline("price too long");
          }
          units = units * 10 + (b - '0');
        } else if (++fractionDigits <= Micros.SCALE) {
          fraction = fraction * 10 + (b - '0');
        } else if (b != '0') {
          return decline("more than 6 decimals");
        }
      } else {
        return decline("not a plain decimal");
      }
    }
    if (integerDigits + fractionDigits == 0) {
      return decline("no digits");
    }
    for (int i = Math.min(fractionDigits, Micros.SCALE); i < Micros.SCALE; i++) {
      fraction *= 10;
    }
    return units * Micros.ONE + fraction;
  }

  private int months() {
    if (empty(billingPeriod)) {
      return decline("billing_period");
    }
    BillingPeriod period = word(billingPeriod, BillingPeriod.class);
    return period == null ? 0 : period.months();
  }

  private BigDecimal rate() {
    if (empty(currency)) {
      return BigDecimal.ONE;
    }
    return word(currency, BigDecimal.class);
  }

  /**
   * A status, kind, billing period or currency rate, parsed once per distinct cell text with the
   * slow path's own parsers; unknown values give up.
   */
  private <T> T word(int column, Class<T> type) {
    int s = cellStart[column];
    int e = cellEnd[column];
    Object value = lastWord[column];
    if (value == null || !java.util.Arrays.equals(buffer, s, e, buffer, lastWordStart[column],
        lastWordEnd[column])) {
      String text = new String(buffer, s, e - s, StandardCharsets.ISO_8859_1);
      String key = type.getSimpleName() + ':' + text;
      value = parsedWords.get(key);
      if (value == null) {
        value = parseWord(text, type);
        parsedWords.put(key, value);
      }
    }
    lastWord[column] = value;
    lastWordStart[column] = s;
    lastWordEnd[column] = e;
    if (value == Boolean.FALSE) {
      decline("unknown " + type.getSimpleName());
      return null;
    }
    return type.cast(value);
  }

  private Object parseWord(String text, Class<?> type) {
    Optional<?> parsed;
    if (type == PhaseStatus.class) {
      parsed = PhaseStatus.parse(text);
    } else if (type == PhaseKind.class) {
      parsed = PhaseKind.parse(text);
    } else if (type == BillingPeriod.class) {
      parsed = BillingPeriod.parse(text);
    } else {
      String code = CurrencyCode.normalise(text);
      parsed = code == null ? Optional.empty() : fx.rate(code);
    }
    return parsed.isPresent() ? parsed.get() : Boolean.FALSE;
  }

  /** A {@code yyyy-MM-dd} calendar date as an epoch day. */
  private int date(int column) {
    int s = cellStart[column];
    if (cellEnd[column] - s != 10 || buffer[s + 4] != '-' || buffer[s + 7] != '-') {
      return decline("date form");
    }
    int year = digits(s, 4);
    int month = digits(s + 5, 2);
    int day = digits(s + 8, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31) {
      return decline("date");
    }
    if (year >= FIRST_TABULATED_YEAR && year < FIRST_TABULATED_YEAR + TABULATED_YEARS) {
      int index = (year - FIRST_TABULATED_YEAR) * 12 + month - 1;
      if (day > MONTH_LENGTH[index]) {
        return decline("date");
      }
      return MONTH_START[index] + day - 1;
    }
    if (day > lengthOfMonth(year, month)) {
      return decline("date");
    }
    return (int) epochDay(year, month, day);
  }

  private static final int FIRST_TABULATED_YEAR = 1900;
  private static final int TABULATED_YEARS = 300;
  /** Epoch day of the first of each month, and each month's length, of the tabulated years. */
  private static final int[] MONTH_START = new int[TABULATED_YEARS * 12];
  private static final int[] MONTH_LENGTH = new int[TABULATED_YEARS * 12];

  static {
    for (int y = 0; y < TABULATED_YEARS; y++) {
      for (int m = 1; m <= 12; m++) {
        int year = FIRST_TABULATED_YEAR + y;
        MONTH_START[y * 12 + m - 1] = (int) epochDay(year, m, 1);
        MONTH_LENGTH[y * 12 + m - 1] = lengthOfMonth(year, m);
      }
    }
  }

  private int digits(int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      int d = buffer[i] - '0';
      if (d < 0 || d > 9) {
        return -1;
      }
      value = value * 10 + d;
    }
    return value;
  }

  private static int lengthOfMonth(int year, int month) {
    return switch (month) {
      case 2 -> isLeap(year) ? 29 : 28;
      case 4, 6, 9, 11 -> 30;
      default -> 31;
    };
  }

  private static boolean isLeap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** {@link java.time.LocalDate#toEpochDay()} without building the date. */
  private static long epochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!isLeap(year)) {
        total--;
      }
    }
    return total - 719_528; // days from 0000-01-01 to 1970-01-01
  }

  private int decline(String reason) {
    if (!declined) {
      declined = true;
      declineReason = reason;
    }
    return 0;
  }

  boolean declined() {
    return declined;
  }

  /** Why the fast path gave up (for diagnostics), or {@code null}. */
  String declineReason() {
    return declineReason;
  }

  /** Physical lines parsed, blank ones included. */
  int lines() {
    return lines;
  }

  /** The rows read and sure; the parser must not be used afterwards. */
  CleanRows rows() {
    return clean;
  }

  /**
   * Repeated short values (line ids, products, plans) without a new string per row: the last few
   * values are compared byte by byte before anything is hashed.
   */
  private final class StringCache {
    private static final int RECENT = 8;
    private final Map<String, String> known = new HashMap<>();
    private final byte[][] recentBytes = new byte[RECENT][];
    private final String[] recent = new String[RECENT];
    private int next;

    String get(int column) {
      int s = cellStart[column];
      int e = cellEnd[column];
      for (int i = 0; i < RECENT && recent[i] != null; i++) {
        byte[] candidate = recentBytes[i];
        if (java.util.Arrays.equals(buffer, s, e, candidate, 0, candidate.length)) {
          return recent[i];
        }
      }
      String text = new String(buffer, s, e - s, StandardCharsets.ISO_8859_1);
      String canonical = known.putIfAbsent(text, text);
      String value = canonical == null ? text : canonical;
      recent[next] = value;
      recentBytes[next] = java.util.Arrays.copyOfRange(buffer, s, e);
      next = (next + 1) % RECENT;
      return value;
    }
  }
}
