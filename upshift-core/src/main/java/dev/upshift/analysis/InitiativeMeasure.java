package dev.upshift.analysis;

import dev.upshift.metric.Rates;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Measures initiatives from a report's (segment) periods (§6.5); see {@link InitiativeImpact}. */
final class InitiativeMeasure {
  private InitiativeMeasure() {}

  /**
   * @param report a report whose segments include every initiative's dimension
   */
  static InitiativeImpact measure(Initiative initiative, Report report) {
    List<Sample> before = new ArrayList<>();
    List<Sample> since = new ArrayList<>();
    for (Sample sample : samplesOf(initiative, report)) {
      (sample.end().isBefore(initiative.launchDate()) ? before : since).add(sample);
    }
    List<Sample> baseline =
        before.subList(Math.max(0, before.size() - InitiativeImpact.BASELINE_PERIODS), before.size());
    long baseEligible = baseline.stream().mapToLong(Sample::eligible).sum();
    long baseUpsold = baseline.stream().mapToLong(Sample::upsold).sum();
    long nowEligible = since.stream().mapToLong(Sample::eligible).sum();
    long nowUpsold = since.stream().mapToLong(Sample::upsold).sum();
    BigDecimal nowArr = since.stream().map(Sample::upsoldArr).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal avgArr = nowUpsold == 0 ? null
        : nowArr.divide(BigDecimal.valueOf(nowUpsold), 6, RoundingMode.HALF_EVEN);

    BigDecimal improvement = null;
    BigDecimal arrImpact = null;
    if (baseEligible > 0 && nowEligible > 0) {
      // From the exact fractions: delta = u1/e1 - u0/e0.
      BigDecimal delta = fraction(nowUpsold, nowEligible).subtract(fraction(baseUpsold, baseEligible));
      improvement = Numbers.two(delta.multiply(Numbers.HUNDRED));
      if (nowUpsold > 0) {
        // avgUpsoldArr as the exact quotient sum(upsoldArr) / sum(upsold), not its 6-decimal form.
        arrImpact = Numbers.two(delta.multiply(BigDecimal.valueOf(nowEligible))
            .multiply(nowArr).divide(BigDecimal.valueOf(nowUpsold), Numbers.CONTEXT));
      } else if (delta.signum() == 0) {
        arrImpact = BigDecimal.ZERO.setScale(2);
      }
      // Otherwise nobody was upsold since launch: there is no ARR per upsell to price the change.
    }
    return new InitiativeImpact(initiative.name(), initiative.launchDate(),
        initiative.segment() == null ? null : initiative.segment().toString(),
        baseline.stream().map(Sample::label).toList(), baseEligible, baseUpsold,
        Rates.percent(baseUpsold, baseEligible), since.stream().map(Sample::label).toList(),
        nowEligible, nowUpsold, Rates.percent(nowUpsold, nowEligible), improvement,
        Numbers.two(avgArr), arrImpact);
  }

  private static BigDecimal fraction(long numerator, long denominator) {
    return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), Numbers.CONTEXT);
  }

  /** The Upsell Rate figures of one period of the initiative's segment. */
  private record Sample(String label, LocalDate end, long eligible, long upsold, BigDecimal upsoldArr) {
    static Sample of(PeriodReport p) {
      return new Sample(p.period(), p.end(), p.upsellRate().eligible(), p.upsellRate().upsold(),
          p.upsellRate().upsoldArr());
    }
  }

  /** The samples of the initiative's segment; a segment no customer fell in has only zeros. */
  private static List<Sample> samplesOf(Initiative initiative, Report report) {
    if (initiative.segment() == null) {
      return report.periods().stream().map(Sample::of).toList();
    }
    Map<String, List<PeriodReport>> values = report.segments().get(initiative.segment().dimension());
    List<PeriodReport> periods = values == null ? null : values.get(initiative.segment().value());
    if (periods != null) {
      return periods.stream().map(Sample::of).toList();
    }
    return report.periods().stream()
        .map(p -> new Sample(p.period(), p.end(), 0, 0, BigDecimal.ZERO)).toList();
  }
}
