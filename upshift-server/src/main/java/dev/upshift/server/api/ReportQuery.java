package dev.upshift.server.api;

import dev.upshift.io.csv.InputFiles;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.UpsellMember;
import dev.upshift.money.Micros;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.server.report.ReportRequest;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The report options of a request's query (SPEC §8.4): the §7.1 options named in camelCase, with
 * the command line's defaults and rules. An unknown parameter, a parameter given twice or a bad
 * value is a 400 that names it. Immutable.
 */
final class ReportQuery {
  /** The §7.1 options every report endpoint takes. */
  static final List<String> OPTIONS = List.of("from", "to", "grain", "fiscalYearStart", "book",
      "by", "where", "upsellDefinition", "rateCounting", "minTenureMonths", "excludeTopTier",
      "minExpansionArr", "currency", "tenureBuckets", "arrBuckets", "rateWindow",
      "openingBalance");

  private final Map<String, List<String>> query;

  /**
   * @param query the request's parameters
   * @param extra the parameters the endpoint takes besides {@link #OPTIONS}
   */
  ReportQuery(Map<String, List<String>> query, List<String> extra) {
    Set<String> allowed = new LinkedHashSet<>(OPTIONS);
    allowed.addAll(extra);
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (!allowed.contains(parameter.getKey())) {
        throw ApiException.badRequest("unknown parameter '" + parameter.getKey() + "'; this"
            + " endpoint takes " + String.join(", ", allowed));
      }
      if (parameter.getValue().size() > 1 && !parameter.getKey().equals("by")) {
        throw ApiException.badRequest("parameter '" + parameter.getKey() + "' is given "
            + parameter.getValue().size() + " times; give it once");
      }
    }
    this.query = query;
  }

  /** The one value of a parameter, trimmed, or empty when absent or blank. */
  Optional<String> value(String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty() || values.get(0).isBlank()) {
      return Optional.empty();
    }
    return Optional.of(values.get(0).strip());
  }

  /** The request: options, analysis and cohorts, reporting currency. */
  ReportRequest request() {
    ReportOptions.Builder builder = ReportOptions.builder()
        .from(month("from"))
        .to(month("to"))
        .openingBalance(month("openingBalance"));
    value("grain").map(v -> choice("grain", v, Grain::parse, "month, quarter or year"))
        .ifPresent(builder::grain);
    value("fiscalYearStart").map(v -> whole("fiscalYearStart", v)).ifPresent(builder::fiscalYearStart);
    value("book").map(v -> choice("book", v, Book::parse, "live or contracted"))
        .ifPresent(builder::book);
    builder.by(by());
    value("rateCounting").map(v -> choice("rateCounting", v, RateCounting::parse, "any or net"))
        .ifPresent(builder::rateCounting);
    value("minTenureMonths").map(v -> whole("minTenureMonths", v)).ifPresent(builder::minTenureMonths);
    value("excludeTopTier").map(v -> bool("excludeTopTier", v)).ifPresent(builder::excludeTopTier);
    value("minExpansionArr").map(v -> decimal("minExpansionArr", v)).ifPresent(builder::minExpansionArr);
    try {
      value("upsellDefinition").map(UpsellMember::parseDefinition).ifPresent(builder::upsellDefinition);
      value("where").map(ReportQuery::segment).ifPresent(builder::where);
      value("rateWindow").map(RateWindow::parse).ifPresent(builder::rateWindow);
      value("tenureBuckets").map(v -> list("tenureBuckets", v, s -> whole("tenureBuckets", s)))
          .ifPresent(builder::tenureEdges);
      value("arrBuckets").map(v -> list("arrBuckets", v, s -> decimal("arrBuckets", s)))
          .ifPresent(builder::initialArrEdges);
      ReportOptions options = builder.build();
      boolean analysis = value("analysis").map(v -> bool("analysis", v)).orElse(false);
      Grain cohortGrain = value("cohortGrain").map(v -> choice("cohortGrain", v, Grain::parse,
          "month or quarter")).orElse(null);
      if (cohortGrain == Grain.YEAR) {
        throw ApiException.badRequest("cohortGrain must be month or quarter, not year");
      }
      return new ReportRequest(options, analysis, cohortGrain, currency());
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private String currency() {
    String currency = value("currency").orElse(InputFiles.DEFAULT_CURRENCY);
    if (!currency.matches("[A-Za-z]{3}")) {
      throw ApiException.badRequest("currency must be a three-letter ISO 4217 code, not '"
          + currency + "'");
    }
    return currency.toUpperCase(Locale.ROOT);
  }

  private List<String> by() {
    List<String> dimensions = new ArrayList<>();
    for (String value : query.getOrDefault("by", List.of())) {
      Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
          .forEach(dimensions::add);
    }
    return dimensions;
  }

  /** {@code dim=value}. */
  static SegmentFilter segment(String text) {
    try {
      return SegmentFilter.parse(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("'" + text + "' is not a segment; write DIM=VALUE, such as"
          + " region=EMEA");
    }
  }

  private YearMonth month(String name) {
    return value(name).map(v -> {
      try {
        return YearMonth.parse(v);
      } catch (DateTimeParseException e) {
        throw ApiException.badRequest(name + " must be a month like 2026-03, not '" + v + "'");
      }
    }).orElse(null);
  }

  private static <E> E choice(String name, String value, Function<String, Optional<E>> parse,
      String allowed) {
    return parse.apply(value).orElseThrow(() -> ApiException.badRequest(
        name + ": '" + value + "' is not " + allowed));
  }

  static int whole(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'");
    }
  }

  /** An amount: a decimal that fits the engine's micro-units (at most 13 integer digits). */
  private static BigDecimal decimal(String name, String value) {
    BigDecimal amount;
    try {
      amount = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " must be a decimal number, not '" + value + "'");
    }
    // Its integer digits, counted before scaling: 1e400 must not become a 400-digit number.
    try {
      if (amount.signum() != 0 && (long) amount.precision() - amount.scale() > 13) {
        throw new ArithmeticException("too many digits");
      }
      Micros.of(amount);
    } catch (ArithmeticException e) {
      throw ApiException.badRequest(name + " is too large: amounts are at most "
          + Micros.toDecimal(Long.MAX_VALUE).toPlainString() + ", not '" + value + "'");
    }
    return amount;
  }

  private static boolean bool(String name, String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badRequest(name + " must be true or false, not '" + value + "'");
    };
  }

  private static <T> List<T> list(String name, String value, Function<String, T> each) {
    List<T> items = new ArrayList<>();
    for (String part : value.split(",")) {
      if (part.isBlank()) {
        throw ApiException.badRequest(name + " has an empty item: '" + value + "'");
      }
      items.add(each.apply(part));
    }
    return items;
  }
}
