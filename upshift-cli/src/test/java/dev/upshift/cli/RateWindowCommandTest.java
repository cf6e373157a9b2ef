package dev.upshift.cli;

import static dev.upshift.cli.CommandLineTest.demo;
import static dev.upshift.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.cli.CommandLineTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --rate-window onboarding:N} as a user types it (§5.5 window, §7.1). */
class RateWindowCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  @Test
  void jsonEchoesTheWindowHasNoQuarterToDateAndTheLedgerCarriesEveryEligibleCustomer()
      throws IOException {
    Path ledger = work.resolve("ledger.csv");
    Run run = run("report", "--data", demo().toString(), "--format", "json", "--from", "2025-07",
        "--to", "2026-06", "--rate-window", "onboarding:90", "--ledger", ledger.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/config/rateWindow").asText()).isEqualTo("onboarding:90");
    long eligible = 0;
    for (JsonNode period : report.get("periods")) {
      JsonNode rate = period.get("upsellRate");
      assertThat(rate.get("qtdEligible").isNull()).isTrue();
      assertThat(rate.get("qtdRate").isNull()).isTrue();
      assertThat(rate.get("status").isNull() || Set.of("Below", "Achieved")
          .contains(rate.get("status").asText())).as(rate.toString()).isTrue();
      eligible += rate.get("eligible").asLong();
    }
    assertThat(eligible).as("customers landed in the year whose window ended in it").isPositive();
    List<String> lines = Files.readAllLines(ledger);
    int column = List.of(lines.get(0).split(",")).indexOf("eligible");
    long flagged = lines.stream().skip(1).filter(l -> l.split(",", -1)[column].equals("1")).count();
    assertThat(flagged).isEqualTo(eligible);
  }

  @Test
  void tableCsvAndExplainNameTheWindow() throws IOException {
    String demo = demo().toString();
    Run table = run("report", "--data", demo, "--from", "2026-01", "--to", "2026-03",
        "--rate-window", "onboarding:90");
    Path csv = work.resolve("report.csv");
    Run written = run("report", "--data", demo, "--format", "csv", "--from", "2026-01",
        "--to", "2026-03", "--rate-window", "onboarding:90", "--out", csv.toString());
    Run explain = run("explain", "--data", demo, "--customer", "C000001",
        "--rate-window", "Onboarding:30");

    assertThat(table.exit()).as(table.err()).isZero();
    assertThat(table.out()).contains("Upsell Rate, first 90 days").contains("Rate window")
        .doesNotContain("QTD rate");
    assertThat(written.exit()).as(written.err()).isZero();
    List<String> rows = Files.readAllLines(csv);
    int column = List.of(rows.get(0).split(",")).indexOf("upsellRate.window");
    assertThat(rows.subList(1, rows.size()))
        .allSatisfy(row -> assertThat(row.split(",", -1)[column]).isEqualTo("onboarding:90"));
    assertThat(explain.exit()).as(explain.err()).isZero();
    assertThat(explain.out()).contains("Rate window   first 30 days, ");
  }

  @Test
  void htmlAndXlsxOverAWindowLeaveTheAnalysisOut() throws IOException {
    Path html = work.resolve("report.html");
    Path xlsx = work.resolve("report.xlsx");
    Run page = run("report", "--data", demo().toString(), "--format", "html", "--rate-window",
        "onboarding:90", "--out", html.toString());
    Run book = run("report", "--data", demo().toString(), "--format", "xlsx", "--rate-window",
        "onboarding:90", "--out", xlsx.toString());

    assertThat(page.exit()).as(page.err()).isZero();
    String text = Files.readString(html);
    assertThat(text).contains("Upsell Rate, first 90 days", "<dt>Rate window</dt>",
        "id=\"segments\"", ">By tenure (months)<").doesNotContain("id=\"cohorts\"");
    assertThat(book.exit()).as(book.err()).isZero();
    assertThat(Files.size(xlsx)).isPositive();
  }

  @Test
  void aBadWindowOrOneWithTheAnalysisIsAUsageError() {
    String demo = demo().toString();
    String[][] cases = {
        {"report", "--data", demo, "--rate-window", "onboarding:0"},
        {"report", "--data", demo, "--rate-window", "renewal:30"},
        {"report", "--data", demo, "--rate-window", "90"},
        {"explain", "--data", demo, "--customer", "C000001", "--rate-window", "onboarding:x"},
        {"report", "--data", demo, "--rate-window", "onboarding:90", "--analysis"},
    };
    String[] firstLines = {
        "Invalid value for option '--rate-window': expected onboarding:N with N whole days >= 1, "
            + "e.g. onboarding:90, not 'onboarding:0'",
        "Invalid value for option '--rate-window': unknown rate window 'renewal': the only window "
            + "is onboarding (expected onboarding:N with N whole days >= 1, e.g. onboarding:90)",
        "Invalid value for option '--rate-window': expected onboarding:N with N whole days >= 1, "
            + "e.g. onboarding:90, not '90'",
        "Invalid value for option '--rate-window': expected onboarding:N with N whole days >= 1, "
            + "e.g. onboarding:90, not 'onboarding:x'",
        "--rate-window cannot be combined with --analysis: cohorts, forecast, health correlation "
            + "and initiatives pool the Upsell Rate of each period, not of each customer's "
            + "onboarding window",
    };
    for (int i = 0; i < cases.length; i++) {
      Run run = run(cases[i]);
      assertThat(run.exit()).as(firstLines[i]).isEqualTo(ExitCode.USAGE);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines().findFirst()).hasValue(firstLines[i]);
    }
  }
}
