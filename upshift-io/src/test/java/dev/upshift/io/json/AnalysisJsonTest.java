package dev.upshift.io.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.analysis.Initiative;
import dev.upshift.report.Report;
import dev.upshift.segment.SegmentFilter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisJsonTest {
  static JsonNode json() throws Exception {
    Report report = Upshift.analyze(Fixtures.smallCompany().dataset(), Fixtures.SIX_MONTHS,
        AnalysisOptions.defaults().withCohortGrain(dev.upshift.time.Grain.MONTH).withInitiatives(List.of(new Initiative("CSM",
            LocalDate.parse("2025-04-01"), SegmentFilter.parse("channel=sales")))), null);
    ObjectMapper mapper = new ObjectMapper();
    StringWriter text = new StringWriter();
    try (JsonGenerator gen = mapper.getFactory().createGenerator(text)) {
      gen.writeStartObject();
      gen.writeStringField("schema", "upshift.report/v1");
      AnalysisJson.writeSections(report.analysis(), gen);
      gen.writeEndObject();
    }
    return mapper.readTree(text.toString());
  }

  @Test
  void writesTheSixSectionsAtTopLevel() throws Exception {
    JsonNode root = json();
    List<String> names = new ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    assertThat(names).containsExactly("schema", "cohorts", "forecast", "correlation",
        "initiatives", "benchmarks", "signals");
    assertThat(AnalysisJson.SECTIONS).containsExactlyElementsOf(names.subList(1, 7));
  }

  @Test
  void numbersAreRoundedToTwoDecimalsAndNullWhereUndefined() throws Exception {
    JsonNode root = json();
    JsonNode forecast = root.get("forecast");
    assertThat(forecast.get("period").asText()).isEqualTo("2025-07");
    assertThat(forecast.get("eligible").isIntegralNumber()).isTrue();
    assertThat(forecast.get("expectedUpsold").decimalValue()).isEqualByComparingTo("0.33");
    assertThat(forecast.get("avgUpsoldArr").decimalValue()).isEqualByComparingTo("5166.67");
    assertThat(forecast.get("backtest").get("mape").decimalValue()).isEqualByComparingTo("57.95");
    assertThat(forecast.get("backtest").get("points").get(2).get("absolutePercentageError")
        .isNull()).isTrue();
    assertThat(forecast.get("buckets").get(0).get("tenure").asText()).isEqualTo("0-6");

    JsonNode cell = root.get("cohorts").get("cohorts").get(0).get("cells").get(1);
    assertThat(cell.get("arrEnding").decimalValue()).isEqualByComparingTo("14400.00");
    assertThat(cell.get("arrEnding").asText()).isEqualTo("14400.0"); // a number, not a string
    assertThat(root.get("cohorts").get("cohortGrain").asText()).isEqualTo("month");

    assertThat(root.get("correlation").get("pointBiserial").decimalValue())
        .isEqualByComparingTo("0.33");
    assertThat(root.get("correlation").get("buckets").get(0).get("bucket").asText())
        .isEqualTo("High");

    JsonNode initiative = root.get("initiatives").get(0);
    assertThat(initiative.get("segment").asText()).isEqualTo("channel=sales");
    assertThat(initiative.get("launchDate").asText()).isEqualTo("2025-04-01");
    assertThat(initiative.get("arrImpact").decimalValue()).isEqualByComparingTo("-7840.00");

    JsonNode annual = root.get("benchmarks").get("annualUpsellRate");
    assertThat(annual.get("value").isNull()).isTrue();
    assertThat(annual.get("references").get(1).get("high").isNull()).isTrue();
    assertThat(root.get("benchmarks").get("monthlyUpsellRate").get("value").decimalValue())
        .isEqualByComparingTo("15.79");

    JsonNode users = root.get("signals").get("upsellUsers");
    assertThat(users.get("status").asText()).isEqualTo("Watch");
    assertThat(users.get("figures").get("upsoldCustomers").isIntegralNumber()).isTrue();
    assertThat(users.get("reasons").size()).isGreaterThan(0);
    assertThat(root.get("signals").get("totalUsers").get("figures").get("seatsEnding").asLong())
        .isEqualTo(40);
  }
}
