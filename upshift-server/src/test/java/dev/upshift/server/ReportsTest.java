package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.server.ingest.Importer;
import dev.upshift.store.IngestMode;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SPEC §8.4 on the sample dataset: the ledger behind a figure sums to it, explanations cite the
 * records behind each movement, exports come in every format, bad options are 400s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsTest {
  private Path dir;
  private TestServer server;
  private Http http;
  private String key;

  static Path demo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("samples/demo"))) {
        return dir.resolve("samples/demo");
      }
    }
    throw new IllegalStateException("samples/demo not found");
  }

  @BeforeAll
  void importTheSample() throws Exception {
    dir = Files.createTempDirectory("upshift-reports-");
    server = TestServer.sqlite(dir);
    http = server.http;
    Store store = server.store;
    Workspace demo = store.createWorkspace("demo");
    key = store.createKey(demo, KeyScope.READ, "reader").secret();
    new Importer(store, 1000, line -> { }).run(demo, demo(), IngestMode.STRICT);
  }

  @AfterAll
  void stop() throws java.io.IOException {
    server.close();
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private JsonNode report(String query) {
    Http.Reply reply = http.get("/v1/report?" + query, key);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** The rows of a ledger query, every page. */
  private List<JsonNode> ledger(String query) {
    List<JsonNode> rows = new java.util.ArrayList<>();
    String after = null;
    do {
      Http.Reply reply = http.get("/v1/ledger?limit=50&" + query
          + (after == null ? "" : "&after=" + after), key);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      reply.json().get("rows").forEach(rows::add);
      JsonNode next = reply.json().get("next");
      after = next.isNull() ? null : next.asText();
    } while (after != null);
    return rows;
  }

  private static BigDecimal sum(List<JsonNode> rows, String column) {
    return rows.stream().map(row -> row.get(column).decimalValue())
        .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_EVEN);
  }

  @ParameterizedTest(name = "{0} of {1} in {2}")
  @CsvSource({
      "upsell, upsell, 2025-06, ''",
      "addOnSeats, add_on_seats, 2025-09, ''",
      "churn, churn, 2025-11, ''",
      "newLogo, new_logo, 2025-Q2, grain=quarter",
      "crossSell, cross_sell, 2025-Q3, grain=quarter&book=contracted",
      "expansion, expansion, 2025-10, ''",
  })
  void theLedgerBehindAFigure_sumsToIt(String component, String column, String period,
      String options) {
    JsonNode report = report(options);
    JsonNode figure = null;
    for (JsonNode p : report.get("periods")) {
      if (p.get("period").asText().equals(period)) {
        figure = p.get("arr").get(component);
      }
    }
    assertThat(figure).as(period).isNotNull();

    List<JsonNode> rows = ledger("period=" + period + "&component=" + component
        + (options.isEmpty() ? "" : "&" + options));

    assertThat(sum(rows, column)).isEqualByComparingTo(figure.decimalValue());
    assertThat(rows).allSatisfy(row -> assertThat(row.get(column).decimalValue()).isNotZero());
  }

  @ParameterizedTest(name = "seats.{0} in {1}")
  @CsvSource({
      "new, 2025-06, ''",
      "expansion, 2025-09, ''",
      "churned, 2025-11, ''",
      "downgraded, 2025-Q3, grain=quarter",
  })
  void theLedgerBehindATotalUsersStep_sumsToIt(String step, String period, String options) {
    JsonNode figure = null;
    for (JsonNode p : report(options).get("periods")) {
      if (p.get("period").asText().equals(period)) {
        figure = p.get("seats").get(step);
      }
    }
    assertThat(figure).as(period).isNotNull();
    assertThat(figure.longValue()).as("a step with customers behind it").isNotZero();

    List<JsonNode> rows = ledger("period=" + period + "&component=seats"
        + Character.toUpperCase(step.charAt(0)) + step.substring(1)
        + (options.isEmpty() ? "" : "&" + options));

    assertThat(sum(rows, "seat_movement")).isEqualByComparingTo(figure.decimalValue());
    assertThat(rows).allSatisfy(row -> assertThat(row.get("seat_movement").decimalValue())
        .isNotZero());
  }

  @Test
  void theLedgerOfASegment_andOfUpsoldCustomers_sumsToTheSegmentsFigures() {
    JsonNode report = report("by=region");
    JsonNode emea = report.at("/segments/region/EMEA/3");
    String period = emea.get("period").asText();

    List<JsonNode> all = ledger("period=" + period + "&segment=region%3DEMEA");
    List<JsonNode> upsold = ledger("period=" + period + "&segment=region%3DEMEA&component=upsold");

    assertThat(sum(all, "arr_end")).isEqualByComparingTo(emea.at("/arr/ending").decimalValue());
    assertThat(sum(all, "net_new")).isEqualByComparingTo(emea.at("/arr/netNew").decimalValue());
    assertThat(upsold).hasSize(emea.at("/upsellRate/upsold").asInt());
    assertThat(sum(upsold, "upsold_arr"))
        .isEqualByComparingTo(emea.at("/upsellRate/upsoldArr").decimalValue());
  }

  @Test
  void theLedgerAsCsv_isTheCommandLinesLedger() {
    Http.Reply csv = http.get("/v1/ledger?period=2025-06", key, "text/csv");

    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    List<String> lines = csv.text().lines().toList();
    assertThat(lines.get(0)).startsWith("period,customer_id,status,arr_start,arr_end,new_logo,");
    assertThat(lines.subList(1, lines.size())).allMatch(line -> line.startsWith("2025-06,"));
    assertThat(lines).hasSize(ledger("period=2025-06").size() + 1);
  }

  @Test
  void badLedgerQueries_are400() {
    assertThat(http.get("/v1/ledger", key).status()).isEqualTo(400);
    assertThat(http.get("/v1/ledger?period=1999-01", key).json().at("/error/message").asText())
        .startsWith("the report has no period '1999-01'");
    assertThat(http.get("/v1/ledger?period=2025-06&component=profit", key).status())
        .isEqualTo(400);
    assertThat(http.get("/v1/ledger?period=2025-06&segment=region%3DEMEA&where=region%3DNA", key)
        .status()).isEqualTo(400);
  }

  @Test
  void anExplanation_citesTheRecordsBehindEachMovement() {
    String customer = ledger("period=2025-06&component=upsell").get(0).get("customer_id").asText();

    Http.Reply reply = http.get("/v1/customers/" + customer + "/explain", key);

    assertThat(reply.status()).isEqualTo(200);
    JsonNode explanation = reply.json();
    assertThat(explanation.get("customerId").asText()).isEqualTo(customer);
    JsonNode june = null;
    for (JsonNode period : explanation.get("periods")) {
      if (period.get("period").asText().equals("2025-06")) {
        june = period;
      }
    }
    assertThat(june.at("/arr/upsell").decimalValue()).isPositive();
    JsonNode after = june.at("/changes/0/after");
    assertThat(after.get("id").asText()).startsWith("subscriptions.csv:");
    assertThat(after.has("line")).isFalse();
    JsonNode record = http.get("/v1/phases/" + after.get("id").asText().replace(":", "%3A"), key)
        .json();
    assertThat(record.get("customer_id").asText()).isEqualTo(customer);
    assertThat(record.get("start_date").asText()).isEqualTo(after.get("start").asText());
    assertThat(http.get("/v1/customers/NOBODY/explain", key).status()).isEqualTo(404);
  }

  @Test
  void exports_comeInEveryFormat() throws Exception {
    Http.Reply csv = http.get("/v1/report?format=csv&grain=quarter", key);
    Http.Reply html = http.get("/v1/report?format=html", key);
    Http.Reply xlsx = http.get("/v1/report?format=xlsx", key);

    assertThat(csv.header("Content-Type")).startsWith("text/csv");
    assertThat(csv.text()).contains("2025-Q2");
    assertThat(html.header("Content-Type")).startsWith("text/html");
    assertThat(html.text()).startsWith("<!DOCTYPE html>").contains("Upsell");
    assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx.response().body()))) {
      assertThat(zip.getNextEntry()).isNotNull();
    }
    assertThat(http.get("/v1/report?format=pdf", key).status()).isEqualTo(400);
  }

  /** The §7.2 JSON the engine computes from the sample's files with {@code options}. */
  private static JsonNode engineReport(dev.upshift.report.ReportOptions options) throws Exception {
    Path files = demo();
    dev.upshift.input.Dataset dataset = dev.upshift.io.csv.DatasetReader.read(
        dev.upshift.io.csv.InputFiles.of(files.resolve("subscriptions.csv"))
            .withCustomers(files.resolve("customers.csv")).withPlans(files.resolve("plans.csv"))
            .withHealth(files.resolve("health.csv")).withTargets(files.resolve("targets.csv"))
            .withFx(files.resolve("fx.csv"))).dataset();
    java.io.StringWriter text = new java.io.StringWriter();
    dev.upshift.io.json.JsonReportWriter.write(dev.upshift.Upshift.report(dataset, options), text);
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.toString());
  }

  /**
   * The onboarding window (SPEC §5.5) over the API: the same report, field for field, as the
   * engine computes from the sample's files with {@code --rate-window onboarding:90}.
   */
  @Test
  void rateWindow_givesTheCommandLinesReport() throws Exception {
    JsonNode expected = engineReport(dev.upshift.report.ReportOptions.builder()
        .grain(dev.upshift.time.Grain.QUARTER)
        .rateWindow(dev.upshift.metric.RateWindow.onboarding(90)).build());

    JsonNode served = report("grain=quarter&rateWindow=onboarding:90");
    ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("dataVersion");

    assertThat(served.at("/config/rateWindow").asText()).isEqualTo("onboarding:90");
    assertThat(served).isEqualTo(expected);
    Http.Reply refused = http.get("/v1/report?rateWindow=renewal:30", key);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    Http.Reply withAnalysis = http.get("/v1/report?rateWindow=onboarding:90&analysis=true", key);
    assertThat(withAnalysis.status()).as(withAnalysis.toString()).isEqualTo(400);
  }

  /** The opening balance (SPEC §2.4) over the API: the engine's report of the files. */
  @Test
  void openingBalance_givesTheCommandLinesReport() throws Exception {
    JsonNode expected = engineReport(dev.upshift.report.ReportOptions.builder()
        .openingBalance(java.time.YearMonth.of(2025, 1)).build());

    JsonNode served = report("openingBalance=2025-01");
    ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("dataVersion");

    assertThat(served.at("/config/openingBalance").asText()).isEqualTo("2025-01");
    assertThat(served.at("/periods/0/period").asText()).isEqualTo("2025-01");
    assertThat(served).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "grain=week|grain: 'week' is not month, quarter or year",
      "from=2025-13|from must be a month like 2026-03, not '2025-13'",
      "openingBalance=2025-02&grain=quarter|--opening-balance 2025-02 is not the first month of a quarter",
      "fiscalYearStart=13|fiscal year start must be 1-12: 13",
      "upsellDefinition=everything|unknown upsell definition member 'everything'",
      "excludeTopTier=maybe|excludeTopTier must be true or false, not 'maybe'",
      "by=colour|colour",
      "currency=EURO|currency must be a three-letter ISO 4217 code, not 'EURO'",
      "grain=month&grain=year|parameter 'grain' is given 2 times; give it once",
      "granularity=month|unknown parameter 'granularity'",
      // Amounts beyond the engine's micro-units were an internal error (the reliability suite).
      "minExpansionArr=1e400|minExpansionArr is too large: amounts are at most 9223372036854.775807",
      "minExpansionArr=10000000000000|minExpansionArr is too large",
      "arrBuckets=1000,1e999999999|arrBuckets is too large",
  })
  void badOptions_are400WithAMessage(String query, String message) {
    Http.Reply reply = http.get("/v1/report?" + query, key);

    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.errorCode()).isEqualTo("invalid_request");
    assertThat(reply.json().at("/error/message").asText()).contains(message);
  }

  @Test
  void aReportInACurrencyTheRatesDoNotFit_isInvalidData_namingTheRecords() {
    Http.Reply reply = http.get("/v1/report?currency=EUR", key);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.errorCode()).isEqualTo("invalid_data");
    JsonNode detail = reply.json().at("/error/details/0");
    assertThat(detail.get("kind").asText()).isEqualTo("fx");
    assertThat(detail.get("id").asText()).startsWith("fx.csv:");
    assertThat(detail.get("code").asText()).isEqualTo("bad_rate");
  }

  @Test
  void aRepeatedReportComesFromTheCache() {
    String first = http.get("/v1/report?grain=year", key).text();
    String second = http.get("/v1/report?grain=year", key).text();

    assertThat(second).isEqualTo(first);
    assertThat(http.get("/metrics", null).text()).containsPattern("upshift_report_cache_hits [1-9]");
  }
}
