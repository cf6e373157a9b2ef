package dev.upshift.input;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatasetTest {
  @Test
  void overlappingPhasesOfALineAreRejectedNamingBothLines() {
    assertThatThrownBy(() -> Dataset.of(phases(
        phase("A").seats(1).arr(100).from("2026-01-01").until("2026-06-01"),
        phase("A").seats(2).arr(200).from("2026-03-01"))))
        .isInstanceOf(InputException.class)
        .hasMessage("phases:3: column start_date: phase starting 2026-03-01 overlaps the phase on "
            + "line 2 (2026-01-01 to 2026-06-01) of customer \"A\", line \"default\"");
  }

  @Test
  void countsRowsByBillabilityAndSetsAsideRowsOfNoLine() {
    Dataset dataset = Dataset.of(phases(
        phase("A").seats(1).arr(100).from("2026-01-01"),
        phase("A").line("t").seats(1).arr(100).from("2026-01-01").status(PhaseStatus.TRIAL),
        phase("A").line("o").arr(50).from("2026-01-01").kind(PhaseKind.OVERAGE),
        phase("A").line("z").arr(0).from("2026-01-01")));

    assertThat(dataset.summary().rows()).isEqualTo(4);
    assertThat(dataset.summary().billableRows()).isEqualTo(1);
    assertThat(dataset.summary().ignored(IgnoredReason.TRIAL)).isEqualTo(1);
    assertThat(dataset.summary().ignored(IgnoredReason.OVERAGE)).isEqualTo(1);
    assertThat(dataset.summary().ignored(IgnoredReason.ZERO_PRICE)).isEqualTo(1);
    assertThat(dataset.phases()).hasSize(3);
  }
}
