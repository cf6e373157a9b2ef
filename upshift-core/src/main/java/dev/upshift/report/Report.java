package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Analysis;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete report (§7.2): the configuration it was computed with, what was read, every period,
 * and the same periods per segment. Immutable; money is exact until a writer rounds it.
 *
 * @param segments dimension → value → periods; a value is listed when any of its numbers is
 *     non-zero; empty without {@code --by}
 * @param analysis the analysis sections of §6.2–§6.6, or {@code null} when not requested (see
 *     {@link dev.upshift.Upshift#analyze})
 */
public record Report(String schema, String currency, Grain grain, Book book, ReportConfig config,
    InputInfo input, List<PeriodReport> periods,
    Map<String, Map<String, List<PeriodReport>>> segments, Analysis analysis) {

  /** The schema name of §7.2. */
  public static final String SCHEMA = "upshift.report/v1";

  public Report {
    requireNonNull(schema, "schema is null");
    requireNonNull(currency, "currency is null");
    requireNonNull(grain, "grain is null");
    requireNonNull(book, "book is null");
    requireNonNull(config, "config is null");
    requireNonNull(input, "input is null");
    periods = List.copyOf(periods);
    Map<String, Map<String, List<PeriodReport>>> copy = new LinkedHashMap<>();
    segments.forEach((dim, values) -> {
      Map<String, List<PeriodReport>> byValue = new LinkedHashMap<>();
      values.forEach((value, list) -> byValue.put(value, List.copyOf(list)));
      copy.put(dim, Collections.unmodifiableMap(byValue));
    });
    segments = Collections.unmodifiableMap(copy);
  }

  /** A report without analysis. */
  public Report(String schema, String currency, Grain grain, Book book, ReportConfig config,
      InputInfo input, List<PeriodReport> periods,
      Map<String, Map<String, List<PeriodReport>>> segments) {
    this(schema, currency, grain, book, config, input, periods, segments, null);
  }

  /** This report with its {@code input} section replaced (to add how the input was read). */
  public Report withInput(InputInfo value) {
    return new Report(schema, currency, grain, book, config, value, periods, segments, analysis);
  }

  /** This report with the analysis sections replaced ({@code null} removes them). */
  public Report withAnalysis(Analysis value) {
    return new Report(schema, currency, grain, book, config, input, periods, segments, value);
  }
}
