package dev.upshift.metric;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The window the Upsell Rate is measured over instead of the period (§5.5 "window"): each
 * customer's first {@code days} days after its first active date, "what share of the customers we
 * landed expanded within their first 90 days?". Immutable and serialisable.
 *
 * <p>A customer's window runs from the snapshot at its first active date {@code f} to the snapshot
 * at {@code e = f + days}; the customer counts in the one period that contains {@code e}.
 *
 * @param kind what the window is counted from; onboarding is the only kind SPEC defines
 * @param days the window's length in days, at least 1
 */
public record RateWindow(Kind kind, int days) implements java.io.Serializable {
  /** What a window is counted from. */
  public enum Kind {
    /** The customer's first active date (§3.2), in the report's book. */
    ONBOARDING;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public RateWindow {
    requireNonNull(kind, "kind is null");
    if (days < 1) {
      throw new IllegalArgumentException("a rate window needs at least 1 day, not " + days);
    }
  }

  /** The first {@code days} days after onboarding. */
  public static RateWindow onboarding(int days) {
    return new RateWindow(Kind.ONBOARDING, days);
  }

  /**
   * Parses {@code onboarding:N} (the kind case-insensitive, blanks around the parts ignored).
   *
   * @throws IllegalArgumentException naming what is wrong and what is expected
   */
  public static RateWindow parse(String text) {
    requireNonNull(text, "text is null");
    String expected = "expected onboarding:N with N whole days >= 1, e.g. onboarding:90";
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException(expected + ", not '" + text + "'");
    }
    String kind = text.substring(0, colon).trim();
    if (!kind.equalsIgnoreCase(Kind.ONBOARDING.code())) {
      throw new IllegalArgumentException("unknown rate window '" + kind
          + "': the only window is onboarding (" + expected + ")");
    }
    String days = text.substring(colon + 1).trim();
    if (!days.matches("[0-9]{1,9}")) {
      throw new IllegalArgumentException(expected + ", not '" + text + "'");
    }
    int n = Integer.parseInt(days);
    if (n < 1) {
      throw new IllegalArgumentException(expected + ", not '" + text + "'");
    }
    return onboarding(n);
  }

  /** The option's text, {@code onboarding:90}: what {@code config.rateWindow} echoes. */
  public String code() {
    return kind.code() + ":" + days;
  }

  /** How outputs name the window beside the rate: {@code first 90 days}. */
  public String label() {
    return "first " + days + (days == 1 ? " day" : " days");
  }

  @Override
  public String toString() {
    return code();
  }
}
