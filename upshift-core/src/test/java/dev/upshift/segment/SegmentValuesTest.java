package dev.upshift.segment;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.NearMatches;
import dev.upshift.report.ReportOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A {@code --where} that can match no customer is refused with what it could have named. */
class SegmentValuesTest {
  private static final ReportOptions OPTIONS = ReportOptions.defaults();

  private final Dataset dataset = Dataset.builder()
      .addAll(phases(
          phase("A").plan("Premium").arr(100).from("2026-01-01"),
          phase("B").plan("Basic").arr(50).from("2026-02-01")))
      .customers(CustomerAttributes.of(List.of("region"),
          Map.of("A", Map.of("region", "EMEA"), "B", Map.of("region", "NA"))))
      .build();

  private void check(String where) {
    SegmentValues.check(SegmentFilter.parse(where), dataset, OPTIONS);
  }

  @Test
  void knownValuesPass() {
    for (String where : List.of("plan=Premium", "region=NA", "region=Unknown", "tenure=0-6",
        "initial_arr=10K-50K", "health=High", "cohort=2026-01", "cohort=2019-07")) {
      assertThatCode(() -> check(where)).as(where).doesNotThrowAnyException();
    }
  }

  @Test
  void aValueOfTheWrongCaseIsRefusedWithTheRightOne() {
    assertThatThrownBy(() -> check("plan=premium")).hasMessage("where plan=premium: no customer"
        + " can have plan 'premium' (did you mean Premium?); the values of plan are Basic, Premium,"
        + " Unknown (values are case-sensitive)");
  }

  @Test
  void aNearMissOfAValueOrADimensionIsNamed() {
    assertThatThrownBy(() -> check("region=EMA")).hasMessageContaining("(did you mean EMEA?)")
        .hasMessageEndingWith("the values of region are EMEA, NA, Unknown (values are"
            + " case-sensitive)");
    assertThatThrownBy(() -> check("regoin=NA")).hasMessage("where regoin=NA: unknown dimension"
        + " 'regoin' (did you mean region?); the dimensions are tenure, initial_arr, health, plan,"
        + " cohort, region");
    assertThatThrownBy(() -> check("tenure=0-5")).hasMessageContaining("(did you mean 0-6?)");
    assertThatThrownBy(() -> check("cohort=Q1")).hasMessageContaining("a cohort is the month");
  }

  @Test
  void nearMatchesPutCaseFirstThenTheNearest() {
    assertThat(NearMatches.of("starter", List.of("Start", "Starter", "Business")))
        .containsExactly("Starter", "Start");
    assertThat(NearMatches.of("xyz", List.of("Starter"))).isEmpty();
    assertThat(NearMatches.didYouMean("Premum", List.of("Premium", "Basic")))
        .isEqualTo(" (did you mean Premium?)");
    assertThat(NearMatches.distance("kitten", "sitting", 10)).isEqualTo(3);
    assertThat(NearMatches.distance("kitten", "sitting", 2)).isEqualTo(2);
  }
}
