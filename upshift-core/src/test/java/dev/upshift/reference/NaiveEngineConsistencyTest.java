package dev.upshift.reference;

import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.HealthScores;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PlanCatalog;
import dev.upshift.metric.RateCounting;
import dev.upshift.report.ReportOptions;
import dev.upshift.state.Book;
import dev.upshift.testing.PhaseBuilder;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reference engine agrees with itself on random data: bridges close (checked inside the
 * engine), segment values add up to the total for every additive figure, and the ledger adds up to
 * the report.
 */
class NaiveEngineConsistencyTest {

  /** Figures that are sums over customers, so that segment values add up to them. */
  private static final List<String> ADDITIVE = additive();

  private static List<String> additive() {
    List<String> keys = new ArrayList<>();
    for (String key : NaiveReport.KEYS) {
      if (key.startsWith("arr.") || key.startsWith("logos.") || key.startsWith("customers.")
          || key.startsWith("seats.") || key.startsWith("upsellUsers")) {
        keys.add(key);
      }
    }
    keys.addAll(List.of("upsellRate.eligible", "upsellRate.upsold", "upsellRate.upsoldArr",
        "upsellRate.qtdEligible", "upsellRate.qtdUpsold"));
    return keys;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void segmentsAndLedgerAddUpToTheReport(long seed) {
    Dataset data = randomDataset(new Random(seed), 40);
    for (Book book : Book.values()) {
      for (Grain grain : List.of(Grain.MONTH, Grain.QUARTER)) {
        ReportOptions options = ReportOptions.builder().book(book).grain(grain)
            .from(YearMonth.of(2025, 1)).to(YearMonth.of(2026, 6))
            .rateCounting(seed % 2 == 0 ? RateCounting.ANY : RateCounting.NET)
            .fiscalYearStart(seed % 3 == 0 ? 2 : 1)
            .by(List.of("tenure", "initial_arr", "health", "plan", "cohort", "channel"))
            .build();

        NaiveReport report = NaiveEngine.compute(data, options);

        for (String label : report.periodLabels()) {
          SortedMap<String, BigDecimal> total = report.period(label);
          for (String dimension : options.by()) {
            for (String key : ADDITIVE) {
              if (total.get(key) == null) {
                continue;
              }
              BigDecimal sum = BigDecimal.ZERO;
              for (String value : report.segmentValues(dimension)) {
                sum = sum.add(report.segmentValue(dimension, value, label, key));
              }
              assertThat(sum).as("%s %s %s %s %s", book, grain, label, dimension, key)
                  .isEqualByComparingTo(total.get(key));
            }
          }
          for (String component : NaiveReport.ARR_COMPONENTS) {
            BigDecimal sum = report.ledger().stream().filter(row -> row.period().equals(label))
                .map(row -> row.components().get(component))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as("ledger %s %s", label, component)
                .isEqualByComparingTo(total.get("arr." + component));
          }
          BigDecimal upsoldArr = report.ledger().stream().filter(row -> row.period().equals(label))
              .map(NaiveReport.LedgerRow::upsoldArr).reduce(BigDecimal.ZERO, BigDecimal::add);
          assertThat(upsoldArr).isEqualByComparingTo(total.get("upsellRate.upsoldArr"));
        }
      }
    }
  }

  /** Random but valid data: per line a chain of non-overlapping phases, some open-ended. */
  static Dataset randomDataset(Random random, int customerCount) {
    String[] plans = {"Starter", "Standard", "Premium", "Enterprise"};
    List<PhaseBuilder> rows = new ArrayList<>();
    Map<String, Map<String, String>> attributes = new HashMap<>();
    HealthScores.Builder health = HealthScores.builder();
    LocalDate origin = LocalDate.of(2024, 1, 1);
    for (int c = 0; c < customerCount; c++) {
      String customer = "C" + c;
      attributes.put(customer, Map.of("channel", random.nextBoolean() ? "direct" : "partner"));
      for (int h = 0; h < 3; h++) {
        health.put(customer, origin.plusDays(random.nextInt(900)), random.nextInt(101));
      }
      int lineCount = 1 + random.nextInt(2);
      for (int l = 0; l < lineCount; l++) {
        String product = random.nextInt(3) == 0 ? "addon" : "platform";
        String line = product + l;
        LocalDate start = origin.plusDays(random.nextInt(700));
        int seats = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(30);
        int planIndex = random.nextInt(3);
        int steps = 1 + random.nextInt(5);
        for (int s = 0; s < steps; s++) {
          PhaseBuilder row = phase(customer).line(line).product(product)
              .plan(plans[planIndex]).seats(seats)
              .arr(BigDecimal.valueOf(seats * 100L + random.nextInt(5_000))
                  .add(BigDecimal.valueOf(random.nextInt(1_000_000), 6)).toPlainString())
              .from(start.toString());
          if (product.equals("addon") && random.nextBoolean()) {
            row.tier(planIndex + 1);
          }
          if (random.nextInt(4) == 0) {
            row.signed(start.minusDays(random.nextInt(90)).toString());
          }
          if (random.nextInt(12) == 0) {
            row.status(PhaseStatus.TRIAL);
          }
          LocalDate next = start.plusDays(15 + random.nextInt(200));
          boolean last = s == steps - 1;
          if (last ? random.nextInt(3) == 0 : random.nextBoolean()) {
            LocalDate end = last || random.nextBoolean() ? next : next.minusDays(10);
            row.until(end.toString());
            if (random.nextInt(3) == 0) {
              row.cancelSigned(end.minusDays(random.nextInt(60)).toString());
            }
          }
          rows.add(row);
          start = next;
          seats = Math.max(0, seats + random.nextInt(11) - 5);
          planIndex = Math.max(0, Math.min(3, planIndex + random.nextInt(3) - 1));
        }
      }
    }
    return Dataset.builder()
        .addAll(phases(rows))
        .plans(PlanCatalog.of(Map.of("platform",
            Map.of("Starter", 1, "Standard", 2, "Premium", 3, "Enterprise", 4))))
        .customers(CustomerAttributes.of(List.of("channel"), attributes))
        .health(health.build())
        .build();
  }
}
