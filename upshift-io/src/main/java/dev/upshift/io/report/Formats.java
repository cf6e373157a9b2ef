package dev.upshift.io.report;

import dev.upshift.money.Micros;
import dev.upshift.movement.Component;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where numbers and text turn into characters, so that the table, CSV, ledger and
 * explanation writers can never disagree on a format. Stateless. Public for the renderers in
 * {@code dev.upshift.render} (table, CSV report, explanation), which share it with the ledger.
 *
 * <p>Everything here is locale-independent: digits, separators and signs are written by hand (or by
 * {@link BigDecimal#toPlainString()}), never through {@code String.format} or
 * {@code NumberFormat}, so a German or Hindi default locale changes nothing.
 *
 * <p>Conventions (decided once, here):
 * <ul>
 *   <li>Display numbers ({@link #amount}, {@link #count}, {@link #percent}): comma thousands
 *       separators, a dot before the decimals, money and ratios with exactly 2 decimals (rounded
 *       half-even, §3.3, even when every amount is whole, so columns line up and cents are never
 *       hidden), negatives in parentheses as finance tables show them ({@code (1,234.00)},
 *       {@code (3)}, {@code (5.00%)}), and {@link #NULL} ({@code —}) for an undefined value.
 *   <li>Movements in prose ({@link #signedAmount}): an explicit sign, {@code +18,000.00} or
 *       {@code -40,000.00}, because a sentence reads a change, not a ledger cell.
 *   <li>Machine numbers ({@link #plain}, {@link #appendMicros}): no grouping, a leading {@code -}
 *       for negatives, empty for {@code null}; 2 decimals in reports, all 6 in the ledger.
 *   <li>Text cells of CSV files ({@link #csvText}): neutralised against formula injection, then
 *       quoted per RFC 4180. Number cells never pass through it, so a negative number stays a
 *       number.
 * </ul>
 */
public final class Formats {
  /** What an undefined value (a rate over zero customers, a missing target) looks like. */
  public static final String NULL = "—";

  private static final int DISPLAY_SCALE = 2;

  private Formats() {}

  // ---------------------------------------------------------------------------------- display

  /** Money or a 2-decimal ratio for people: {@code 1,234.50}, {@code (1,234.50)}, or {@code —}. */
  public static String amount(BigDecimal value) {
    if (value == null) {
      return NULL;
    }
    return parenthesised(group(round(value).toPlainString()));
  }

  /** An amount in micro-units for people, like {@link #amount(BigDecimal)}. */
  public static String amount(long micros) {
    return amount(Micros.toReported(micros));
  }

  /** A count for people: {@code 2,500}, {@code (8)}. */
  public static String count(long value) {
    return parenthesised(group(Long.toString(value)));
  }

  /** A nullable count for people, {@code —} when {@code null}. */
  public static String count(Long value) {
    return value == null ? NULL : count(value.longValue());
  }

  /** A percentage for people: {@code 22.50%}, {@code (5.00%)}, or {@code —}. */
  public static String percent(BigDecimal value) {
    if (value == null) {
      return NULL;
    }
    String digits = group(round(value).toPlainString());
    return digits.startsWith("-") ? "(" + digits.substring(1) + "%)" : digits + "%";
  }

  /** A movement in prose, with an explicit sign: {@code +18,000.00}, {@code -40,000.00}. */
  public static String signedAmount(long micros) {
    String grouped = group(Micros.toReported(micros).toPlainString());
    return grouped.startsWith("-") ? grouped : "+" + grouped;
  }

  /** A signed count in prose: {@code +10}, {@code -2}, {@code 0}. */
  public static String signedCount(long value) {
    return value > 0 ? "+" + group(Long.toString(value)) : group(Long.toString(value));
  }

  /** "yes" or "no". */
  public static String yesNo(boolean value) {
    return value ? "yes" : "no";
  }

  /** How people call an ARR component, e.g. {@code Add-on seats}: the same words as SPEC. */
  public static String label(Component component) {
    switch (component) {
      case NEW_LOGO:
        return "New logo";
      case REACTIVATION:
        return "Reactivation";
      case UPSELL:
        return "Upsell";
      case ADD_ON_SEATS:
        return "Add-on seats";
      case ADD_ON_PRICE:
        return "Add-on price";
      case CROSS_SELL:
        return "Cross-sell";
      case DOWNSELL:
        return "Downsell";
      case REDUCTION_SEATS:
        return "Reduction seats";
      case REDUCTION_PRICE:
        return "Reduction price";
      case PRODUCT_CHURN:
        return "Product churn";
      case CHURN:
        return "Churn";
      default:
        throw new AssertionError("unlabelled component " + component);
    }
  }

  // ---------------------------------------------------------------------------------- machine

  /** A number for CSV: 2 decimals, half-even, no grouping ({@code -1234.50}); empty for null. */
  public static String plain(BigDecimal value) {
    return value == null ? "" : round(value).toPlainString();
  }

  /**
   * Appends an amount in micro-units with all 6 decimals ({@code -1234.500000}) without creating
   * a {@link BigDecimal}: the ledger writes millions of these.
   */
  static void appendMicros(StringBuilder out, long micros) {
    if (micros == Long.MIN_VALUE) {
      // The one value whose magnitude does not fit a long; not worth a fast path.
      out.append(Micros.toDecimal(micros).toPlainString());
      return;
    }
    long magnitude = micros;
    if (micros < 0) {
      out.append('-');
      magnitude = -micros;
    }
    out.append(magnitude / Micros.ONE).append('.');
    long fraction = magnitude % Micros.ONE;
    for (long unit = Micros.ONE / 10; unit > 0; unit /= 10) {
      out.append((char) ('0' + fraction / unit));
      fraction %= unit;
    }
  }

  /**
   * A text cell for CSV: neutralised ({@link #neutralise}) and then quoted per RFC 4180 when it
   * contains a comma, a quote, CR or LF (quotes doubled).
   */
  public static String csvText(String text) {
    if (text == null) {
      return "";
    }
    String safe = neutralise(text);
    boolean quote = false;
    for (int i = 0; i < safe.length() && !quote; i++) {
      char c = safe.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  /**
   * Defuses a text value a spreadsheet would run as a formula (CSV injection): one beginning with
   * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
   * {@code '}. Only for text: numbers are written without it.
   */
  static String neutralise(String text) {
    if (text.isEmpty()) {
      return text;
    }
    char first = text.charAt(0);
    boolean formula = first == '=' || first == '+' || first == '-' || first == '@'
        || first == '\t' || first == '\r';
    return formula ? "'" + text : text;
  }

  // ---------------------------------------------------------------------------------- layout

  /** {@code text} right-aligned in {@code width} characters (never truncated). */
  public static String padLeft(String text, int width) {
    return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
  }

  /** {@code text} left-aligned in {@code width} characters (never truncated). */
  public static String padRight(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }

  // ---------------------------------------------------------------------------------- helpers

  private static BigDecimal round(BigDecimal value) {
    return value.setScale(DISPLAY_SCALE, RoundingMode.HALF_EVEN);
  }

  /** {@code -1234567.50} → {@code -1,234,567.50}; the input is a plain decimal string. */
  private static String group(String plain) {
    int start = plain.startsWith("-") ? 1 : 0;
    int dot = plain.indexOf('.');
    int end = dot < 0 ? plain.length() : dot;
    int digits = end - start;
    if (digits <= 3) {
      return plain;
    }
    StringBuilder out = new StringBuilder(plain.length() + digits / 3);
    out.append(plain, 0, start);
    for (int i = start; i < end; i++) {
      if (i > start && (end - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, end, plain.length()).toString();
  }

  /** {@code -1,234.00} → {@code (1,234.00)}. */
  private static String parenthesised(String grouped) {
    return grouped.startsWith("-") ? "(" + grouped.substring(1) + ")" : grouped;
  }
}
