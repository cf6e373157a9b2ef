package dev.upshift.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The worked examples of SPEC §9, read from the golden folder beside the repository, on both the
 * reference and the production engine.
 */
class GoldenExamplesTest {

  private static NaiveReport run(String folder) {
    Path path = GoldenExample.folder(folder);
    return EngineAgreement.computeBoth(GoldenExample.dataset(path), GoldenExample.options(path));
  }

  private static void assertFigures(NaiveReport report, String period, Map<String, Long> expected) {
    assertThat(report.periodLabels()).containsExactly(period);
    expected.forEach((key, value) -> assertThat(report.value(period, key))
        .as(key).isEqualByComparingTo(BigDecimal.valueOf(value)));
  }

  @Test
  void example1_arrBridgeOfMarchInTheLiveBook() {
    NaiveReport report = run("01-arr-bridge-live");

    assertFigures(report, "2026-03", Map.of(
        "arr.starting", 1_200_000L,
        "arr.newLogo", 24_000L,
        "arr.upsell", 33_000L,
        "arr.upsellRamp", 15_000L,
        "arr.churn", -40_000L,
        "arr.netNew", 17_000L,
        "arr.ending", 1_217_000L));
    assertThat(report.ledger()).filteredOn(row -> row.customerId().equals("B")).isEmpty();
  }

  @Test
  void example1b_contractedBookCountsBsSignedNewLogoInMarch() {
    NaiveReport report = run("01b-arr-bridge-contracted");

    assertFigures(report, "2026-03", Map.of(
        "arr.newLogo", 60_000L,
        "arr.ending", 1_253_000L));
  }

  @Test
  void example2_totalUsersOfJanuary() {
    NaiveReport report = run("02-total-users");

    assertFigures(report, "2026-01", Map.of(
        "logos.starting", 500L,
        "logos.new", 20L,
        "logos.churned", -2L,
        "seats.starting", 2_500L,
        "seats.new", 60L,
        "seats.expansion", 40L,
        "seats.churned", -8L,
        "seats.downgraded", -2L,
        "seats.ending", 2_590L));
  }

  @Test
  void example3_upsellUsersOfJune() {
    NaiveReport report = run("03-upsell-users");

    assertFigures(report, "2026-06", Map.of(
        "upsellUsers", 18L,
        "logos.starting", 150L,
        "logos.new", 3L,
        "logos.churned", -5L,
        "seats.new", 30L));
  }

  @Test
  void example4_upsellRateOfQ1() {
    NaiveReport report = run("04-upsell-rate");

    assertFigures(report, "2026-Q1", Map.of(
        "upsellRate.eligible", 200L,
        "upsellRate.upsold", 45L));
    assertThat(report.value("2026-Q1", "upsellRate.rate")).isEqualByComparingTo("22.5");
    assertThat(report.value("2026-Q1", "upsellRate.qtdRate")).isNull();
    assertThat(report.period("2026-Q1").keySet()).isEqualTo(NaiveReport.KEYS);
    assertThat(List.of(report.periodLabels().get(0))).containsExactly("2026-Q1");
  }
}
