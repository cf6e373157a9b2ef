package dev.upshift.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.Upshift;
import dev.upshift.io.report.Examples;
import dev.upshift.report.ReportOptions;
import dev.upshift.time.Grain;
import java.io.StringWriter;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/** #14's additions to the §7.2 JSON: the unit, the opening balance echo and each period's coverage. */
class JsonReportWriterTest {
  private static JsonNode json(ReportOptions options) throws Exception {
    StringWriter out = new StringWriter();
    JsonReportWriter.write(Upshift.report(Examples.example1Dataset(), options), out);
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void moneyIsArrAndSaysSo_andNoOpeningBalanceIsNull() throws Exception {
    JsonNode report = json(Examples.february("2026-04").build());

    assertThat(report.get("unit").asText()).isEqualTo("arr");
    assertThat(report.get("config").get("openingBalance").isNull()).isTrue();
    assertThat(report.get("periods").get(1).get("arr").get("ending").decimalValue())
        .isEqualByComparingTo("1217000");
  }

  @Test
  void theOpeningBalanceIsEchoed() throws Exception {
    JsonNode report = json(ReportOptions.builder().openingBalance(YearMonth.of(2026, 2))
        .to(YearMonth.of(2026, 3)).build());

    assertThat(report.get("config").get("openingBalance").asText()).isEqualTo("2026-02");
    assertThat(report.get("periods").get(0).get("period").asText()).isEqualTo("2026-02");
    assertThat(report.get("periods").get(0).get("coverage").get("opening").asBoolean()).isFalse();
  }

  @Test
  void everyPeriodSaysHowMuchOfItTheDataCovers() throws Exception {
    // Example 1's data runs from January 2025 to April 2026; the second quarter of 2026 is partial.
    JsonNode report = json(ReportOptions.builder().grain(Grain.QUARTER).build());
    JsonNode periods = report.get("periods");

    JsonNode first = periods.get(0).get("coverage");
    assertThat(first.get("from").asText()).isEqualTo("2025-01-01");
    assertThat(first.get("through").asText()).isEqualTo("2025-03-31");
    assertThat(first.get("days").asInt()).isEqualTo(90);
    assertThat(first.get("ofDays").asInt()).isEqualTo(90);
    assertThat(first.get("opening").asBoolean()).isTrue();
    assertThat(first.get("partial").asBoolean()).isFalse();
    JsonNode last = periods.get(periods.size() - 1);
    assertThat(last.get("period").asText()).isEqualTo("2026-Q2");
    assertThat(last.get("coverage").get("through").asText()).isEqualTo("2026-04-30");
    assertThat(last.get("coverage").get("days").asInt()).isEqualTo(30);
    assertThat(last.get("coverage").get("ofDays").asInt()).isEqualTo(91);
    assertThat(last.get("coverage").get("partial").asBoolean()).isTrue();
    assertThat(last.get("upsellRate").get("status").isNull()).isTrue();
  }
}
