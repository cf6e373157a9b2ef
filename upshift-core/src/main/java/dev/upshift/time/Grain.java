package dev.upshift.time;

import java.util.Locale;
import java.util.Optional;

/** The length of a report period (§2.1). */
public enum Grain {
  MONTH(1),
  QUARTER(3),
  YEAR(12);

  private final int months;

  Grain(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }

  /** The lower-case name used on the command line and in JSON. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Grain> parse(String text) {
    for (Grain grain : values()) {
      if (grain.code().equalsIgnoreCase(text.trim())) {
        return Optional.of(grain);
      }
    }
    return Optional.empty();
  }
}
