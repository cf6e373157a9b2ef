package dev.upshift.cli;

import dev.upshift.metric.RateCounting;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.UpsellMember;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The options that select what a report computes (§7.1), shared by {@code report} and {@code explain}. */
final class ReportSelection {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--from", paramLabel = "YYYY-MM",
      description = "First month reported (default: month of the earliest start_date).")
  String from;

  @Option(names = "--to", paramLabel = "YYYY-MM",
      description = "Last month reported (default: month of the latest start_date or end_date).")
  String to;

  @Option(names = "--grain", paramLabel = "month|quarter|year", defaultValue = "month",
      converter = EnumValues.Grains.class, completionCandidates = EnumValues.Grains.class,
      description = "Period length (default: ${DEFAULT-VALUE}).")
  Grain grain;

  @Option(names = "--fiscal-year-start", paramLabel = "M", defaultValue = "1",
      description = "Month (1-12) in which fiscal quarters and years start (default: ${DEFAULT-VALUE}).")
  int fiscalYearStart;

  @Option(names = "--book", paramLabel = "live|contracted", defaultValue = "live",
      converter = EnumValues.Books.class, completionCandidates = EnumValues.Books.class,
      description = "live: phases count on effective dates; contracted: when signed (CARR). Default: ${DEFAULT-VALUE}.")
  Book book;

  @Option(names = "--by", paramLabel = "DIM[,DIM]", split = ",",
      description = "Cut the report by dimensions: tenure, initial_arr, health, plan, cohort, or any customers.csv column.")
  List<String> by = List.of();

  @Option(names = "--where", paramLabel = "DIM=VALUE",
      description = "Filter the whole report to one segment.")
  String where;

  @Option(names = "--upsell-definition", paramLabel = "expansion|tier,seats,add_on,cross_sell",
      defaultValue = "expansion",
      description = "What counts as upsold for the Upsell Rate (default: ${DEFAULT-VALUE} = all four).")
  String upsellDefinition;

  @Option(names = "--rate-counting", paramLabel = "any|net", defaultValue = "any",
      converter = EnumValues.RateCountings.class, completionCandidates = EnumValues.RateCountings.class,
      description = "Multi-month periods: upsold in any month (any) or over the period as a whole (net). Default: ${DEFAULT-VALUE}.")
  RateCounting rateCounting;

  @Option(names = "--min-tenure-months", paramLabel = "N", defaultValue = "0",
      description = "Eligibility: at least N whole months since first active (default: ${DEFAULT-VALUE}).")
  int minTenureMonths;

  @Option(names = "--exclude-top-tier",
      description = "Eligibility: drop customers whose every product is at its top tier.")
  boolean excludeTopTier;

  @Option(names = "--min-expansion-arr", paramLabel = "X", defaultValue = "0",
      description = "Upsold only with qualifying ARR of at least X (seats when the definition is seats alone).")
  BigDecimal minExpansionArr;

  @Option(names = "--rate-window", paramLabel = "onboarding:N", converter = RateWindows.class,
      description = "Measure the Upsell Rate over each customer's first N days from its first active "
          + "date, counted in the period where they end, instead of over each period (no quarter "
          + "to date; not with --analysis).")
  RateWindow rateWindow;

  @Option(names = "--opening-balance", paramLabel = "YYYY-MM",
      description = "The month the data starts with an opening balance: customers active on its "
          + "first day start it as starting ARR, seats and logos instead of new logos; no "
          + "movements before it (default --from; --from may not be earlier).")
  String openingBalance;

  @Option(names = "--tenure-buckets", paramLabel = "N,N,...", split = ",",
      description = "Upper edges in months of the tenure segments (default: 6,12,24).")
  List<Integer> tenureEdges;

  @Option(names = "--arr-buckets", paramLabel = "X,X,...", split = ",",
      description = "Edges of the initial_arr segments (default: 10000,50000).")
  List<BigDecimal> arrEdges;

  /** The options, or a usage error naming the offending flag. */
  ReportOptions toOptions() {
    ReportOptions.Builder builder = ReportOptions.builder()
        .from(month("--from", from))
        .to(month("--to", to))
        .grain(grain)
        .fiscalYearStart(fiscalYearStart)
        .book(book)
        .by(by)
        .rateCounting(rateCounting)
        .minTenureMonths(minTenureMonths)
        .excludeTopTier(excludeTopTier)
        .minExpansionArr(minExpansionArr)
        .rateWindow(rateWindow)
        .openingBalance(month("--opening-balance", openingBalance));
    try {
      builder.upsellDefinition(UpsellMember.parseDefinition(upsellDefinition));
      if (where != null) {
        builder.where(SegmentFilter.parse(where));
      }
      if (tenureEdges != null) {
        builder.tenureEdges(tenureEdges);
      }
      if (arrEdges != null) {
        builder.initialArrEdges(arrEdges);
      }
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  /** {@code --rate-window}: a bad value is a usage error that says what is expected. */
  static final class RateWindows implements ITypeConverter<RateWindow> {
    @Override
    public RateWindow convert(String text) {
      try {
        return RateWindow.parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  private YearMonth month(String option, String value) {
    if (value == null) {
      return null;
    }
    try {
      return YearMonth.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw usage(option + " must be a month like 2026-03, not '" + value + "'");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
