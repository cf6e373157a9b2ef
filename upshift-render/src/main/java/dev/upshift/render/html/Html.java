package dev.upshift.render.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Escaping and number formatting for the HTML report; the machine's locale never matters. */
final class Html {
  private Html() {}

  /** Text safe in element content and in quoted attribute values. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** {@code 1,234} */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /**
   * Money in whole currency units, negatives in parentheses as finance reports print them:
   * {@code 1,234} and {@code (1,234)}; {@code –} for {@code null}.
   */
  static String money(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    BigDecimal rounded = value.setScale(0, RoundingMode.HALF_EVEN);
    String text = String.format(Locale.ROOT, "%,d", rounded.abs().toBigInteger());
    return rounded.signum() < 0 ? "(" + text + ")" : text;
  }

  /** A signed count as the money beside it: {@code 1,234} and {@code (1,234)}. */
  static String signedCount(long value) {
    String text = String.format(Locale.ROOT, "%,d", Math.abs(value));
    return value < 0 ? "(" + text + ")" : text;
  }

  /** Money with cents, for tooltips and small amounts: {@code 1,234.56}. */
  static String cents(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    return String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** {@code 12.34%}, {@code (3.20%)} when negative, {@code –} for {@code null}. */
  static String percent(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    BigDecimal rounded = value.setScale(2, RoundingMode.HALF_EVEN);
    String text = String.format(Locale.ROOT, "%,.2f%%", rounded.abs());
    return rounded.signum() < 0 ? "(" + text + ")" : text;
  }

  /** {@code 12.3}, one decimal, {@code –} for {@code null}. */
  static String oneDecimal(BigDecimal value) {
    return value == null ? "–"
        : String.format(Locale.ROOT, "%,.1f", value.setScale(1, RoundingMode.HALF_EVEN));
  }

  /** {@code 12.34}, {@code –} for {@code null}. */
  static String decimal(BigDecimal value) {
    return value == null ? "–"
        : String.format(Locale.ROOT, "%,.2f", value.setScale(2, RoundingMode.HALF_EVEN));
  }

  /** {@code +1.23}/{@code (1.23)} points. */
  static String points(BigDecimal value) {
    if (value == null) {
      return "–";
    }
    String text = decimal(value.abs());
    return value.signum() > 0 ? "+" + text : value.signum() < 0 ? "(" + text + ")" : text;
  }

  /** A currency's symbol where there is a well-known one, else its code and a space. */
  static String symbol(String currency) {
    return switch (currency) {
      case "USD" -> "$";
      case "EUR" -> "€";
      case "GBP" -> "£";
      case "JPY" -> "¥";
      default -> currency + " ";
    };
  }

  /** {@code $38.28M}, {@code $512.4K}, {@code ($12K)}: for headline figures. */
  static String compact(BigDecimal value, String symbol) {
    if (value == null) {
      return "–";
    }
    String text = compactAbs(value.abs(), symbol);
    return value.signum() < 0 ? "(" + text + ")" : text;
  }

  private static String compactAbs(BigDecimal value, String symbol) {
    double a = value.doubleValue();
    String sign = "";
    if (a >= 1e9) {
      return sign + symbol + String.format(Locale.ROOT, "%.2fB", a / 1e9);
    }
    if (a >= 1e6) {
      return sign + symbol + String.format(Locale.ROOT, a >= 1e8 ? "%.0fM" : a >= 1e7 ? "%.1fM" : "%.2fM", a / 1e6);
    }
    if (a >= 1e3) {
      return sign + symbol + String.format(Locale.ROOT, a >= 1e5 ? "%.0fK" : "%.1fK", a / 1e3);
    }
    return sign + symbol + String.format(Locale.ROOT, "%.0f", a);
  }

  /** The CSS class of a signed amount. */
  static String signClass(BigDecimal value) {
    return value == null || value.signum() == 0 ? "" : value.signum() < 0 ? "neg" : "";
  }
}
