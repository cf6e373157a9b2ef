package dev.upshift.segment;

import dev.upshift.input.Dataset;
import dev.upshift.input.NearMatches;
import dev.upshift.input.PhaseTable;
import dev.upshift.report.ReportOptions;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The values a segment dimension can take on a dataset, so that a filter ({@code --where
 * plan=premium} on the command line, {@code where=} of the service) that can match no customer is
 * refused with the values it could have named, instead of giving a report of zeros that looks
 * like a real one. The command line checks it; the library does not, since a filter that matches
 * nobody in one dataset may be a real segment of another.
 */
public final class SegmentValues {
  /** How many values a message lists before it only counts the rest. */
  private static final int LISTED = 20;

  private SegmentValues() {}

  /**
   * Checks that a filter names a dimension of the dataset and a value it can take.
   *
   * @throws IllegalArgumentException naming the filter, the known dimensions or values, and the
   *     nearest ones ("did you mean")
   */
  public static void check(SegmentFilter where, Dataset dataset, ReportOptions options) {
    List<String> dimensions = new ArrayList<>(Dimensions.BUILT_IN);
    dataset.customers().names().stream().filter(name -> !name.equals("customer_id"))
        .forEach(dimensions::add);
    String dimension = where.dimension();
    if (!dimensions.contains(dimension)) {
      throw new IllegalArgumentException("where " + where + ": unknown dimension '" + dimension
          + "'" + NearMatches.didYouMean(dimension, dimensions) + "; the dimensions are "
          + String.join(", ", dimensions));
    }
    String value = where.value();
    if (value.equals(Dimension.UNKNOWN)) {
      return;
    }
    if (dimension.equals("cohort")) {
      try {
        YearMonth.parse(value);
        return;
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("where " + where + ": a cohort is the month a"
            + " customer was first active, like 2024-03 (or " + Dimension.UNKNOWN + ")");
      }
    }
    Set<String> values = values(dimension, dataset, options);
    if (!values.contains(value)) {
      throw new IllegalArgumentException("where " + where + ": no customer can have " + dimension
          + " '" + value + "'" + NearMatches.didYouMean(value, values) + "; the values of "
          + dimension + " are " + listed(values) + " (values are case-sensitive)");
    }
  }

  /**
   * The values of a dimension other than {@code cohort}, {@link Dimension#UNKNOWN} last: bucket
   * labels for bucketed dimensions, plan names of the phases, values of a customers.csv column.
   */
  static Set<String> values(String dimension, Dataset dataset, ReportOptions options) {
    Set<String> values = new LinkedHashSet<>();
    switch (dimension.toLowerCase(Locale.ROOT)) {
      case "tenure" -> values.addAll(Dimensions.tenureLabels(options.tenureEdges()));
      case "initial_arr" -> values.addAll(Dimensions.initialArrLabels(options.initialArrEdges()));
      case "health" -> values.addAll(Dimensions.HEALTH_LABELS);
      case "plan" -> {
        PhaseTable table = dataset.table();
        List<String> plans = new ArrayList<>();
        for (int i = 0; i < table.planCount(); i++) {
          String plan = table.planName(i);
          if (plan != null && !plan.isEmpty()) {
            plans.add(plan);
          }
        }
        plans.stream().sorted().forEach(values::add);
      }
      default -> values.addAll(dataset.customers().values(dimension));
    }
    values.add(Dimension.UNKNOWN);
    return values;
  }

  private static String listed(Collection<String> values) {
    List<String> shown = values.stream().limit(LISTED).toList();
    return String.join(", ", shown)
        + (values.size() > LISTED ? ", ... (" + values.size() + " in all)" : "");
  }
}
