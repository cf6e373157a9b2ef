package dev.upshift.metric;

import static dev.upshift.testing.PhaseBuilder.phase;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.PhaseBuilder;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernel adds each row to one segment cell and sums the cells into the totals afterwards
 * (early, when there are too many); the report must be the one the record-based path computes by
 * adding each row to every total directly.
 */
class SegmentCellsTest {
  private static final String[] CHANNELS = {"sales", "partner", "self_serve"};

  @Test
  void moreCombinationsOfValuesThanCellsGiveTheReportOfTheLedgerPath() {
    int customers = SegmentCells.MAX_CELLS * 3 + 17;
    Dataset dataset = dataset(customers);
    ReportOptions options = ReportOptions.builder().grain(Grain.MONTH)
        .from(YearMonth.of(2025, 1)).to(YearMonth.of(2025, 12))
        .by(List.of("name", "tenure", "channel")).build();

    Report kernel = Upshift.report(dataset, options);
    Report ledgerPath = Upshift.report(dataset, options, row -> { });

    assertThat(kernel).isEqualTo(ledgerPath);
    PeriodReport december = kernel.periods().get(11);
    assertThat(december.logos().ending()).isEqualTo(customers);
    assertThat(kernel.segments().get("name")).hasSize(customers);
    // C7 started on 2024-07-08 with 1,007 ARR: in December 2025 it is alone in its name segment.
    PeriodReport c7 = kernel.segments().get("name").get("name 7").get(11);
    assertThat(c7.logos().starting()).isEqualTo(1);
    assertThat(c7.arr().ending()).isEqualByComparingTo(BigDecimal.valueOf(1_007));
    long salesCustomers = (customers + 2) / 3; // customers 0, 3, 6, ...
    assertThat(kernel.segments().get("channel").get("sales").get(11).logos().ending())
        .isEqualTo(salesCustomers);
  }

  /** Customer i: one open-ended phase from 2024-07-01 plus i % 400 days, ARR 1,000 + i. */
  private static Dataset dataset(int customers) {
    List<PhaseBuilder> phases = new ArrayList<>();
    Map<String, Map<String, String>> attributes = new HashMap<>();
    for (int i = 0; i < customers; i++) {
      String id = "C" + i;
      phases.add(phase(id).seats(1 + i % 5).arr(1_000 + i)
          .from(LocalDate.of(2024, 7, 1).plusDays(i % 400)));
      attributes.put(id, Map.of("name", "name " + i, "channel", CHANNELS[i % CHANNELS.length]));
    }
    return Dataset.builder().addAll(PhaseBuilder.phases(phases))
        .customers(CustomerAttributes.of(List.of("name", "channel"), attributes)).build();
  }
}
