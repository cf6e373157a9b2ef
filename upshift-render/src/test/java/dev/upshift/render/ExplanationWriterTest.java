package dev.upshift.render;

import static dev.upshift.render.TableReportWriterTest.lines;
import static dev.upshift.testing.PhaseBuilder.phase;
import static dev.upshift.testing.PhaseBuilder.phases;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.upshift.Upshift;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.input.Dataset;
import dev.upshift.input.PhaseStatus;
import dev.upshift.io.report.Examples;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExplanationWriterTest {

  @Test
  void upgrade_isExplainedByTheLineChangeWithItsSourceLines_andQuietPeriodsAreMerged()
      throws IOException {
    String text = text(explain("C", "2026-06"));

    assertThat(text).isEqualTo(lines(
        "Customer C",
        "First active  2025-01-01",
        "Initial ARR   50,000.00 USD",
        "",
        "2026-02  retained, no movement: ARR 50,000.00, 100 seats; eligible, not upsold",
        "2026-03  retained: ARR 50,000.00 → 68,000.00 (+18,000.00); seats 100 → 100 (0)",
        "    upsell +18,000.00",
        "    Upsell User: no; eligible: yes; upsold: yes (upsold expansion ARR 18,000.00)",
        "    line L1: Standard tier 1, 100 seats, 50,000.00 ARR from 2025-01-01 until 2026-03-15"
            + " (subscriptions.csv line 3) → Enterprise tier 2, 100 seats, 68,000.00 ARR from"
            + " 2026-03-15, signed 2026-03-10 (subscriptions.csv line 4)",
        "2026-04 to 2026-06  retained, no movement: ARR 68,000.00, 100 seats; eligible, not upsold"));
  }

  @Test
  void rampStep_namesTheRampPart_andChurnShowsTheEndedLine() throws IOException {
    assertThat(text(explain("E", "2026-04"))).contains(
        "2026-03  retained: ARR 20,000.00 → 35,000.00 (+15,000.00); seats 10 → 10 (0)\n"
            + "    upsell +15,000.00 (of which ramp +15,000.00)\n");
    assertThat(text(explain("D", "2026-04"))).contains(
        "2026-03  churned: ARR 40,000.00 → 0.00 (-40,000.00); seats 20 → 0 (-20)\n"
            + "    churn -40,000.00\n"
            + "    Upsell User: no; eligible: yes; upsold: no\n"
            + "    line default: Standard tier 1, 20 seats, 40,000.00 ARR from 2025-06-01 until"
            + " 2026-03-31, ending signed 2026-02-20 (subscriptions.csv line 5) → (none)\n"
            + "2026-04  not active\n");
  }

  @Test
  void seatGrowth_makesAnUpsellUser_withProductAndSeatCounts() throws IOException {
    Dataset dataset = Dataset.of(phases(
        phase("S").product("analytics").plan("Team").seats(50).arr("10000").from("2025-01-01")
            .until("2026-03-10"),
        phase("S").product("analytics").plan("Team").seats(60).arr("12000").from("2026-03-10")));
    String text = text(Upshift.explain(dataset, Examples.february("2026-03").build(), "S"));

    assertThat(text).contains(
        "2026-03  retained: ARR 10,000.00 → 12,000.00 (+2,000.00); seats 50 → 60 (+10)\n"
            + "    add-on seats +2,000.00\n"
            + "    Upsell User: yes; eligible: yes; upsold: yes (upsold expansion ARR 2,000.00)\n"
            + "    line analytics: analytics Team, 50 seats, 10,000.00 ARR from 2025-01-01 until"
            + " 2026-03-10 (subscriptions.csv line 2) → analytics Team, 60 seats, 12,000.00 ARR"
            + " from 2026-03-10 (subscriptions.csv line 3)\n");
  }

  @Test
  void customerThatNeverPaid_isNeverActive_inOneLine() throws IOException {
    Dataset dataset = Dataset.of(phases(
        phase("T").plan("Trial").seats(5).arr("1000").from("2026-01-15")
            .status(PhaseStatus.TRIAL)));
    String text = text(Upshift.explain(dataset, Examples.february("2026-04").build(), "T"));

    assertThat(text).isEqualTo(lines(
        "Customer T",
        "First active  never",
        "",
        "2026-02 to 2026-04  not active"));
  }

  @Test
  void json_hasStableFieldsMoneyInTwoDecimalsAndEachChangesPhases() throws IOException {
    StringWriter out = new StringWriter();
    ExplanationWriter.writeJson(explain("C", "2026-04"), out);
    JsonNode json = new ObjectMapper().readTree(out.toString());

    assertThat(out.toString()).contains("\"initialArr\": 50000.00,", "\"upsell\": 18000.00,",
        "\"churn\": 0.00,").endsWith("}\n");
    assertThat(json.get("schema").asText()).isEqualTo("upshift.explanation/v1");
    assertThat(json.get("customerId").asText()).isEqualTo("C");
    assertThat(json.get("firstActiveDate").asText()).isEqualTo("2025-01-01");
    assertThat(json.get("periods")).hasSize(3);
    JsonNode march = json.get("periods").get(1);
    assertThat(march.get("period").asText()).isEqualTo("2026-03");
    assertThat(march.get("status").asText()).isEqualTo("retained");
    assertThat(march.get("arr").get("upsell").decimalValue()).isEqualByComparingTo(new BigDecimal("18000.00"));
    assertThat(march.get("arr").get("netNew").decimalValue()).isEqualByComparingTo(new BigDecimal("18000.00"));
    assertThat(march.get("seats").get("movement").asLong()).isZero();
    assertThat(march.get("upsold").asBoolean()).isTrue();
    assertThat(march.get("upsoldArr").decimalValue()).isEqualByComparingTo(new BigDecimal("18000.00"));
    JsonNode change = march.get("changes").get(0);
    assertThat(change.get("lineId").asText()).isEqualTo("L1");
    JsonNode before = change.get("before");
    assertThat(before.get("line").asInt()).isEqualTo(3);
    assertThat(before.get("plan").asText()).isEqualTo("Standard");
    assertThat(before.get("tier").asInt()).isEqualTo(1);
    assertThat(before.get("seats").asInt()).isEqualTo(100);
    assertThat(before.get("arr").decimalValue()).isEqualByComparingTo(new BigDecimal("50000.00"));
    assertThat(before.get("start").asText()).isEqualTo("2025-01-01");
    assertThat(before.get("end").asText()).isEqualTo("2026-03-15");
    assertThat(before.get("signed").asText()).isEqualTo("2025-01-01");
    JsonNode after = change.get("after");
    assertThat(after.get("line").asInt()).isEqualTo(4);
    assertThat(after.get("plan").asText()).isEqualTo("Enterprise");
    assertThat(after.get("end").isNull()).isTrue();
    assertThat(after.get("signed").asText()).isEqualTo("2026-03-10");
    assertThat(json.get("periods").get(0).get("changes")).isEmpty();
  }

  @Test
  void json_ofAnEndedLine_hasANullAfter() throws IOException {
    StringWriter out = new StringWriter();
    ExplanationWriter.writeJson(explain("D", "2026-04"), out);
    JsonNode march = new ObjectMapper().readTree(out.toString()).get("periods").get(1);

    assertThat(march.get("status").asText()).isEqualTo("churned");
    assertThat(march.get("arr").get("churn").decimalValue())
        .isEqualByComparingTo(new BigDecimal("-40000.00"));
    assertThat(march.get("changes").get(0).get("after").isNull()).isTrue();
    assertThat(march.get("changes").get(0).get("before").get("cancelSigned").asText())
        .isEqualTo("2026-02-20");
  }

  @Test
  void onboardingWindow_isShownWithItsDatesMovementAndPeriod_andTheEligiblePeriodWithoutArr()
      throws IOException {
    CustomerExplanation z = Upshift.explain(Examples.onboardingDataset(),
        Examples.firstNinetyDays().build(), "Z");

    String text = text(z);
    assertThat(text).startsWith(lines(
        "Customer Z",
        "First active  2026-01-10",
        "Initial ARR   10,000.00 USD",
        "Rate window   first 90 days, 2026-01-10 to 2026-04-10: counted in 2026-04",
        "window  churned: ARR 10,000.00 → 0.00 (-10,000.00); seats 10 → 0 (-10)",
        "    churn -10,000.00",
        "    Upsell User: no; eligible: yes; upsold: no",
        "    line default: Team, 10 seats, 10,000.00 ARR from 2026-01-10 until 2026-03-01"
            + " (subscriptions.csv line 5) → (none)",
        "") + "2026-01  new: ");
    assertThat(text).contains("2026-02  retained, no movement: ARR 10,000.00, 10 seats; not eligible")
        .endsWith("2026-04  not active; eligible (rate window), not upsold\n");

    StringWriter out = new StringWriter();
    ExplanationWriter.writeJson(z, out);
    JsonNode window = new ObjectMapper().readTree(out.toString()).get("rateWindow");
    assertThat(window.get("window").asText()).isEqualTo("onboarding:90");
    assertThat(window.get("start").asText()).isEqualTo("2026-01-10");
    assertThat(window.get("end").asText()).isEqualTo("2026-04-10");
    assertThat(window.get("countedIn").asText()).isEqualTo("2026-04");
    assertThat(window.get("status").asText()).isEqualTo("churned");
    assertThat(window.get("arr").get("churn").decimalValue())
        .isEqualByComparingTo(new BigDecimal("-10000.00"));
    assertThat(window.get("eligible").asBoolean()).isTrue();
    assertThat(window.get("upsold").asBoolean()).isFalse();
    assertThat(window.get("changes")).hasSize(1);
  }

  @Test
  void onboardingWindow_ofACustomerNeverActive_hasNoDates() throws IOException {
    Dataset dataset = Dataset.of(phases(phase("T").seats(3).arr("3000").from("2026-01-10")
        .status(PhaseStatus.TRIAL)));
    CustomerExplanation t = Upshift.explain(dataset, Examples.firstNinetyDays().build(), "T");

    assertThat(text(t)).contains("Rate window   first 90 days: none, never active\n");
    StringWriter out = new StringWriter();
    ExplanationWriter.writeJson(t, out);
    JsonNode window = new ObjectMapper().readTree(out.toString()).get("rateWindow");
    assertThat(window.get("start").isNull()).isTrue();
    assertThat(window.get("arr").isNull()).isTrue();
    assertThat(window.get("upsold").asBoolean()).isFalse();
    StringWriter plain = new StringWriter();
    ExplanationWriter.writeJson(explain("C", "2026-04"), plain);
    assertThat(new ObjectMapper().readTree(plain.toString()).get("rateWindow").isNull()).isTrue();
  }

  private static CustomerExplanation explain(String customer, String to) {
    return Upshift.explain(Examples.example1Dataset(), Examples.february(to).build(), customer);
  }

  private static String text(CustomerExplanation explanation) throws IOException {
    StringWriter out = new StringWriter();
    ExplanationWriter.write(explanation, "USD", out);
    return out.toString();
  }
}
