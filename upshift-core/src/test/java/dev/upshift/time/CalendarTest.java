package dev.upshift.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CalendarTest {
  @Test
  void calendarLabelsWhenTheFiscalYearStartsInJanuary() {
    Calendar quarters = Calendar.of(Grain.QUARTER, 1);
    assertThat(quarters.periodOf(YearMonth.of(2026, 3)).label()).isEqualTo("2026-Q1");
    assertThat(quarters.periodOf(YearMonth.of(2026, 11)).label()).isEqualTo("2026-Q4");
    assertThat(Calendar.of(Grain.YEAR, 1).periodOf(YearMonth.of(2026, 7)).label()).isEqualTo("2026");
    assertThat(Calendar.of(Grain.MONTH, 4).periodOf(YearMonth.of(2026, 7)).label()).isEqualTo("2026-07");
  }

  @Test
  void fiscalLabelsNameTheYearInWhichTheFiscalYearEnds() {
    Calendar february = Calendar.of(Grain.QUARTER, 2);
    Period q1 = february.periodOf(YearMonth.of(2026, 3));
    assertThat(q1.label()).isEqualTo("FY2027-Q1");
    assertThat(q1.start()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(q1.end()).isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(february.periodOf(YearMonth.of(2027, 1)).label()).isEqualTo("FY2027-Q4");
    Period year = Calendar.of(Grain.YEAR, 7).periodOf(YearMonth.of(2026, 6));
    assertThat(year.label()).isEqualTo("FY2026");
    assertThat(year.start()).isEqualTo(LocalDate.of(2025, 7, 1));
  }

  @Test
  void periodsAreWidenedToWholePeriodsAndMeasuredByTheirSnapshots() {
    var periods = Calendar.of(Grain.QUARTER, 1).periods(YearMonth.of(2026, 2), YearMonth.of(2026, 4));
    assertThat(periods).extracting(Period::label).containsExactly("2026-Q1", "2026-Q2");
    assertThat(periods.get(0).openingDay()).isEqualTo(LocalDate.of(2025, 12, 31));
    assertThat(periods.get(1).closingDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(Calendar.of(Grain.MONTH, 1).previous(periods.get(0)).label()).isEqualTo("2025-12");
    assertThatThrownBy(() -> Calendar.of(Grain.MONTH, 1).periods(YearMonth.of(2026, 5), YearMonth.of(2026, 4)))
        .hasMessageContaining("before");
    assertThatThrownBy(() -> Calendar.of(Grain.MONTH, 13)).hasMessageContaining("1-12");
  }
}
