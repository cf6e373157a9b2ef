package dev.upshift.io.report;

import dev.upshift.testing.PhaseBuilder;
import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseStatus;
import dev.upshift.movement.Component;
import dev.upshift.report.PeriodReport;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import dev.upshift.time.Period;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class LedgerWriterTest {
  private static final String HEADER = "period,customer_id,status,arr_start,arr_end,new_logo,"
      + "reactivation,upsell,add_on_seats,add_on_price,cross_sell,downsell,reduction_seats,"
      + "reduction_price,product_churn,churn,expansion,contraction,net_new,seats_start,seats_end,"
      + "seat_movement,upsell_user,ramp,eligible,upsold,upsold_arr";

  @Test
  void header_listsTheColumnsOfSpec10() throws IOException {
    StringWriter out = new StringWriter();
    try (LedgerWriter ledger = new LedgerWriter(List.of(), out)) {
      assertThat(ledger.rows()).isZero();
    }
    assertThat(out).hasToString(HEADER + "\r\n");
    assertThat(String.join(",", LedgerWriter.HEADER)).isEqualTo(HEADER);
  }

  @Test
  void rows_carrySixDecimalsFlagsAndRampInCustomerOrder() throws IOException {
    String csv = ledger(Examples.example1Dataset(), Examples.february("2026-04").build());

    assertThat(csv.split("\r\n")).hasSize(1 + 14);
    assertThat(csv).contains("\r\n2026-03,E,retained,20000.000000,35000.000000,0.000000,"
        + "0.000000,15000.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,"
        + "0.000000,15000.000000,0.000000,15000.000000,10,10,0,0,15000.000000,1,1,15000.000000\r\n");
    assertThat(csv).contains("\r\n2026-03,A,new,0.000000,24000.000000,24000.000000,");
    assertThat(csv).contains("\r\n2026-03,D,churned,40000.000000,0.000000,");
    assertThat(csv.lines().skip(1).map(l -> l.substring(8, l.indexOf(',', 8))).distinct())
        .containsExactly("A", "B", "C", "D", "E", "F");
  }

  @Test
  void customerId_isNeutralisedAgainstFormulas_whileNegativeAmountsStayNumbers()
      throws IOException {
    List<Phase> phases = phases(
        phase("=HYPERLINK(\"x\")").seats(20).arr("40000").from("2025-06-01").until("2026-03-31"),
        phase("+1").seats(3).arr("1000.5").from("2026-03-10"));
    String csv = ledger(Dataset.of(phases), Examples.february("2026-03").build());

    assertThat(csv).contains("\r\n2026-03,\"'=HYPERLINK(\"\"x\"\")\",churned,40000.000000,"
        + "0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,0.000000,"
        + "0.000000,0.000000,-40000.000000,0.000000,0.000000,-40000.000000,20,0,-20,0,");
    assertThat(csv).contains("\r\n2026-03,'+1,new,0.000000,1000.500000,1000.500000,");
    List<CsvRecord> records = CsvReader.builder().ofCsvRecord(csv).stream().toList();
    assertThat(records).extracting(r -> r.getField(1))
        .contains("'=HYPERLINK(\"x\")", "'+1");
  }

  @Test
  void overAnOnboardingWindow_aCustomerEligibleWithoutArrHasARowWithAnEmptyStatus()
      throws IOException {
    String csv = ledger(Examples.onboardingDataset(), Examples.firstNinetyDays().build());

    // Z churned in March; its window ends in April, where it has no ARR at either end.
    assertThat(csv).contains("\r\n2026-04,Z,,0.000000,0.000000,0.000000,");
    assertThat(csv).containsPattern("\r\n2026-04,Z,(,[-0-9.]+){21},1,0,0.000000\r\n");
    assertThat(csv).contains("\r\n2026-04,X,retained,15000.000000,15000.000000,");
    assertThat(csv).containsPattern("\r\n2026-04,X,retained(,[-0-9.]+){21},1,1,5000.000000\r\n");
    assertThat(csv.lines().filter(l -> l.startsWith("2026-03,Z,"))).hasSize(1);
    assertThat(csv.lines().filter(l -> l.startsWith("2026-01,")))
        .allSatisfy(l -> assertThat(l).endsWith(",0,0,0.000000"));
  }

  /**
   * §7.3: summing the ledger reproduces the report exactly — every ARR component, starting and
   * ending ARR, ramp, seats, logos, Upsell Users, eligible, upsold and upsold ARR — whatever the
   * data, grain and book, with the rate over each period or over a 60-day onboarding window.
   */
  @Property(tries = 40)
  void ledgerSums_reproduceTheReportExactly(@ForAll long seed, @ForAll Grain grain,
      @ForAll Book book, @ForAll boolean window) throws IOException {
    Dataset dataset = Dataset.of(randomPhases(new Random(seed)));
    ReportOptions options = ReportOptions.builder().grain(grain).book(book)
        .from(YearMonth.of(2025, 1)).to(YearMonth.of(2026, 6)).by(List.of("plan"))
        .rateWindow(window ? dev.upshift.metric.RateWindow.onboarding(60) : null).build();
    List<Period> periods = Upshift.periods(dataset, options);
    StringWriter out = new StringWriter();
    Report report;
    long written;
    try (LedgerWriter ledger = new LedgerWriter(periods, out)) {
      report = Upshift.report(dataset, options, ledger);
      written = ledger.rows();
    }
    List<CsvRecord> records = CsvReader.builder().ofCsvRecord(out.toString()).stream().toList();
    assertThat(records.get(0).getFields()).isEqualTo(LedgerWriter.HEADER);
    List<CsvRecord> rows = records.subList(1, records.size());
    assertThat(rows).hasSize((int) written);
    assertThat(rows).extracting(r -> r.getField(0))
        .allSatisfy(label -> assertThat(periods).extracting(Period::label).contains(label));

    for (PeriodReport expected : report.periods()) {
      List<CsvRecord> ofPeriod = rows.stream()
          .filter(r -> r.getField(0).equals(expected.period())).toList();
      assertThat(sum(ofPeriod, "arr_start")).isEqualTo(expected.arr().starting());
      assertThat(sum(ofPeriod, "arr_end")).isEqualTo(expected.arr().ending());
      for (Component component : Component.values()) {
        assertThat(sum(ofPeriod, component.columnName())).as(component.columnName())
            .isEqualTo(Components.amount(expected.arr(), component));
      }
      assertThat(sum(ofPeriod, "expansion")).isEqualTo(expected.arr().expansion());
      assertThat(sum(ofPeriod, "contraction")).isEqualTo(expected.arr().contraction());
      assertThat(sum(ofPeriod, "net_new")).isEqualTo(expected.arr().netNew());
      assertThat(sum(ofPeriod, "ramp")).isEqualTo(expected.arr().upsellRamp());
      assertThat(sum(ofPeriod, "upsold_arr")).isEqualTo(expected.upsellRate().upsoldArr());

      assertThat(count(ofPeriod, "seats_start")).isEqualTo(expected.seats().starting());
      assertThat(count(ofPeriod, "seats_end")).isEqualTo(expected.seats().ending());
      assertThat(count(ofPeriod, "seat_movement"))
          .isEqualTo(expected.seats().ending() - expected.seats().starting());
      assertThat(count(ofPeriod, "upsell_user")).isEqualTo(expected.upsellUsers());
      assertThat(count(ofPeriod, "eligible")).isEqualTo(expected.upsellRate().eligible());
      assertThat(count(ofPeriod, "upsold")).isEqualTo(expected.upsellRate().upsold());

      assertThat(withStatus(ofPeriod, "new")).isEqualTo(expected.logos().newLogos());
      assertThat(withStatus(ofPeriod, "reactivated")).isEqualTo(expected.logos().reactivated());
      assertThat(-withStatus(ofPeriod, "churned")).isEqualTo(expected.logos().churned());
      assertThat(ofPeriod.stream().filter(r -> !r.getField(column("arr_start")).equals("0.000000"))
          .count()).isEqualTo(expected.logos().starting());
      long newSeats = 0;
      long expansionSeats = 0;
      long churnedSeats = 0;
      long downgradedSeats = 0;
      for (CsvRecord row : ofPeriod) {
        long u0 = Long.parseLong(row.getField(column("seats_start")));
        long u1 = Long.parseLong(row.getField(column("seats_end")));
        if (u0 == 0 && u1 > 0) {
          newSeats += u1;
        } else if (u0 > 0 && u1 == 0) {
          churnedSeats -= u0;
        } else if (u1 > u0) {
          expansionSeats += u1 - u0;
        } else {
          downgradedSeats += u1 - u0;
        }
      }
      assertThat(newSeats).isEqualTo(expected.seats().newSeats());
      assertThat(expansionSeats).isEqualTo(expected.seats().expansion());
      assertThat(churnedSeats).isEqualTo(expected.seats().churned());
      assertThat(downgradedSeats).isEqualTo(expected.seats().downgraded());
    }
  }

  private static BigDecimal sum(List<CsvRecord> rows, String column) {
    int index = column(column);
    BigDecimal total = new BigDecimal("0.000000");
    for (CsvRecord row : rows) {
      BigDecimal cell = new BigDecimal(row.getField(index));
      assertThat(cell.scale()).isEqualTo(6);
      total = total.add(cell);
    }
    return total;
  }

  private static long count(List<CsvRecord> rows, String column) {
    int index = column(column);
    return rows.stream().mapToLong(r -> Long.parseLong(r.getField(index))).sum();
  }

  private static long withStatus(List<CsvRecord> rows, String status) {
    return rows.stream().filter(r -> r.getField(2).equals(status)).count();
  }

  private static int column(String name) {
    int index = LedgerWriter.HEADER.indexOf(name);
    assertThat(index).as(name).isNotNegative();
    return index;
  }

  private static String ledger(Dataset dataset, ReportOptions options) throws IOException {
    StringWriter out = new StringWriter();
    try (LedgerWriter ledger = new LedgerWriter(Upshift.periods(dataset, options), out)) {
      Upshift.report(dataset, options, ledger);
    }
    return out.toString();
  }

  /**
   * Several customers with one to three lines each, every line a run of phases (tier changes,
   * seat changes, price changes, gaps that lead to churn and reactivation, ramps signed ahead,
   * backdated signatures, the occasional trial) and fractional amounts down to the micro-unit.
   */
  /**
   * The engine's parallel path (batches formatted on every core, written by the ledger's own
   * thread, in customer-id order) writes the very bytes of the one-row-at-a-time path, over enough
   * customers for many batches and waves, with the input in no particular customer order.
   */
  @Test
  void parallelBatches_writeTheSameBytesAsRowByRow_inCustomerIdOrder() throws IOException {
    Random random = new Random(20261207);
    List<Phase> phases = new ArrayList<>();
    for (int c = 0; c < 30_000; c++) {
      String id = "C" + (c * 7919L % 30_011); // distinct (30,011 is prime), not in input order
      LocalDate start = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(400));
      phases.add(phase(id).plan("Team").tier(1).seats(1 + random.nextInt(30))
          .arrMicros(1_000_000L * (100 + random.nextInt(50_000)) + random.nextInt(1_000_000))
          .from(start).until(start.plusDays(30 + random.nextInt(300))).build());
      if (random.nextBoolean()) {
        LocalDate later = start.plusDays(400);
        phases.add(phase(id).plan("Pro").tier(2).seats(1 + random.nextInt(30))
            .arrMicros(1_000_000L * (100 + random.nextInt(50_000))).from(later).build());
      }
    }
    Dataset dataset = Dataset.of(phases);
    ReportOptions options = ReportOptions.builder().from(YearMonth.of(2025, 1))
        .to(YearMonth.of(2026, 12)).build();
    List<Period> periods = Upshift.periods(dataset, options);

    StringWriter rowByRow = new StringWriter();
    try (LedgerWriter ledger = new LedgerWriter(periods, rowByRow)) {
      Upshift.report(dataset, options, ledger);
    }
    java.io.ByteArrayOutputStream parallel = new java.io.ByteArrayOutputStream();
    long rows;
    try (LedgerWriter ledger = new LedgerWriter(periods, parallel)) {
      Upshift.report(dataset, options, ledger, done -> { });
      ledger.flush();
      rows = ledger.rows();
    }

    String text = parallel.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(text).isEqualTo(rowByRow.toString());
    List<String> ids = CsvReader.builder().ofCsvRecord(text).stream().skip(1)
        .map(r -> r.getField(1)).distinct().toList();
    assertThat(ids).isSorted().hasSizeGreaterThan(10_000);
    assertThat(rows).isEqualTo(text.lines().count() - 1);
  }

  static List<Phase> randomPhases(Random random) {
    String[] products = {"core", "analytics", "api"};
    String[] plans = {"Starter", "Standard", "Enterprise"};
    List<PhaseBuilder> builders = new ArrayList<>();
    int customers = 4 + random.nextInt(16);
    for (int c = 0; c < customers; c++) {
      String id = c == 0 ? "=HYPERLINK(\"x\")" : c == 1 ? "Acme, \"Inc.\"" : "C" + c;
      int lines = 1 + random.nextInt(3);
      for (int l = 0; l < lines; l++) {
        String product = products[random.nextInt(products.length)];
        LocalDate day = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(700));
        int steps = 1 + random.nextInt(5);
        for (int s = 0; s < steps; s++) {
          int tier = random.nextInt(3);
          LocalDate next = day.plusDays(10 + random.nextInt(200));
          boolean last = s == steps - 1;
          boolean gap = !last && random.nextInt(4) == 0;
          PhaseBuilder builder = phase(id).line("L" + l).product(product).plan(plans[tier])
              .tier(tier + 1)
              .seats(random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(60))
              .arrMicros(1_000_000L * (500 + random.nextInt(90_000)) + random.nextInt(1_000_000))
              .from(day)
              .signed(day.plusDays(random.nextInt(60) - 45));
          if (random.nextInt(12) == 0) {
            builder.status(PhaseStatus.TRIAL);
          }
          if (gap) {
            builder.until(day.plusDays(5 + random.nextInt((int) (next.toEpochDay() - day.toEpochDay()) - 5)));
          } else if (!last || random.nextBoolean()) {
            builder.until(next);
          }
          builders.add(builder);
          day = next;
        }
      }
    }
    return phases(builders.toArray(PhaseBuilder[]::new));
  }
}
