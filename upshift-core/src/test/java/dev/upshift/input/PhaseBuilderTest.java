package dev.upshift.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.money.Micros;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** {@link Phase#builder(String)}: the §1.1/§10 defaults, and validation by the record. */
class PhaseBuilderTest {
  private static final LocalDate JUNE_1 = LocalDate.parse("2025-06-01");
  private static final LocalDate MARCH_15 = LocalDate.parse("2026-03-15");

  @Test
  void aCustomerAndAStartDateGetTheSpecDefaults() {
    Phase built = Phase.builder("acme").from("2025-06-01").build();

    assertThat(built).isEqualTo(new Phase("acme", "default", "default", null, null, 0, 0, JUNE_1,
        null, JUNE_1, null, PhaseStatus.ACTIVE, PhaseKind.RECURRING, 0));
  }

  @Test
  void theLineIsTheProductAndTheDatesSignedAreTheStartAndEnd() {
    Phase built = Phase.builder("acme").product("platform").plan("Standard").tier(1).seats(10)
        .arr("12000").from("2025-06-01").until("2026-03-15").sourceLine(2).build();

    assertThat(built).isEqualTo(new Phase("acme", "platform", "platform", "Standard", 1, 10,
        Micros.ofUnits(12_000), JUNE_1, MARCH_15, JUNE_1, MARCH_15, PhaseStatus.ACTIVE,
        PhaseKind.RECURRING, 2));
  }

  @Test
  void explicitValuesWinOverTheDefaults() {
    Phase built = Phase.builder("acme").lineId("L7").product("analytics").plan("Pro").tier(3)
        .seats(5).arrMicros(1).from(JUNE_1).until(MARCH_15).signed("2025-05-20")
        .cancelSigned("2025-12-01").status(PhaseStatus.TRIAL).kind(PhaseKind.COMMITTED_USAGE)
        .sourceLine(42).build();

    assertThat(built).isEqualTo(new Phase("acme", "L7", "analytics", "Pro", 3, 5, 1, JUNE_1,
        MARCH_15, LocalDate.parse("2025-05-20"), LocalDate.parse("2025-12-01"), PhaseStatus.TRIAL,
        PhaseKind.COMMITTED_USAGE, 42));
  }

  @Test
  void emptyTextMeansTheDefaultAsAnEmptyCellDoes() {
    Phase built = Phase.builder("acme").lineId("").product("").plan("").from(JUNE_1).build();

    assertThat(built.product()).isEqualTo("default");
    assertThat(built.lineId()).isEqualTo("default");
    assertThat(built.plan()).isNull();
  }

  @Test
  void aCancelSignedDateWithoutAnEndIsIgnored() {
    Phase built = Phase.builder("acme").from(JUNE_1).cancelSigned("2025-12-01").build();

    assertThat(built.end()).isNull();
    assertThat(built.cancelSigned()).isNull();
  }

  @Test
  void noTierUndoesATier() {
    assertThat(Phase.builder("acme").tier(2).noTier().from(JUNE_1).build().tier()).isNull();
  }

  @Test
  void theEndIsExclusiveSoItMustBeAfterTheStart() {
    assertThatThrownBy(() -> Phase.builder("acme").from("2026-03-15").until("2026-03-01").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end 2026-03-01 is not after start 2026-03-15");
    assertThatThrownBy(() -> Phase.builder("acme").from("2026-03-15").until("2026-03-15").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Phase.builder("acme").from("2026-03-15").until("2026-03-16").build().end())
        .isEqualTo("2026-03-16");
  }

  @Test
  void theRecordValidatesWhatTheBuilderIsGiven() {
    assertThatThrownBy(() -> Phase.builder("acme").build())
        .isInstanceOf(NullPointerException.class).hasMessageContaining("from(");
    assertThatThrownBy(() -> Phase.builder("acme").seats(-1).from(JUNE_1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("seats < 0: -1");
    assertThatThrownBy(() -> Phase.builder("").from(JUNE_1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 256 characters");
    assertThatThrownBy(() -> Phase.builder("acme").status(null).from(JUNE_1).build())
        .isInstanceOf(NullPointerException.class).hasMessage("status is null");
    assertThatThrownBy(() -> Phase.builder(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void pricesAreExactDecimalsNeverRounded() {
    assertThat(Phase.builder("a").arr("999.999999").from(JUNE_1).build().arrMicros())
        .isEqualTo(999_999_999L);
    assertThat(Phase.builder("a").arr("1.5000000").from(JUNE_1).build().arrMicros())
        .isEqualTo(1_500_000L);
    assertThat(Phase.builder("a").mrr("1000.000001").from(JUNE_1).build().arrMicros())
        .isEqualTo(12_000_000_012L);
    assertThatThrownBy(() -> Phase.builder("a").arr("1.0000001"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("arr has more than 6 decimals: 1.0000001");
    assertThatThrownBy(() -> Phase.builder("a").mrr("0.0000001"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mrr has more than 6");
    assertThatThrownBy(() -> Phase.builder("a").arr("-5"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("arr < 0: -5");
    assertThatThrownBy(() -> Phase.builder("a").arr("1,200")).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void buildLeavesTheBuilderAsItWasSoItCanBuildAgain() {
    Phase.Builder builder = Phase.builder("acme").plan("Standard").arr("100").from(JUNE_1);
    Phase first = builder.build();
    Phase second = builder.plan("Premium").from(MARCH_15).build();

    assertThat(builder.plan("Standard").from(JUNE_1).build()).isEqualTo(first);
    assertThat(second.plan()).isEqualTo("Premium");
    assertThat(second.signed()).isEqualTo(MARCH_15);
  }

  @Property
  void arrIsExactlyTwelveTimesMrr(@ForAll @LongRange(min = 0, max = 1_000_000_000_000_000L) long mrrMicros) {
    Phase fromMrr = Phase.builder("a").mrr(Micros.toDecimal(mrrMicros)).from(JUNE_1).build();

    assertThat(fromMrr.arrMicros()).isEqualTo(12 * mrrMicros);
  }
}
