package dev.upshift.testing;

import dev.upshift.report.PeriodReport;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A period of a report as a flat map keyed by JSON path ({@code arr.upsell}, {@code logos.new},
 * {@code upsellRate.rate}, …), for comparing whole reports in tests. Undefined figures map to
 * {@code null}; target and status are left out.
 */
public final class ReportFigures {
  /** Record component names that differ from the JSON names of §7.2. */
  private static final Map<String, String> JSON_NAMES = Map.of(
      "logos.newLogos", "logos.new", "seats.newSeats", "seats.new");

  private ReportFigures() {}

  public static SortedMap<String, BigDecimal> flatten(PeriodReport period) {
    SortedMap<String, BigDecimal> figures = new TreeMap<>();
    flatten("", period, figures);
    figures.remove("upsellRate.target");
    // How much of the period the data covers is a fact of the period, not a figure to add up.
    figures.keySet().removeIf(key -> key.startsWith("coverage."));
    return figures;
  }

  private static void flatten(String prefix, Record record, SortedMap<String, BigDecimal> out) {
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      Object value;
      try {
        value = component.getAccessor().invoke(record);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      String key = prefix + component.getName();
      key = JSON_NAMES.getOrDefault(key, key);
      if (value instanceof Record nested) {
        flatten(key + ".", nested, out);
      } else if (value instanceof BigDecimal decimal) {
        out.put(key, decimal);
      } else if (value instanceof Long || value instanceof Integer) {
        out.put(key, BigDecimal.valueOf(((Number) value).longValue()));
      } else if (value == null) {
        out.put(key, null);
      }
    }
  }
}
