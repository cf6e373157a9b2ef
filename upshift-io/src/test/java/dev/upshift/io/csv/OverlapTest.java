package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phases of a line must not overlap (§1.1, §10); a change log of open-ended rows is valid. */
class OverlapTest {
  @TempDir Path dir;
  Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  @Test
  void changeLogOfOpenEndedRowsLoads() {
    List<Phase> phases = fixture.phases("""
        customer_id,product,plan,tier,seats,mrr,start_date,end_date
        C1,crm,Standard,1,50,4000,2025-01-01,
        C2,crm,Standard,1,10,800,2025-02-01,
        C1,crm,Enterprise,2,50,5500,2025-06-01,
        C1,crm,Enterprise,2,60,6600,2025-09-01,
        C1,crm,Enterprise,2,60,6600,2026-01-01,2026-04-01
        """);

    assertThat(phases)
        .extracting(Phase::customerId, Phase::plan, Phase::seats, Phase::arrMicros, Phase::start,
            Phase::end, Phase::line)
        .containsExactly(
            tuple("C1", "Standard", 50, 48_000_000_000L, LocalDate.of(2025, 1, 1), null, 2),
            tuple("C2", "Standard", 10, 9_600_000_000L, LocalDate.of(2025, 2, 1), null, 3),
            tuple("C1", "Enterprise", 50, 66_000_000_000L, LocalDate.of(2025, 6, 1), null, 4),
            tuple("C1", "Enterprise", 60, 79_200_000_000L, LocalDate.of(2025, 9, 1), null, 5),
            tuple("C1", "Enterprise", 60, 79_200_000_000L, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 4, 1), 6));
  }

  @Test
  void overlapIsReportedAtTheLaterRow_columnStartDate_namingTheEarlierLine() {
    String text = """
        customer_id,line_id,arr,start_date,end_date
        C1,L1,100,2026-01-01,2026-07-01
        C1,L2,100,2026-03-01,
        C1,L1,200,2026-03-01,
        """;
    List<String> errors = fixture.errors(text);

    assertThat(fixture.codes(text)).containsExactly(InputErrorCode.OVERLAP);
    assertThat(errors).containsExactly("subscriptions.csv:4: column start_date: phase starting"
        + " 2026-03-01 overlaps the phase on line 2 (2026-01-01 to 2026-07-01) of customer \"C1\","
        + " line \"L1\"");
  }

  @Test
  void overlapIsCheckedAfterDefaults_lineIdIsTheProduct() {
    List<String> errors = fixture.errors("""
        customer_id,product,arr,start_date
        C1,crm,100,2026-01-01
        C1,,100,2026-01-01
        C1,crm,100,2026-01-01
        """);

    assertThat(errors).singleElement().asString()
        .startsWith("subscriptions.csv:4: column start_date: phase starting 2026-01-01 overlaps"
            + " the phase on line 2");
  }

  @Test
  void overageAndOneTimeRowsAreNeverCheckedForOverlap() {
    var result = Fixture.read(fixture.subscriptions("""
        customer_id,arr,start_date,end_date,kind
        C1,100,2026-01-01,2027-01-01,
        C1,5,2026-02-01,2026-03-01,overage
        C1,9,2026-02-01,2026-03-01,one_time
        """));

    assertThat(result.dataset().summary().rows()).isEqualTo(3);
    assertThat(result.dataset().phases()).hasSize(1);
  }
}
