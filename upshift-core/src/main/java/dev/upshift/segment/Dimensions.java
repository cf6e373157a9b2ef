package dev.upshift.segment;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The built-in dimensions of §6.1 and the lookup of a dimension by name. A name that is neither
 * built in nor a {@code customers.csv} column is a usage error.
 */
public final class Dimensions {
  /** Names of the built-in dimensions. */
  public static final List<String> BUILT_IN =
      List.of("tenure", "initial_arr", "health", "plan", "cohort");

  private Dimensions() {}

  /**
   * Resolves a dimension name.
   *
   * @throws IllegalArgumentException when the name is unknown, listing the known ones
   */
  public static Dimension resolve(String name, List<Integer> tenureEdges,
      List<BigDecimal> initialArrEdges, CustomerAttributes customers) {
    String key = name.trim().toLowerCase(Locale.ROOT);
    return switch (key) {
      case "tenure" -> tenure(tenureEdges);
      case "initial_arr" -> initialArr(initialArrEdges);
      case "health" -> health();
      case "plan" -> simple("plan", f -> orUnknown(f.planOfLargestProduct()));
      case "cohort" -> simple("cohort", f -> f.everActive()
          ? f.firstActiveDate().toString().substring(0, 7) : Dimension.UNKNOWN);
      default -> {
        if (!customers.hasAttribute(key)) {
          List<String> known = new ArrayList<>(BUILT_IN);
          known.addAll(customers.names().stream().filter(n -> !n.equals("customer_id")).toList());
          throw new IllegalArgumentException(
              "unknown dimension '" + name + "' (known: " + String.join(", ", known) + ")");
        }
        yield new Dimension() {
          @Override
          public String name() {
            return key;
          }

          @Override
          public String valueOf(String customerId, SegmentFacts facts) {
            return customers.value(customerId, key).orElse(UNKNOWN);
          }

          @Override
          public boolean varies() {
            return false;
          }
        };
      }
    };
  }

  private interface Rule {
    String apply(SegmentFacts facts);
  }

  private static Dimension simple(String name, Rule rule) {
    return simple(name, rule, unknownLast(Comparator.naturalOrder()));
  }

  private static Dimension simple(String name, Rule rule, Comparator<String> order) {
    return new Dimension() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String valueOf(String customerId, SegmentFacts facts) {
        return rule.apply(facts);
      }

      @Override
      public Comparator<String> valueOrder() {
        return order;
      }
    };
  }

  /** {@code order}, with {@link Dimension#UNKNOWN} after every other value. */
  static Comparator<String> unknownLast(Comparator<String> order) {
    return Comparator.comparing((String v) -> v.equals(Dimension.UNKNOWN)).thenComparing(order);
  }

  /** The order of a list of bucket labels; anything else after them, alphabetically. */
  private static Comparator<String> inOrderOf(List<String> labels) {
    return unknownLast(Comparator.comparingInt((String v) -> {
      int index = labels.indexOf(v);
      return index < 0 ? labels.size() : index;
    }).thenComparing(Comparator.naturalOrder()));
  }

  private static String orUnknown(String value) {
    return value == null || value.isEmpty() ? Dimension.UNKNOWN : value;
  }

  /** Tenure buckets: with edges 6, 12, 24 they are {@code 0-6}, {@code 7-12}, {@code 13-24}, {@code 25+}. */
  static Dimension tenure(List<Integer> edges) {
    List<String> labels = tenureLabels(edges);
    int[] upper = edges.stream().mapToInt(Integer::intValue).toArray(); // unboxed: read per row
    String[] label = labels.toArray(String[]::new);
    return simple("tenure", facts -> {
      int months = facts.tenureMonths();
      if (months < 0) {
        return Dimension.UNKNOWN;
      }
      for (int i = 0; i < upper.length; i++) {
        if (months <= upper[i]) {
          return label[i];
        }
      }
      return label[upper.length];
    }, inOrderOf(labels));
  }

  /**
   * Initial-ARR buckets: with edges 10,000 and 50,000 they are {@code <10K} (below 10,000),
   * {@code 10K-50K} (10,000 to 50,000 inclusive) and {@code >50K}. With more edges the middle
   * buckets are {@code e1-e2} = [e1, e2], then {@code e2-e3} = (e2, e3], and so on.
   */
  static Dimension initialArr(List<BigDecimal> edges) {
    long[] micros = edges.stream().mapToLong(Micros::of).toArray();
    List<String> labels = initialArrLabels(edges);
    return simple("initial_arr", facts -> {
      if (!facts.everActive()) {
        return Dimension.UNKNOWN;
      }
      long initial = facts.initialArrMicros();
      if (initial < micros[0]) {
        return labels.get(0);
      }
      for (int i = 1; i < micros.length; i++) {
        if (initial <= micros[i]) {
          return labels.get(i);
        }
      }
      return labels.get(micros.length);
    }, inOrderOf(labels));
  }

  /**
   * Health buckets: {@code High} (≥ 80), {@code Medium} (≥ 60), {@code Low} (< 60), {@code Unknown}:
   * the latest score dated on or before the anchor day ({@link SegmentFacts#healthScore()}).
   */
  static Dimension health() {
    return new Dimension() {
      @Override
      public String name() {
        return "health";
      }

      @Override
      public String valueOf(String customerId, SegmentFacts facts) {
        // The engine looks the customer's scores up once and passes them in the facts.
        double score = facts.healthScore();
        return Double.isNaN(score) ? UNKNOWN : healthBucket(score);
      }

      @Override
      public Comparator<String> valueOrder() {
        return inOrderOf(HEALTH_LABELS);
      }
    };
  }

  /** The tenure bucket labels of these edges, in order. */
  static List<String> tenureLabels(List<Integer> edges) {
    List<String> labels = new ArrayList<>();
    int low = 0;
    for (int edge : edges) {
      labels.add(low + "-" + edge);
      low = edge + 1;
    }
    labels.add(low + "+");
    return labels;
  }

  /** The initial-ARR bucket labels of these edges, in order. */
  static List<String> initialArrLabels(List<BigDecimal> edges) {
    List<String> labels = new ArrayList<>();
    labels.add("<" + shortAmount(edges.get(0)));
    for (int i = 1; i < edges.size(); i++) {
      labels.add(shortAmount(edges.get(i - 1)) + "-" + shortAmount(edges.get(i)));
    }
    labels.add(">" + shortAmount(edges.get(edges.size() - 1)));
    return labels;
  }

  /** The health bucket labels, in order. */
  static final List<String> HEALTH_LABELS = List.of("High", "Medium", "Low");

  /** The health bucket of a score. */
  public static String healthBucket(double score) {
    return score >= 80 ? "High" : score >= 60 ? "Medium" : "Low";
  }

  /** 10000 → {@code 10K}, 1500000 → {@code 1.5M}, 2500 → {@code 2.5K}, 999 → {@code 999}. */
  static String shortAmount(BigDecimal amount) {
    BigDecimal million = BigDecimal.valueOf(1_000_000);
    BigDecimal thousand = BigDecimal.valueOf(1_000);
    if (amount.compareTo(million) >= 0) {
      return amount.divide(million).stripTrailingZeros().toPlainString() + "M";
    }
    if (amount.compareTo(thousand) >= 0) {
      return amount.divide(thousand).stripTrailingZeros().toPlainString() + "K";
    }
    return amount.stripTrailingZeros().toPlainString();
  }
}
