package dev.upshift.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class ArrConversionTest {
  @Test
  void annualisesAndConvertsInOneRounding() {
    ArrConversion eur = ArrConversion.at(new BigDecimal("1.08"));

    assertThat(eur.arrMicros(40_000_000L, 1)).isEqualTo(518_400_000L); // 40 a month
    assertThat(eur.arrMicros(300_000_000L, 3)).isEqualTo(1_296_000_000L); // 300 a quarter
    // 0.000001 × 12 × 1.08 / 36 = 0.00000036 → 0 micro-units, half-even once, not per step
    assertThat(eur.arrMicros(1L, 36)).isZero();
  }

  @Test
  void agreesWithBigDecimalArithmetic() {
    BigDecimal rate = new BigDecimal("1.2345678");
    ArrConversion conversion = ArrConversion.at(rate);
    for (long price : new long[] {1, 7, 999_999, 123_456_789, 98_765_432_101L}) {
      for (int months : new int[] {1, 3, 6, 7, 12, 24, 36}) {
        long expected = BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(12)).multiply(rate)
            .divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_EVEN).longValueExact();
        assertThat(conversion.arrMicros(price, months)).as("%d / %d", price, months)
            .isEqualTo(expected);
      }
    }
  }

  @Test
  void ratesBeyondLongArithmeticAreLeftToTheCaller() {
    assertThat(ArrConversion.at(new BigDecimal("1.0000000000001"))).isNull(); // 13 decimals
    assertThat(ArrConversion.at(new BigDecimal("1E+3"))).isNull(); // negative scale
    assertThat(ArrConversion.at(new BigDecimal("1099511627776"))).isNull(); // 41 bits

    ArrConversion.LastRate last = new ArrConversion.LastRate();
    assertThatThrownBy(() -> last.arrMicros(new BigDecimal("1.0000000000001"), 1, 1))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void overflowFailsLoudly() {
    ArrConversion.LastRate last = new ArrConversion.LastRate();

    assertThatThrownBy(() -> last.arrMicros(BigDecimal.valueOf(1000), Long.MAX_VALUE / 2, 1))
        .isInstanceOf(ArithmeticException.class);
    assertThat(last.arrMicros(BigDecimal.ONE, 1_000_000L, 12)).isEqualTo(1_000_000L);
  }
}
