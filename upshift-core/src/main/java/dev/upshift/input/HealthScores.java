package dev.upshift.input;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Time-varying health scores from {@code health.csv} (§1.2): for each customer, scores 0–100 by
 * date. When a date has several scores the last one read wins (§10). Immutable once built.
 */
public final class HealthScores implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final HealthScores EMPTY = new HealthScores(Map.of());

  private final Map<String, Series> byCustomer;

  private HealthScores(Map<String, Series> byCustomer) {
    this.byCustomer = byCustomer;
  }

  public static HealthScores empty() {
    return EMPTY;
  }

  public boolean isEmpty() {
    return byCustomer.isEmpty();
  }

  /** The latest score dated on or before {@code day}, if any. */
  public OptionalDouble scoreAt(String customerId, LocalDate day) {
    Series series = byCustomer.get(customerId);
    return series == null ? OptionalDouble.empty() : series.at((int) day.toEpochDay());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One customer's scores sorted by epoch day. */
  private record Series(int[] days, double[] scores) implements java.io.Serializable {
    OptionalDouble at(int day) {
      int index = Arrays.binarySearch(days, day);
      if (index < 0) {
        index = -index - 2; // the last entry before day
      }
      return index < 0 ? OptionalDouble.empty() : OptionalDouble.of(scores[index]);
    }
  }

  /** Collects scores in file order. */
  public static final class Builder {
    private final Map<String, Map<Integer, Double>> scores = new HashMap<>();

    private Builder() {}

    public Builder put(String customerId, LocalDate date, double score) {
      if (!(score >= 0 && score <= 100)) {
        throw new IllegalArgumentException("score must be between 0 and 100: " + score);
      }
      scores.computeIfAbsent(customerId, id -> new HashMap<>()).put((int) date.toEpochDay(), score);
      return this;
    }

    public HealthScores build() {
      Map<String, Series> built = new HashMap<>();
      scores.forEach((id, byDay) -> {
        int[] days = byDay.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = Arrays.stream(days).mapToDouble(byDay::get).toArray();
        built.put(id, new Series(days, values));
      });
      return new HealthScores(Map.copyOf(built));
    }
  }
}
