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
    double score = series == null ? Double.NaN : series.scoreAt((int) day.toEpochDay());
    return Double.isNaN(score) ? OptionalDouble.empty() : OptionalDouble.of(score);
  }

  /**
   * One customer's scores, or {@code null} when it has none: for callers that read many dates of
   * one customer and should look it up once.
   */
  public Series series(String customerId) {
    return byCustomer.get(customerId);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** One customer's scores sorted by epoch day. Immutable. */
  public static final class Series implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final int[] days;
    private final double[] scores;

    private Series(int[] days, double[] scores) {
      this.days = days;
      this.scores = scores;
    }

    /** The latest score dated on or before the epoch day, or {@code NaN} when there is none. */
    public double scoreAt(int epochDay) {
      int index = Arrays.binarySearch(days, epochDay);
      if (index < 0) {
        index = -index - 2; // the last entry before the day
      }
      return index < 0 ? Double.NaN : scores[index];
    }
  }

  /** Collects scores in file order. */
  public static final class Builder {
    /** Per customer, its (day, score) pairs in the order put; primitive, for millions of them. */
    private final Map<String, Pairs> scores = new HashMap<>();

    private static final class Pairs {
      int[] days = new int[8];
      double[] values = new double[8];
      int size;
      boolean sorted = true;

      void add(int day, double value) {
        if (size == days.length) {
          days = Arrays.copyOf(days, size * 2);
          values = Arrays.copyOf(values, size * 2);
        }
        sorted &= size == 0 || days[size - 1] < day;
        days[size] = day;
        values[size++] = value;
      }

      /** The series, the last score put for a day winning (§10). */
      Series series() {
        if (sorted) {
          return new Series(Arrays.copyOf(days, size), Arrays.copyOf(values, size));
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
          order[i] = i;
        }
        Arrays.sort(order, (a, b) -> days[a] != days[b] ? Integer.compare(days[a], days[b])
            : Integer.compare(a, b)); // stable: the later put of a day sorts last
        int[] outDays = new int[size];
        double[] outValues = new double[size];
        int n = 0;
        for (int i : order) {
          if (n > 0 && outDays[n - 1] == days[i]) {
            outValues[n - 1] = values[i];
          } else {
            outDays[n] = days[i];
            outValues[n++] = values[i];
          }
        }
        return new Series(Arrays.copyOf(outDays, n), Arrays.copyOf(outValues, n));
      }
    }

    private Builder() {}

    public Builder put(String customerId, LocalDate date, double score) {
      if (!(score >= 0 && score <= 100)) {
        throw new IllegalArgumentException("score must be between 0 and 100: " + score);
      }
      scores.computeIfAbsent(customerId, id -> new Pairs()).add((int) date.toEpochDay(), score);
      return this;
    }

    public HealthScores build() {
      Map<String, Series> built = new HashMap<>(scores.size() * 2);
      scores.forEach((id, pairs) -> built.put(id, pairs.series()));
      return new HealthScores(built);
    }
  }
}
