package dev.upshift.cli;

import static dev.upshift.cli.CommandLineTest.demo;
import static dev.upshift.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.cli.CommandLineTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #14 "board-ready numbers out", on the bundled sample, as a user types the options. */
class BoardReadyCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  private static JsonNode json(Run run) throws IOException {
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void anOpeningBalanceTakesTheExistingBookAsStartingArr() throws IOException {
    JsonNode without = json(run("report", "--data", demo().toString(), "--format", "json",
        "--to", "2024-12"));
    JsonNode with = json(run("report", "--data", demo().toString(), "--format", "json",
        "--opening-balance", "2024-11", "--to", "2024-12"));

    JsonNode first = without.at("/periods/0");
    assertThat(first.at("/period").asText()).isEqualTo("2024-11");
    assertThat(first.at("/arr/starting").decimalValue()).isZero();
    assertThat(first.at("/coverage/opening").asBoolean()).isTrue();
    JsonNode opened = with.at("/periods/0");
    assertThat(with.at("/config/openingBalance").asText()).isEqualTo("2024-11");
    assertThat(opened.at("/arr/starting").decimalValue())
        .isEqualByComparingTo(first.at("/arr/newLogo").decimalValue()
            .subtract(opened.at("/arr/newLogo").decimalValue()));
    assertThat(opened.at("/arr/newLogo").decimalValue())
        .isLessThan(first.at("/arr/newLogo").decimalValue());
    assertThat(opened.at("/coverage/opening").asBoolean()).isFalse();
    assertThat(opened.at("/arr/ending").decimalValue())
        .isEqualByComparingTo(first.at("/arr/ending").decimalValue());
  }

  @Test
  void openingBalanceUsageErrors() {
    Run early = run("report", "--data", demo().toString(), "--opening-balance", "2025-01",
        "--from", "2024-12");
    Run quarter = run("report", "--data", demo().toString(), "--opening-balance", "2024-11",
        "--grain", "quarter");
    Run typo = run("report", "--data", demo().toString(), "--opening-balance", "Nov 2024");

    assertThat(early.exit()).isEqualTo(2);
    assertThat(early.err()).contains("--from 2024-12 is before --opening-balance 2025-01");
    assertThat(quarter.exit()).isEqualTo(2);
    assertThat(quarter.err()).contains("--opening-balance 2024-11 is not the first month of a quarter");
    assertThat(typo.exit()).isEqualTo(2);
    assertThat(typo.err()).contains("--opening-balance must be a month like 2026-03");
  }

  @Test
  void mrrForTheTableAndCsv_andJsonStaysArr() throws IOException {
    Run table = run("report", "--data", demo().toString(), "--unit", "mrr", "--from", "2026-10");
    Run csv = run("report", "--data", demo().toString(), "--unit", "MRR", "--format", "csv",
        "--from", "2026-10");
    JsonNode arr = json(run("report", "--data", demo().toString(), "--format", "json",
        "--from", "2026-10"));
    Run bad = run("report", "--data", demo().toString(), "--unit", "arrr");

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("MRR bridge (USD)", "Starting MRR", "Ending MRR")
        .doesNotContain("Ending ARR");
    assertThat(arr.get("unit").asText()).isEqualTo("arr");
    String ending = arr.at("/periods/0/arr/ending").decimalValue()
        .divide(java.math.BigDecimal.valueOf(12), 2, java.math.RoundingMode.HALF_EVEN)
        .toPlainString();
    assertThat(csv.exit()).as(csv.err()).isZero();
    assertThat(csv.out()).contains("," + ending + ",").contains(",mrr,");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("--unit");
  }

  @Test
  void htmlHasTheTitleAndItsDates() throws IOException {
    Path html = work.resolve("report.html");
    Run run = run("report", "--data", demo().toString(), "--format", "html", "--title",
        "Acme <board>", "--out", html.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("<h1>Acme &lt;board&gt;</h1>", "<span>Data through 2026-10-31</span>",
        "<span>prepared " + java.time.LocalDate.now());
  }

  @Test
  void xlsxHasTheLedgerSheet() throws IOException {
    Path xlsx = work.resolve("report.xlsx");
    Run run = run("report", "--data", demo().toString(), "--format", "xlsx", "--unit", "mrr",
        "--out", xlsx.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    try (ZipFile zip = new ZipFile(xlsx.toFile())) {
      String workbook = new String(zip.getInputStream(zip.getEntry("xl/workbook.xml"))
          .readAllBytes(), StandardCharsets.UTF_8);
      assertThat(workbook).contains("name=\"Bridge\"", "name=\"Ledger (ARR)\"");
    }
  }

  @Test
  void benchmarksCompareLikeWithLikeWhateverTheDefinition() throws IOException {
    JsonNode expansion = json(run("report", "--data", demo().toString(), "--format", "json",
        "--analysis"));
    JsonNode tier = json(run("report", "--data", demo().toString(), "--format", "json",
        "--analysis", "--upsell-definition", "tier"));

    JsonNode a = expansion.at("/benchmarks/annualUpsellRate");
    JsonNode b = tier.at("/benchmarks/annualUpsellRate");
    assertThat(a.get("value").decimalValue()).isEqualByComparingTo(b.get("value").decimalValue());
    assertThat(a.get("assessment").asText()).isEqualTo(b.get("assessment").asText());
    assertThat(a.get("definition").toString()).isEqualTo("[\"tier\",\"seats\",\"cross_sell\"]");
    assertThat(a.get("note").asText()).contains("(tier, seats, add_on, cross_sell) gives");
    assertThat(b.get("note").asText()).contains("(tier) gives");
  }
}
