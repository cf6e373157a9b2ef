package dev.upshift.report;

import static dev.upshift.testing.PhaseBuilder.dataset;
import static dev.upshift.testing.PhaseBuilder.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.Upshift;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** §5.1 "MRR views are ARR / 12": {@code --unit mrr} divides money, nothing else. */
class MoneyUnitTest {
  @Test
  void mrrDividesEveryMoneyFigureAndLeavesCountsAndRates() {
    Report arr = Upshift.report(dataset(
            phase("A").plan("Team").tier(1).seats(10).arr(12_000).from("2025-01-01")
                .until("2026-03-10"),
            phase("A").plan("Pro").tier(2).seats(10).arr(18_000).from("2026-03-10"),
            phase("B").seats(5).arr("1000.000001").from("2026-03-05")),
        ReportOptions.builder().from(YearMonth.of(2026, 3)).to(YearMonth.of(2026, 3))
            .by(List.of("plan")).build());
    Report mrr = MoneyUnit.MRR.apply(arr);

    PeriodReport a = arr.periods().get(0);
    PeriodReport m = mrr.periods().get(0);
    assertThat(m.arr().starting()).isEqualByComparingTo("1000");
    assertThat(m.arr().upsell()).isEqualByComparingTo("500");
    // 1000.000001 / 12 = 83.3333334166…: exact to 10 decimals, half-even.
    assertThat(m.arr().newLogo()).isEqualByComparingTo("83.3333334167");
    assertThat(m.upsellRate().upsoldArr()).isEqualByComparingTo("500");
    assertThat(m.ratios().arpa()).isEqualByComparingTo(
        a.ratios().arpa().divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_EVEN));
    assertThat(m.upsellRate().rate()).isEqualTo(a.upsellRate().rate());
    assertThat(m.logos()).isEqualTo(a.logos());
    assertThat(m.seats()).isEqualTo(a.seats());
    assertThat(m.retention()).isEqualTo(a.retention());
    assertThat(m.growth()).isEqualTo(a.growth());
    assertThat(m.coverage()).isEqualTo(a.coverage());
    assertThat(mrr.segments().get("plan").get("Team").get(0).arr().ending())
        .isEqualByComparingTo("1500");
    assertThat(MoneyUnit.ARR.apply(arr)).isSameAs(arr);
  }

  /**
   * Rounding the 10-decimal twelfth to cents gives the rounding of the exact twelfth: an amount
   * exact to 6 decimals has a twelfth that ends within 8 decimals or repeats a 3 or a 6.
   */
  @Property
  void twoDecimalsOfTheTwelfthAreThoseOfTheExactTwelfth(
      @ForAll @LongRange(min = -10_000_000_000_000L, max = 10_000_000_000_000L) long micros) {
    BigDecimal amount = BigDecimal.valueOf(micros, 6);
    BigDecimal shown = MoneyUnit.MRR.of(amount).setScale(2, RoundingMode.HALF_EVEN);
    BigDecimal exact = new BigDecimal(java.math.BigInteger.valueOf(micros))
        .divide(BigDecimal.valueOf(12_000_000L), 40, RoundingMode.HALF_EVEN)
        .setScale(2, RoundingMode.HALF_EVEN);
    assertThat(shown).isEqualByComparingTo(exact);
  }

  @Test
  void labelsNameTheUnit() {
    assertThat(MoneyUnit.MRR.relabel("Starting ARR")).isEqualTo("Starting MRR");
    assertThat(MoneyUnit.MRR.relabel("ARR bridge (USD)")).isEqualTo("MRR bridge (USD)");
    assertThat(MoneyUnit.MRR.relabel("CARR")).isEqualTo("CARR");
    assertThat(MoneyUnit.ARR.relabel("Starting ARR")).isEqualTo("Starting ARR");
    assertThat(MoneyUnit.parse(" MRR ")).isEqualTo(MoneyUnit.MRR);
    assertThatThrownBy(() -> MoneyUnit.parse("arrr")).isInstanceOf(IllegalArgumentException.class);
  }
}
