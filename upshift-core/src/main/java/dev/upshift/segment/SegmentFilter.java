package dev.upshift.segment;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * {@code dim=value}: one value of one segment dimension, used by {@code --where} and by segment
 * targets. Dimension names are case-insensitive and kept lower-cased; values are case-sensitive.
 */
public record SegmentFilter(String dimension, String value) implements java.io.Serializable {
  public SegmentFilter {
    requireNonNull(dimension, "dimension is null");
    requireNonNull(value, "value is null");
    dimension = dimension.trim().toLowerCase(Locale.ROOT);
    value = value.trim();
    if (dimension.isEmpty()) {
      throw new IllegalArgumentException("segment dimension is empty");
    }
  }

  /**
   * Parses {@code dim=value}.
   *
   * @throws IllegalArgumentException when there is no {@code =} or the dimension is empty
   */
  public static SegmentFilter parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("expected DIM=VALUE, got '" + text + "'");
    }
    return new SegmentFilter(text.substring(0, eq), text.substring(eq + 1));
  }

  @Override
  public String toString() {
    return dimension + "=" + value;
  }
}
