package dev.upshift.report;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The unit the money of a report is shown in ({@code --unit}): annual recurring revenue as
 * computed, or monthly, which is ARR / 12 (§5.1). Only views change; the engine, the JSON report
 * (§7.2) and the ledger (§7.3) stay in ARR.
 *
 * <p>{@link #apply} divides every money figure of the periods (the ARR bridge, the upsold
 * customers' expansion ARR and its average, ARPA and ARPU) by 12 at 10 decimal places, half-even.
 * A figure is exact at 6 decimals, so its twelfth either ends within 8 decimals or repeats a 3 or
 * a 6: rounding that value to the 2 decimals of an output gives the rounding of the exact
 * twelfth. Counts, rates, ratios of counts, growth and targets are unchanged. The analysis
 * sections are left in ARR (their labels say so).
 */
public enum MoneyUnit {
  ARR,
  MRR;

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
  private static final int SCALE = 10;
  private static final Pattern ARR_WORD = Pattern.compile("\\bARR\\b");

  /** {@code arr} or {@code mrr}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The unit of a code ({@code arr}, {@code mrr}, any case). */
  public static MoneyUnit parse(String code) {
    requireNonNull(code, "code is null");
    for (MoneyUnit unit : values()) {
      if (unit.code().equalsIgnoreCase(code.trim())) {
        return unit;
      }
    }
    throw new IllegalArgumentException("unknown unit '" + code + "': expected arr or mrr");
  }

  /** A label with the word ARR replaced by this unit's ({@code Starting ARR} → {@code Starting MRR}). */
  public String relabel(String label) {
    return this == ARR || label == null ? label : ARR_WORD.matcher(label).replaceAll("MRR");
  }

  /** An amount in this unit. */
  public BigDecimal of(BigDecimal arr) {
    return this == ARR || arr == null ? arr : arr.divide(TWELVE, SCALE, RoundingMode.HALF_EVEN);
  }

  /** The report with every money figure of its periods and segments in this unit. */
  public Report apply(Report report) {
    if (this == ARR) {
      return report;
    }
    Map<String, Map<String, List<PeriodReport>>> segments = new LinkedHashMap<>();
    report.segments().forEach((dimension, values) -> {
      Map<String, List<PeriodReport>> byValue = new LinkedHashMap<>();
      values.forEach((value, periods) -> byValue.put(value, periods(periods)));
      segments.put(dimension, byValue);
    });
    return new Report(report.schema(), report.currency(), report.grain(), report.book(),
        report.config(), report.input(), periods(report.periods()), segments, report.analysis());
  }

  private List<PeriodReport> periods(List<PeriodReport> periods) {
    return periods.stream().map(this::period).toList();
  }

  private PeriodReport period(PeriodReport p) {
    ArrBridge a = p.arr();
    ArrBridge arr = new ArrBridge(of(a.starting()), of(a.newLogo()), of(a.reactivation()),
        of(a.upsell()), of(a.upsellRamp()), of(a.addOnSeats()), of(a.addOnPrice()),
        of(a.crossSell()), of(a.downsell()), of(a.reductionSeats()), of(a.reductionPrice()),
        of(a.productChurn()), of(a.churn()), of(a.expansion()), of(a.contraction()),
        of(a.netNew()), of(a.ending()));
    UpsellRateFigures r = p.upsellRate();
    UpsellRateFigures rate = new UpsellRateFigures(r.eligible(), r.upsold(), r.rate(),
        of(r.upsoldArr()), of(r.avgUpsoldArr()), r.qtdEligible(), r.qtdUpsold(), r.qtdRate(),
        r.target(), r.status());
    Ratios q = p.ratios();
    Ratios ratios = new Ratios(q.seatsPerLogo(), of(q.arpa()), of(q.arpu()),
        q.upsellUsersShareOfLogos(), q.upsellUsersPer1000Seats());
    return new PeriodReport(p.period(), p.start(), p.end(), arr, p.logos(), p.customers(),
        p.seats(), p.upsellUsers(), p.upsellUsersT3(), p.upsellUsersT12(), rate, p.retention(),
        ratios, p.growth(), p.coverage());
  }
}
