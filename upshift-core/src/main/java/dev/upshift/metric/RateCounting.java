package dev.upshift.metric;

import java.util.Locale;
import java.util.Optional;

/** How a multi-month period decides whether a customer upsold (§5.5). */
public enum RateCounting {
  /** Upsold in at least one calendar month of the period, each month on its own snapshots. */
  ANY,
  /** The period measured as a whole, from its opening to its closing snapshot. */
  NET;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RateCounting> parse(String text) {
    for (RateCounting counting : values()) {
      if (counting.code().equalsIgnoreCase(text.trim())) {
        return Optional.of(counting);
      }
    }
    return Optional.empty();
  }
}
