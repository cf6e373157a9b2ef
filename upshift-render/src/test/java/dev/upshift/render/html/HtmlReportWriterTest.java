package dev.upshift.render.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.Upshift;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.Fixtures;
import dev.upshift.analysis.Initiative;
import dev.upshift.analysis.TestData;
import dev.upshift.io.report.Examples;
import dev.upshift.report.MoneyUnit;
import dev.upshift.report.Report;
import dev.upshift.segment.SegmentFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {
  static final String PAYLOAD =
      "</script><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','1')\">";

  /** The small company with a hostile segment value and initiative name. */
  static Report hostileReport() {
    TestData data = Fixtures.smallCompany();
    data.attribute("D", "channel", PAYLOAD);
    return Upshift.analyze(data.dataset(),
        HtmlReportWriter.optionsFor(Fixtures.SIX_MONTHS.toBuilder().by(List.of("channel")).build()),
        AnalysisOptions.defaults().withInitiatives(List.of(new Initiative(PAYLOAD,
            LocalDate.parse("2025-04-01"), SegmentFilter.parse("channel=" + PAYLOAD)))), null);
  }

  static List<String> matches(String regex, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void containsEverySection_andOneCanvasPerChart() {
    String html = new HtmlReportWriter().render(SampleReports.standard());

    assertThat(matches("<section class=\"block\" id=\"([^\"]+)\"", html)).containsExactly(
        "summary", "arr-bridge", "total-users", "upsell", "segments", "cohorts", "forecast",
        "health", "initiatives", "signals");
    assertThat(html).contains("id=\"method\"");
    List<String> charts = matches("<div class=\"chart[^\"]*\" data-chart=\"([^\"]+)\"", html);
    assertThat(charts).containsExactly("arr-waterfall", "arr-by-period", "seat-waterfall",
        "seats-logos", "upsell-users", "upsell-rate", "segment-rates", "forecast", "health",
        "initiatives");
    assertThat(matches("data-chart=\"[^\"]+\"><(canvas) ", html)).hasSameSizeAs(charts);
    // Every chart's numbers are in a table of its section.
    assertThat(html).contains("<table class=\"periods\"", "<table class=\"heat\">",
        ">By tenure (months)<", ">By initial ARR<", ">By health score<", "Back-test",
        "Mean absolute % error", ">Lift<", ">ARR impact<", ">Benchmarks<");
    assertThat(html).contains("<span class=\"badge ").containsAnyOf("✓ Achieved", "⚠ Below", "✓ On Track");
  }

  @Test
  void overAnOnboardingWindow_theRateIsNamedAfterIt_andTheAnalysisIsLeftOutWithAReason() {
    Report report = Upshift.report(Examples.onboardingDataset(),
        HtmlReportWriter.optionsFor(Examples.firstNinetyDays().build()));
    String html = new HtmlReportWriter().render(report);

    assertThat(matches("<section class=\"block\" id=\"([^\"]+)\"", html)).containsExactly(
        "summary", "arr-bridge", "total-users", "upsell", "segments");
    assertThat(html).contains("<span>Upsell Rate, first 90 days</span>",
        "<h2>Upsell Users and Upsell Rate, first 90 days</h2>",
        "Upsell Rate, first 90 days against target", "<th>Upsell rate, first 90 days</th>",
        "<h2>Upsell Rate by segment, first 90 days</h2>", "<dt>Rate window</dt>",
        "so this report leaves them out", "\"quarterToDate\":false",
        "\"rateLabel\":\"Upsell rate, first 90 days\"");
    assertThat(html).doesNotContain("<th>Quarter to date</th>");
    String plain = new HtmlReportWriter().render(SampleReports.standard());
    assertThat(plain).doesNotContain("first 90 days").doesNotContain("<dt>Rate window</dt>");
  }

  @Test
  void isSelfContained_noNetwork() {
    String html = new HtmlReportWriter().render(SampleReports.standard());

    assertThat(html).doesNotContainPattern("<script[^>]*\\ssrc=");
    assertThat(html).doesNotContainPattern("<link[^>]*href=");
    assertThat(html).doesNotContain("@import").doesNotContainPattern("url\\((?!#)");
    assertThat(html).contains("Chart.js v" + HtmlReportWriter.CHART_JS_VERSION);
    assertThat(html).doesNotContain("sourceMappingURL");
  }

  @Test
  void escapesEveryTextFromTheData() {
    String html = new HtmlReportWriter("Acme <Board> & \"Co\"").render(hostileReport());

    assertThat(html).doesNotContain(PAYLOAD).doesNotContain("<img src=x");
    assertThat(html).contains("&lt;/script&gt;&lt;img src=x onerror=&quot;document");
    assertThat(html).contains("<title>Acme &lt;Board&gt; &amp; &quot;Co&quot;");
    // In the embedded JSON too: the initiative name cannot close the data element.
    int start = html.indexOf("id=\"upshift-data\">") + "id=\"upshift-data\">".length();
    String json = html.substring(start, html.indexOf("</script>", start));
    assertThat(json).contains("\\u003C/script\\u003E\\u003Cimg src=x");
    assertThat(json).doesNotContain("<").doesNotContain(">");
  }

  @Test
  void rendersWithoutAnalysisOrSegments() {
    Report report = Upshift.report(Fixtures.smallCompany().dataset(), Fixtures.SIX_MONTHS);
    String html = new HtmlReportWriter().render(report);

    assertThat(matches("<section class=\"block\" id=\"([^\"]+)\"", html)).containsExactly(
        "summary", "arr-bridge", "total-users", "upsell", "segments");
    assertThat(html).contains("--by tenure,initial_arr,health");
  }

  @Test
  void isDeterministic_andNotLocaleDependent() {
    Report report = SampleReports.standard();
    String first = new HtmlReportWriter().render(report);
    assertThat(new HtmlReportWriter().render(report)).isEqualTo(first);
    // Tests run in a German locale: numbers still use the English separators.
    assertThat(first).containsPattern(">\\d{1,3}(,\\d{3})+<");
  }

  @Test
  void optionsFor_addsTheDashboardDimensions() {
    assertThat(HtmlReportWriter.optionsFor(Fixtures.SIX_MONTHS).by())
        .containsExactly("tenure", "initial_arr", "health");
  }

  // ---- #14: a report a board reads -----------------------------------------------------------

  private static final java.time.Clock DEC_8 = java.time.Clock.fixed(
      java.time.Instant.parse("2026-12-08T10:00:00Z"), java.time.ZoneOffset.UTC);

  @Test
  void titleDataThroughAndPreparedDate() {
    String html = new HtmlReportWriter("Acme board pack", DEC_8, MoneyUnit.ARR)
        .render(SampleReports.bundledSample());

    assertThat(html).contains("<title>Acme board pack · 2024-11 – 2026-10</title>",
        "<h1>Acme board pack</h1>",
        "<span>Data through 2026-10-31</span><span>prepared 2026-12-08</span>");
    // Without a clock the output depends on the report alone.
    assertThat(new HtmlReportWriter().render(SampleReports.bundledSample()))
        .contains("<h1>Upshift report</h1>", "<span>Data through 2026-10-31</span></p>")
        .doesNotContain("prepared 2");
  }

  @Test
  void oneNegativeStyleEverywhere_parentheses() {
    String html = new HtmlReportWriter().render(SampleReports.bundledSample());
    String tables = html.substring(html.indexOf("id=\"arr-bridge\""), html.indexOf("id=\"segments\""));

    // Money, counts and percentages alike: (1,234), never -1,234 or −1,234.
    assertThat(matches(">(-[0-9][^<]*)<", tables)).isEmpty();
    assertThat(matches(">(−[0-9$][^<]*)<", tables)).isEmpty();
    assertThat(tables).containsPattern("<td class=\"neg\">\\([0-9,]+\\)</td>");
    assertThat(Html.signedCount(-89)).isEqualTo("(89)");
    assertThat(Html.percent(new BigDecimal("-6.234"))).isEqualTo("(6.23%)");
    assertThat(Html.compact(new BigDecimal("-6700"), "$")).isEqualTo("($6.7K)");
    String script = HtmlReportWriter.resource("report.js");
    assertThat(script).contains("return v < 0 ? '(' + t + ')' : t;");
  }

  @Test
  void tablesOpenAtTheNewestPeriod_withAToggle_andPeriodHeadersNeverWrap() {
    String html = new HtmlReportWriter().render(SampleReports.bundledSample());

    List<String> bridgeHeads = matches("<th>(20[0-9-]+\\*?)</th>",
        html.substring(html.indexOf("id=\"arr-bridge\""), html.indexOf("id=\"total-users\"")));
    assertThat(bridgeHeads.get(0)).isEqualTo("2026-10");
    assertThat(bridgeHeads.get(bridgeHeads.size() - 1)).isEqualTo("2024-11*");
    String upsell = html.substring(html.indexOf("id=\"upsell\""), html.indexOf("id=\"segments\""));
    assertThat(matches("<tr><td>(20[0-9-]+\\*?)</td>", upsell).get(0)).isEqualTo("2026-10");
    assertThat(html).contains("id=\"period-order\"", "data-order=\"columns\"",
        "data-order=\"rows\"");
    assertThat(html).contains("table.periods thead th { white-space: nowrap; }");
  }

  @Test
  void theOpeningPeriodIsMarkedWithANote() {
    String html = new HtmlReportWriter().render(SampleReports.bundledSample());

    assertThat(html).contains("<th>2024-11*</th>",
        "* 2024-11: opening period: new logos include customers already active when the data "
            + "starts (see --opening-balance).");
  }

  @Test
  void upsellArrIsTierUpgradesAndTheUpsoldCustomersExpansionHasItsOwnName() {
    String html = new HtmlReportWriter().render(SampleReports.bundledSample());

    assertThat(html).doesNotContain("Upsold ARR", "Avg upsold ARR", "Avg upsell ARR",
        "Total upsell ARR", "Their upsell ARR", "Expected upsold ARR");
    assertThat(html).contains("<th>Upsold expansion ARR</th>", "<th>Avg upsold expansion ARR</th>");
  }

  @Test
  void inMrrTheMoneyIsATwelfthAndEveryLabelSaysMrr() {
    Report report = SampleReports.bundledSample();
    String html = new HtmlReportWriter("Upshift report", null, MoneyUnit.MRR).render(report);
    String bridge = html.substring(html.indexOf("id=\"arr-bridge\""), html.indexOf("id=\"total-users\""));

    assertThat(bridge).contains("<h2>MRR bridge</h2>", "<td>Starting MRR</td>",
        "<td>Ending MRR</td>", "<td>Net new MRR</td>").doesNotContain(">Ending ARR<");
    BigDecimal ending = report.periods().get(report.periods().size() - 1).arr().ending();
    String twelfth = String.format(java.util.Locale.ROOT, "%,d",
        ending.divide(BigDecimal.valueOf(12), 0, java.math.RoundingMode.HALF_EVEN).longValueExact());
    assertThat(bridge).contains("<td>Ending MRR</td><td class=\"\">" + twelfth + "</td>");
    assertThat(html).contains("\"unit\":\"mrr\"", "<span>MRR (ARR ÷ 12)</span>");
  }

  @Test
  void benchmarksStateTheirDefinitionAndTheReportsOwn() {
    String html = new HtmlReportWriter().render(SampleReports.bundledSample());

    assertThat(html).contains("Upsell definition: tier, seats, cross_sell.",
        "this report&#39;s definition (tier, seats, add_on, cross_sell) gives");
  }
}
