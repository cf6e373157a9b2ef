package dev.upshift.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class MicrosTest {
  @Test
  void decimalsConvertExactlyAndRoundHalfEvenOnlyBeyondSixPlaces() {
    assertThat(Micros.of(new BigDecimal("1234.5"))).isEqualTo(1_234_500_000L);
    assertThat(Micros.of(new BigDecimal("0.0000005"))).isZero();
    assertThat(Micros.of(new BigDecimal("0.0000015"))).isEqualTo(2);
    assertThat(Micros.toReported(1_234_565_000L)).isEqualByComparingTo("1234.56");
    assertThat(Micros.toReported(1_234_575_000L)).isEqualByComparingTo("1234.58");
  }

  @Test
  void seatEffectRoundsHalfEven() {
    // 5 seats × 1.000001 / 2 seats = 2.5000025 → 2.500002
    assertThat(Micros.mulDivHalfEven(5, 1_000_001, 2)).isEqualTo(2_500_002);
    assertThat(Micros.mulDivHalfEven(-5, 1_000_001, 2)).isEqualTo(-2_500_002);
    assertThat(Micros.mulDivHalfEven(1, 3, 2)).isEqualTo(2);
    assertThat(Micros.mulDivHalfEven(1, 5, 2)).isEqualTo(2);
  }

  @Test
  void overflowFailsLoudly() {
    assertThatThrownBy(() -> Micros.of(new BigDecimal("1e20"))).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Micros.mulDivHalfEven(Long.MAX_VALUE, 4, 2))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Micros.ofUnits(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
  }

  @Property(tries = 2000)
  void mulDivAgreesWithBigDecimal(@ForAll @LongRange(min = -1_000_000, max = 1_000_000) long a,
      @ForAll long b, @ForAll @LongRange(min = 1, max = 1_000_000) long c) {
    BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)))
        .divide(BigDecimal.valueOf(c), 0, RoundingMode.HALF_EVEN);
    boolean fits = exact.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
        && exact.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0;
    if (fits) {
      assertThat(Micros.mulDivHalfEven(a, b, c)).isEqualTo(exact.longValueExact());
    } else {
      assertThatThrownBy(() -> Micros.mulDivHalfEven(a, b, c)).isInstanceOf(ArithmeticException.class);
    }
  }
}
