package dev.upshift.sample;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import dev.upshift.input.BillingPeriod;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.SubscriptionLog;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleGeneratorTest {
  private static final SampleOptions OPTIONS = SampleOptions.of(1_500, 36, 42);
  private static final SampleData DATA = SampleData.generate(OPTIONS);
  private static final LocalDate FIRST_DAY = OPTIONS.start().atDay(1);
  private static final LocalDate LAST_DAY = OPTIONS.lastMonth().atEndOfMonth();

  // ------------------------------------------------------------------------------ determinism

  @Test
  void sameSeed_givesByteIdenticalFiles() {
    assertThat(SampleGenerator.of(OPTIONS).toStrings()).isEqualTo(DATA.texts);
  }

  @Test
  void differentSeed_givesDifferentFiles() {
    Map<SampleFile, String> other = SampleGenerator.of(SampleOptions.of(1_500, 36, 43)).toStrings();
    assertThat(other.get(SampleFile.SUBSCRIPTIONS)).isNotEqualTo(DATA.texts.get(SampleFile.SUBSCRIPTIONS));
    assertThat(other.get(SampleFile.CUSTOMERS)).isNotEqualTo(DATA.texts.get(SampleFile.CUSTOMERS));
    assertThat(other.get(SampleFile.HEALTH)).isNotEqualTo(DATA.texts.get(SampleFile.HEALTH));
  }

  @Test
  void aBaseCustomersRows_doNotDependOnOtherCustomers() {
    String fewer = SampleGenerator.of(SampleOptions.of(10, 36, 42)).toStrings().get(SampleFile.SUBSCRIPTIONS);
    String first = rowsOf(fewer, "C000001");
    assertThat(first).isNotEmpty().isEqualTo(rowsOf(DATA.texts.get(SampleFile.SUBSCRIPTIONS), "C000001"));
  }

  @Test
  void writeTo_writesTheSameBytesAsToStrings(@TempDir Path directory) throws IOException {
    SampleOptions small = SampleOptions.of(200, 12, 7);
    SampleSummary summary = SampleGenerator.of(small).writeTo(directory);
    Map<SampleFile, String> texts = SampleGenerator.of(small).toStrings();
    for (SampleFile file : SampleFile.values()) {
      byte[] written = Files.readAllBytes(directory.resolve(file.fileName()));
      assertThat(written).as(file.fileName()).isEqualTo(texts.get(file).getBytes(StandardCharsets.UTF_8));
      long lines = texts.get(file).chars().filter(c -> c == '\n').count();
      assertThat(summary.rows(file)).as(file.fileName()).isEqualTo(lines - 1);
    }
    assertThat(summary.describe()).startsWith("subscriptions.csv ").contains("fx.csv 3");
  }

  // ---------------------------------------------------------------------------------- format

  @Test
  void headers_areExactlyTheSpecColumns() {
    assertThat(header(SampleFile.SUBSCRIPTIONS)).isEqualTo("customer_id,line_id,product,plan,tier,"
        + "seats,arr,mrr,amount,billing_period,currency,start_date,end_date,signed_date,"
        + "cancel_signed_date,status,kind");
    assertThat(header(SampleFile.CUSTOMERS)).isEqualTo("customer_id,name,channel,region,industry");
    assertThat(header(SampleFile.PLANS)).isEqualTo("product,plan,tier");
    assertThat(header(SampleFile.HEALTH)).isEqualTo("customer_id,date,score");
    assertThat(header(SampleFile.TARGETS)).isEqualTo("metric,period,value,segment");
    assertThat(header(SampleFile.FX)).isEqualTo("currency,rate");
  }

  @Test
  void everySubscriptionRow_isValidInput() {
    Set<String> currencies = DATA.fxRates.keySet();
    Map<String, Integer> plans = new HashMap<>();
    DATA.rows(SampleFile.PLANS).forEach(r ->
        plans.put(r.getField("product") + "/" + r.getField("plan"), Integer.valueOf(r.getField("tier"))));
    for (NamedCsvRecord row : DATA.rows(SampleFile.SUBSCRIPTIONS)) {
      String where = "line " + row.getStartingLineNumber() + ": " + row.getFields();
      assertThat(row.getFieldCount()).as(where).isEqualTo(17);
      assertThat(row.getField("customer_id")).as(where).matches("C\\d{6,}");
      long forms = List.of("arr", "mrr", "amount").stream().filter(c -> !row.getField(c).isEmpty()).count();
      assertThat(forms).as(where).isEqualTo(1);
      assertThat(row.getField("amount").isEmpty()).as(where).isEqualTo(row.getField("billing_period").isEmpty());
      if (!row.getField("billing_period").isEmpty()) {
        assertThat(BillingPeriod.parse(row.getField("billing_period"))).as(where).isPresent();
      }
      for (String price : List.of("arr", "mrr", "amount")) {
        assertThat(row.getField(price)).as(where).matches("|\\d+(\\.\\d{1,2})?");
      }
      assertThat(row.getField("seats")).as(where).matches("|\\d+");
      assertThat(currencies).as(where).contains(SampleData.orDefault(row.getField("currency"), "USD"));
      String planKey = row.getField("product") + "/" + row.getField("plan");
      if (!row.getField("tier").isEmpty() && plans.containsKey(planKey)) {
        assertThat(Integer.valueOf(row.getField("tier"))).as(where).isEqualTo(plans.get(planKey));
      }
    }
    assertThat(DATA.phases).hasSameSizeAs(DATA.rows(SampleFile.SUBSCRIPTIONS));
  }

  @Test
  void noPhasesOfALineOverlap() {
    SubscriptionLog log = new SubscriptionLog("subscriptions.csv");
    DATA.phases.forEach(log::add);
    SubscriptionLog.Checked checked = log.check();
    assertThat(checked.rejected()).isEmpty();
    assertThat(checked.kept()).hasSameSizeAs(DATA.phases);
  }

  @Test
  void everyStartAndEndDate_fallsInsideTheWindow() {
    for (Phase phase : DATA.phases) {
      assertThat(phase.start()).as("line %d", phase.line()).isBetween(FIRST_DAY, LAST_DAY);
      if (phase.end() != null) {
        assertThat(phase.end()).as("line %d", phase.line()).isAfter(phase.start()).isBeforeOrEqualTo(LAST_DAY);
      }
    }
  }

  @Test
  void defaultStart_endsTheDataInOctober2026() {
    assertThat(SampleOptions.of(10, 36, 1).start()).isEqualTo(YearMonth.of(2023, 11));
    assertThat(SampleOptions.of(10, 36, 1).lastMonth()).isEqualTo(YearMonth.of(2026, 10));
    assertThatThrownBy(() -> SampleOptions.of(0, 36, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SampleOptions.of(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  // -------------------------------------------------------------------------------- features

  @Test
  void everyStatusAndKind_isPresent() {
    for (PhaseStatus status : PhaseStatus.values()) {
      assertThat(count(p -> p.status() == status)).as(status.code()).isGreaterThan(10);
    }
    for (PhaseKind kind : PhaseKind.values()) {
      assertThat(count(p -> p.kind() == kind)).as(kind.code()).isGreaterThan(10);
    }
    assertThat(count(p -> p.status() == PhaseStatus.ACTIVE && p.belongsToLine() && p.arrMicros() == 0))
        .as("zero-price phases").isGreaterThan(10);
    assertThat(cells("status")).contains("", "active");
    assertThat(cells("kind")).contains("", "recurring");
  }

  @Test
  void everyPriceFormAndCurrency_isPresent() {
    assertThat(countRows(r -> !r.getField("arr").isEmpty())).isGreaterThan(100);
    assertThat(countRows(r -> !r.getField("mrr").isEmpty())).isGreaterThan(100);
    assertThat(cells("billing_period")).containsAll(List.of("month", "quarter", "half_year", "year",
        "two_years", "three_years", "P1M", "P3M", "P6M", "P1Y", "P2Y", "P3Y"));
    assertThat(cells("currency")).contains("", "USD", "EUR", "GBP");
    // Three-year amounts that divide into no whole number of cents exercise §3.3 rounding.
    assertThat(countRows(r -> r.getField("billing_period").matches("three_years|P3Y")
        && new BigDecimal(r.getField("amount")).movePointRight(2).longValueExact() % 3 != 0))
        .isGreaterThan(10);
  }

  @Test
  void everyTierSource_isPresent() {
    Set<String> listed = new HashSet<>();
    DATA.rows(SampleFile.PLANS).forEach(r -> listed.add(r.getField("product")));
    assertThat(listed).contains("platform", "analytics", "security").doesNotContain("storage", "support");
    assertThat(rows(r -> r.getField("product").equals("storage"))).isNotEmpty()
        .allMatch(r -> !r.getField("tier").isEmpty());
    assertThat(rows(r -> r.getField("product").equals("support"))).isNotEmpty()
        .allMatch(r -> r.getField("tier").isEmpty());
    assertThat(rows(r -> r.getField("product").equals("platform")))
        .anyMatch(r -> r.getField("tier").isEmpty()).anyMatch(r -> !r.getField("tier").isEmpty());
  }

  @Test
  void movementsOfEveryKind_arePresent() {
    int seatsUp = 0, seatsDown = 0, tierUp = 0, tierDown = 0, planUp = 0, planDown = 0, priceOnly = 0;
    for (List<Phase> line : lines().values()) {
      for (int i = 1; i < line.size(); i++) {
        Phase before = line.get(i - 1);
        Phase after = line.get(i);
        if (!before.billable() || !after.billable()) {
          continue;
        }
        seatsUp += after.seats() > before.seats() ? 1 : 0;
        seatsDown += after.seats() < before.seats() ? 1 : 0;
        Integer t0 = tier(before);
        Integer t1 = tier(after);
        if (t0 != null && t1 != null) {
          tierUp += t1 > t0 ? 1 : 0;
          tierDown += t1 < t0 ? 1 : 0;
        } else if (!Objects.equals(before.plan(), after.plan())) {
          planUp += after.arrMicros() > before.arrMicros() ? 1 : 0;
          planDown += after.arrMicros() < before.arrMicros() ? 1 : 0;
        }
        if (after.seats() == before.seats() && Objects.equals(before.plan(), after.plan())
            && after.arrMicros() != before.arrMicros()) {
          priceOnly++;
        }
      }
    }
    assertThat(seatsUp).as("seat increases").isGreaterThan(200);
    assertThat(seatsDown).as("seat decreases").isGreaterThan(100);
    assertThat(tierUp).as("tier upgrades").isGreaterThan(50);
    assertThat(tierDown).as("tier downgrades").isGreaterThan(10);
    assertThat(planUp).as("untiered plan upgrades (inferred)").isGreaterThan(3);
    assertThat(planDown).as("untiered plan downgrades (inferred)").isGreaterThan(1);
    assertThat(priceOnly).as("price-only changes").isGreaterThan(100);
  }

  @Test
  void crossSellAndProductChurn_arePresent() {
    int crossSells = 0;
    int productChurns = 0;
    for (Map.Entry<String, List<Phase>> customer : byCustomer().entrySet()) {
      List<Phase> billable = customer.getValue().stream().filter(Phase::billable).toList();
      LocalDate firstPaid = billable.stream().map(Phase::start).min(Comparator.naturalOrder()).orElse(null);
      Map<String, List<Phase>> byLine = billable.stream().collect(groupingBy(Phase::lineId, TreeMap::new, toList()));
      for (List<Phase> line : byLine.values()) {
        Phase first = line.get(0);
        if (!first.product().equals("platform") && first.start().isAfter(firstPaid)) {
          crossSells++;
        }
        Phase last = line.get(line.size() - 1);
        if (last.end() != null && billable.stream().anyMatch(p -> !p.lineId().equals(last.lineId())
            && inForce(p, last.end()))) {
          productChurns++;
        }
      }
    }
    assertThat(crossSells).isGreaterThan(50);
    assertThat(productChurns).isGreaterThan(20);
  }

  @Test
  void contractTimingVariants_arePresent() {
    assertThat(count(p -> p.signed().isAfter(p.start()))).as("backdated").isGreaterThan(30);
    assertThat(count(p -> p.cancelSigned() != null && p.cancelSigned().isBefore(p.end())))
        .as("notices").isGreaterThan(30);
    long newLogosSignedAhead = byCustomer().values().stream()
        .map(ps -> ps.stream().filter(Phase::billable).min(Comparator.comparing(Phase::start)))
        .filter(first -> first.isPresent() && first.get().signed().isBefore(first.get().start()))
        .count();
    assertThat(newLogosSignedAhead).as("new logos signed before they start").isGreaterThan(50);
    int rampSteps = 0;
    for (List<Phase> line : lines().values()) {
      for (int i = 1; i < line.size(); i++) {
        Phase before = line.get(i - 1);
        Phase after = line.get(i);
        boolean changed = after.seats() != before.seats() || after.arrMicros() != before.arrMicros();
        if (changed && before.billable() && after.billable() && after.signed().equals(before.signed())
            && !after.signed().isAfter(before.start())) {
          rampSteps++;
        }
      }
    }
    assertThat(rampSteps).as("ramp steps signed with an earlier step").isGreaterThan(20);
  }

  @Test
  void churnAndReactivation_arePresent() {
    int churned = 0;
    int reactivated = 0;
    for (List<Phase> phases : byCustomer().values()) {
      List<Phase> billable = phases.stream().filter(Phase::billable)
          .sorted(Comparator.comparing(Phase::start)).toList();
      if (billable.isEmpty()) {
        continue;
      }
      if (billable.stream().noneMatch(p -> inForce(p, LAST_DAY))) {
        churned++;
      }
      LocalDate covered = null;
      for (Phase phase : billable) {
        if (covered != null && phase.start().minusDays(60).isAfter(covered)) {
          reactivated++;
          break;
        }
        LocalDate end = phase.end() == null ? LocalDate.MAX : phase.end();
        covered = covered == null || end.isAfter(covered) ? end : covered;
      }
    }
    assertThat(churned).isGreaterThan(200);
    assertThat(reactivated).isGreaterThan(5);
  }

  @Test
  void bothInputStylesAndSeveralLinesPerProduct_arePresent() {
    int closed = 0;
    int changeLog = 0;
    for (List<Phase> line : lines().values()) {
      for (int i = 1; i < line.size(); i++) {
        Phase before = line.get(i - 1);
        closed += line.get(i).start().equals(before.end()) ? 1 : 0;
        changeLog += before.end() == null ? 1 : 0;
      }
    }
    assertThat(closed).isGreaterThan(500);
    assertThat(changeLog).isGreaterThan(500);
    long twoPlatformLines = byCustomer().values().stream()
        .filter(ps -> ps.stream().filter(p -> p.product().equals("platform")).map(Phase::lineId)
            .distinct().count() > 1)
        .count();
    assertThat(twoPlatformLines).isGreaterThan(5);
    assertThat(cells("line_id")).contains("", "platform", "platform-2");
  }

  @Test
  void rowsPerCustomer_resembleThePerformanceDataset() {
    double perCustomer = (double) DATA.phases.size() / OPTIONS.customers();
    assertThat(perCustomer).isBetween(6.0, 9.0);
  }

  // ------------------------------------------------------------------------ optional files

  @Test
  void customers_haveEveryChannelAndQuotedNames() {
    List<NamedCsvRecord> customers = DATA.rows(SampleFile.CUSTOMERS);
    assertThat(customers).hasSize(OPTIONS.customers());
    assertThat(customers.get(0).getField("customer_id")).isEqualTo("C000001");
    assertThat(customers).extracting(r -> r.getField("channel")).containsOnly("self_serve", "sales", "partner");
    assertThat(customers).extracting(r -> r.getField("region")).contains("NA", "EMEA", "APAC", "LATAM");
    assertThat(customers).extracting(r -> r.getField("industry")).contains("Software", "Financial Services");
    assertThat(customers).extracting(r -> r.getField("name"))
        .anyMatch(n -> n.contains(",")).anyMatch(n -> n.contains("\"")).anyMatch(n -> n.contains("ü"));
  }

  @Test
  void health_isMonthlyAndBetween0And100() {
    List<NamedCsvRecord> health = DATA.rows(SampleFile.HEALTH);
    assertThat(health.size()).isGreaterThan(OPTIONS.customers() * 8);
    for (NamedCsvRecord row : health) {
      assertThat(Integer.parseInt(row.getField("score"))).isBetween(0, 100);
      assertThat(LocalDate.parse(row.getField("date"))).isBetween(FIRST_DAY, LAST_DAY);
    }
  }

  @Test
  void expansion_isMoreLikelyWithHigherHealth() {
    Map<String, double[]> scores = new HashMap<>();
    for (NamedCsvRecord row : DATA.rows(SampleFile.HEALTH)) {
      double[] sum = scores.computeIfAbsent(row.getField("customer_id"), id -> new double[2]);
      sum[0] += Integer.parseInt(row.getField("score"));
      sum[1]++;
    }
    Set<String> expanded = new HashSet<>();
    for (List<Phase> line : lines().values()) {
      for (int i = 1; i < line.size(); i++) {
        Phase before = line.get(i - 1);
        Phase after = line.get(i);
        if (before.billable() && after.billable() && after.seats() > before.seats()) {
          expanded.add(after.customerId());
        }
      }
    }
    int[] high = new int[2];
    int[] low = new int[2];
    scores.forEach((id, sum) -> {
      if (sum[1] >= 6) {
        double mean = sum[0] / sum[1];
        int[] bucket = mean >= 75 ? high : mean < 60 ? low : null;
        if (bucket != null) {
          bucket[0] += expanded.contains(id) ? 1 : 0;
          bucket[1]++;
        }
      }
    });
    double highRate = (double) high[0] / high[1];
    double lowRate = (double) low[0] / low[1];
    assertThat(highRate).isGreaterThan(lowRate * 1.3);
  }

  @Test
  void targetsAndFx_coverEveryGrainAndCurrency() {
    List<NamedCsvRecord> targets = DATA.rows(SampleFile.TARGETS);
    assertThat(targets).allMatch(r -> r.getField("metric").equals("upsellRate"));
    assertThat(targets).extracting(r -> r.getField("period"))
        .anyMatch(p -> p.matches("\\d{4}-\\d{2}")).anyMatch(p -> p.matches("\\d{4}-Q[1-4]"))
        .anyMatch(p -> p.matches("\\d{4}"));
    assertThat(targets).extracting(r -> r.getField("segment")).contains("", "channel=sales");
    assertThat(DATA.fxRates).containsOnlyKeys("USD", "EUR", "GBP");
    assertThat(DATA.fxRates.get("USD")).isEqualByComparingTo("1");
  }

  // -------------------------------------------------------------------------------- helpers

  private static String header(SampleFile file) {
    String text = DATA.texts.get(file);
    return text.substring(0, text.indexOf('\n'));
  }

  private static String rowsOf(String subscriptions, String customerId) {
    StringBuilder rows = new StringBuilder();
    subscriptions.lines().filter(l -> l.startsWith(customerId + ",")).forEach(l -> rows.append(l).append('\n'));
    return rows.toString();
  }

  private static long count(Predicate<Phase> filter) {
    return DATA.phases.stream().filter(filter).count();
  }

  private static List<NamedCsvRecord> rows(Predicate<NamedCsvRecord> filter) {
    return DATA.rows(SampleFile.SUBSCRIPTIONS).stream().filter(filter).toList();
  }

  private static long countRows(Predicate<NamedCsvRecord> filter) {
    return rows(filter).size();
  }

  private static Set<String> cells(String column) {
    Set<String> values = new HashSet<>();
    DATA.rows(SampleFile.SUBSCRIPTIONS).forEach(r -> values.add(r.getField(column)));
    return values;
  }

  private static Map<String, List<Phase>> byCustomer() {
    return DATA.phases.stream().collect(groupingBy(Phase::customerId, TreeMap::new, toList()));
  }

  /** Phases of each (customer, line), by start; overage and one-time rows belong to no line. */
  private static Map<String, List<Phase>> lines() {
    Map<String, List<Phase>> lines = DATA.phases.stream().filter(Phase::belongsToLine)
        .collect(groupingBy(p -> p.customerId() + "/" + p.lineId(), TreeMap::new, toList()));
    lines.values().forEach(l -> l.sort(Comparator.comparing(Phase::start)));
    return lines;
  }

  private static Integer tier(Phase phase) {
    if (phase.tier() != null) {
      return phase.tier();
    }
    return DATA.rows(SampleFile.PLANS).stream()
        .filter(r -> r.getField("product").equals(phase.product()) && r.getField("plan").equals(phase.plan()))
        .map(r -> Integer.valueOf(r.getField("tier"))).findFirst().orElse(null);
  }

  private static boolean inForce(Phase phase, LocalDate day) {
    return !phase.start().isAfter(day) && (phase.end() == null || phase.end().isAfter(day));
  }
}
