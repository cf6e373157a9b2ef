package dev.upshift.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.upshift.server.ingest.Importer;
import dev.upshift.store.IngestMode;
import dev.upshift.store.KeyScope;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The dashboard in a real browser (Debian's Chromium through its chromedriver, nothing
 * downloaded): a server on 127.0.0.1 with {@code samples/demo} imported; the tests sign in, compare
 * what the page shows with {@code /v1/report}, change the options, drill from a figure to its
 * customers and to one customer, see a new batch arrive without a reload, and find no console
 * error. They leave screenshots at 1400 and 420 px in {@code target/dashboard-screenshots} (and in
 * {@code docs/} with {@code -Dupshift.screenshots=docs}).
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private Path dir;
  private TestServer server;
  private String readKey;
  private String writeKey;
  private String base;
  private ChromeDriver driver;
  private Path downloads;

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("upshift-dashboard-");
    server = TestServer.sqlite(dir);
    Store store = server.store;
    Workspace demo = store.createWorkspace("demo");
    readKey = store.createKey(demo, KeyScope.READ, "reader").secret();
    writeKey = store.createKey(demo, KeyScope.WRITE, "writer").secret();
    new Importer(store, 1000, line -> { }).run(demo, ReportsTest.demo(), IngestMode.STRICT);
    base = "http://127.0.0.1:" + server.server.port();

    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--window-size=1400,1000");
    downloads = Files.createDirectories(dir.resolve("downloads"));
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(WAIT);
  }

  @AfterAll
  void stop() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      server.close();
      try (var paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
    }
  }

  @BeforeEach
  void signedOutAtTheStart() {
    driver.manage().window().setSize(new Dimension(1400, 1000));
    driver.get(base + "/");
    js("sessionStorage.clear()");
    driver.get(base + "/#");
    driver.navigate().refresh();
  }

  @AfterEach
  void noConsoleError() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        errors.add(entry.getMessage());
      }
    }
    assertThat(errors).as("console errors").isEmpty();
  }

  // --- the tests

  @Test
  void theHeadlineFigures_areTheReportsOwn() {
    signIn(readKey);
    JsonNode last = lastPeriod(api("/v1/report"));

    List<WebElement> figures = driver.findElements(By.cssSelector("[data-metric]"));
    assertThat(figures).hasSize(10);
    for (WebElement figure : figures) {
      String metric = figure.getAttribute("data-metric");
      JsonNode expected = at(last, metric);
      assertThat(figure.getAttribute("data-period")).isEqualTo(last.get("period").asText());
      assertThat(new BigDecimal(figure.getAttribute("data-value"))).as(metric)
          .isEqualByComparingTo(expected.decimalValue());
      String shown = figure.findElement(By.cssSelector(".value")).getText();
      assertThat(new BigDecimal(shown.replaceAll("[^0-9.]", ""))).as(metric + " shown as " + shown)
          .isEqualByComparingTo(expected.decimalValue().abs());
    }
    assertThat(driver.findElement(By.cssSelector("[data-metric='upsellRate.rate'] [data-testid='rate-status']"))
        .getText()).isEqualTo(last.at("/upsellRate/status").asText());
    // every chart has its numbers in a table
    assertThat(driver.findElements(By.cssSelector("[data-testid='arr-movements-table'] tbody tr")))
        .hasSize(api("/v1/report").get("periods").size());
  }

  @Test
  void theOpeningPeriod_saysItsNewLogosIncludeTheBookAlreadyThere() {
    signIn(readKey);
    JsonNode periods = api("/v1/report").get("periods");
    JsonNode opening = periods.get(0);
    assertThat(opening.at("/coverage/opening").asBoolean()).isTrue();
    assertThat(first("[data-testid='coverage-note']")).as("a whole month has no note").isNull();

    choose("period", opening.get("period").asText());
    awaitFigure("arr.ending", opening);

    assertThat(control("coverage-note").getText())
        .contains(opening.get("period").asText() + " is the first period of the data")
        .contains("opening balance");
  }

  @Test
  void aTotalUsersStep_opensTheCustomersWhoseSeatMovementsSumToIt() {
    signIn(readKey);
    JsonNode last = lastPeriod(api("/v1/report"));
    String period = last.get("period").asText();
    driver.findElement(By.cssSelector("[data-testid='seat-waterfall'] details summary")).click();
    WebElement cell = driver.findElement(By.cssSelector(
        "button.cell[data-path='seats.new'][data-period='" + period + "']"));
    cell.sendKeys(Keys.ENTER);

    List<WebElement> rows = drillRows();
    BigDecimal sum = sumOfAmounts(rows);
    assertThat(last.at("/seats/new").longValue()).isPositive();
    assertThat(sum).isEqualByComparingTo(last.at("/seats/new").decimalValue());
  }

  @Test
  void grainBookAndSegment_changeTheFigures_andTheLinkReproducesTheView() {
    signIn(readKey);
    choose("grain", "quarter");
    JsonNode quarter = lastPeriod(api("/v1/report?grain=quarter"));
    awaitFigure("arr.ending", quarter);

    choose("book", "contracted");
    JsonNode contracted = lastPeriod(api("/v1/report?grain=quarter&book=contracted"));
    awaitFigure("arr.ending", contracted);
    awaitFigure("upsellRate.rate", contracted);

    driver.findElement(By.cssSelector(".more-options summary")).click();
    choose("where-dimension", "channel");
    control("where-value").sendKeys("sales");
    control("apply").click();
    JsonNode sales = lastPeriod(api("/v1/report?grain=quarter&book=contracted&where=channel%3Dsales"));
    awaitFigure("arr.ending", sales);
    awaitFigure("upsellUsers", sales);
    assertThat(sales.at("/arr/ending").decimalValue())
        .isNotEqualByComparingTo(contracted.at("/arr/ending").decimalValue());

    String link = driver.getCurrentUrl();
    assertThat(link).contains("grain=quarter").contains("book=contracted").contains("where=channel%3Dsales")
        .doesNotContain(readKey);
    driver.navigate().refresh(); // the key stays for the tab; the options come from the link
    awaitFigure("arr.ending", sales);
    assertThat(control("grain").getAttribute("value"))
        .isEqualTo("quarter");
  }

  @Test
  void aFigure_opensTheCustomersBehindIt_summingToIt_andACustomer_opensItsHistory() {
    signIn(readKey);
    JsonNode last = lastPeriod(api("/v1/report"));
    WebElement upsell = driver.findElement(By.cssSelector("[data-metric='arr.upsell']"));
    upsell.sendKeys(Keys.ENTER); // keyboard: a figure is a button

    List<WebElement> rows = drillRows();
    BigDecimal sum = sumOfAmounts(rows);
    assertThat(sum.setScale(2, RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(last.at("/arr/upsell").decimalValue());
    assertThat(rows).hasSize(last.at("/customers/upsell").asInt());

    // sorted by the amount, largest first; a click on the heading turns the order round
    List<BigDecimal> amounts = amounts();
    assertThat(amounts).isSortedAccordingTo(Comparator.reverseOrder());
    driver.findElement(By.cssSelector("[data-sort='upsell']")).click();
    assertThat(amounts()).isSortedAccordingTo(Comparator.naturalOrder());

    // the CSV download is the ledger's CSV of the same rows
    control("drill-csv").click();
    Path csv = await("the CSV download", () -> {
      try (var files = Files.list(downloads)) {
        return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElse(null);
      } catch (IOException e) {
        return null;
      }
    });
    String expectedCsv = server.http.get("/v1/ledger?period=" + last.get("period").asText()
        + "&component=upsell", readKey, "text/csv").text();
    await("the whole CSV", () -> {
      try {
        return Files.readString(csv).equals(expectedCsv) ? true : null;
      } catch (IOException e) {
        return null;
      }
    });

    // a count: Upsell Users of the same period
    driver.findElement(By.cssSelector("[data-testid='drill-close']")).click();
    driver.findElement(By.cssSelector("[data-metric='upsellUsers']")).click();
    await("the Upsell Users", () -> driver.findElements(By.cssSelector("[data-testid='drill-rows'] tr[data-customer]"))
        .size() == last.get("upsellUsers").asInt() ? true : null);

    String customer = driver.findElements(By.cssSelector("[data-testid='drill-rows'] tr[data-customer]")).get(0)
        .getAttribute("data-customer");
    driver.findElement(By.cssSelector("[data-explain='" + customer + "']")).click();
    WebElement history = await("the customer's history", () -> {
      List<WebElement> found = driver.findElements(By.cssSelector("[data-testid='customer-history']"));
      return found.isEmpty() ? null : found.get(0);
    });
    JsonNode explained = api("/v1/customers/" + customer + "/explain");
    assertThat(history.findElements(By.cssSelector("tbody tr"))).hasSize(explained.get("periods").size());
    WebElement period = history.findElement(By.cssSelector("tr[data-period='" + last.get("period").asText() + "']"));
    // the records that caused the movement are named by their ids
    String recordId = firstRecordId(explained, last.get("period").asText());
    assertThat(period.getText()).contains(recordId);
    assertThat(driver.findElement(By.cssSelector("[data-testid='drill-back']")).isDisplayed()).isTrue();
    shot("dashboard-customer-1400.png");
  }

  @Test
  void aNewBatch_appearsWithoutAReload() {
    signIn(readKey);
    js("window.__sameDocument = 'yes'");
    WebElement asOf = driver.findElement(By.cssSelector("[data-testid='data-as-of']"));
    long before = Long.parseLong(asOf.getAttribute("data-version"));
    await("the live stream", () -> "live".equals(driver.findElement(By.cssSelector("[data-testid='live']"))
        .getAttribute("data-state")) ? true : null);
    String lastMonth = lastPeriod(api("/v1/report")).get("period").asText();

    Http.Reply posted = server.http.postJson("/v1/phases", writeKey, "{\"records\": [{\"id\": \"live-1\","
        + " \"customer_id\": \"LIVE-1\", \"product\": \"platform\", \"plan\": \"Standard\", \"seats\": 40,"
        + " \"arr\": 123456.78, \"start_date\": \"" + lastMonth + "-01\"}]}");
    assertThat(posted.status()).as(posted.toString()).isEqualTo(200);
    long after = posted.json().get("dataVersion").asLong();
    assertThat(after).isGreaterThan(before);

    await("the new version", () -> Long.parseLong(driver.findElement(By.cssSelector("[data-testid='data-as-of']"))
        .getAttribute("data-version")) == after ? true : null);
    awaitFigure("arr.ending", lastPeriod(api("/v1/report")));
    assertThat(js("return window.__sameDocument")).isEqualTo("yes");

    server.http.delete("/v1/phases/live-1", writeKey); // leave the data as the other tests expect it
    long restored = after + 1;
    await("the retraction", () -> Long.parseLong(driver.findElement(By.cssSelector("[data-testid='data-as-of']"))
        .getAttribute("data-version")) == restored ? true : null);
  }

  @Test
  void signingOut_forgetsTheKey_whichNeverReachesTheAddressOrTheLog() {
    signIn(readKey);
    assertThat(driver.getCurrentUrl()).doesNotContain(readKey);
    assertThat(js("return sessionStorage.getItem('upshift.key')")).isEqualTo(readKey);
    control("sign-out").click();
    assertThat(js("return sessionStorage.getItem('upshift.key')")).isNull();
    assertThat(control("key").isDisplayed()).isTrue();
    assertThat(driver.findElements(By.cssSelector("[data-metric]"))).isEmpty();
    driver.navigate().refresh();
    assertThat(control("key").isDisplayed()).isTrue();
    assertThat(server.log).isNotEmpty().noneMatch(line -> line.contains(readKey));
  }

  @Test
  void theOtherViews_showTheAnalysis() {
    signIn(readKey);
    JsonNode analysis = api("/v1/report?analysis=true");
    tab("segments");
    JsonNode segmented = api("/v1/report?by=tenure,initial_arr,health,plan");
    WebElement table = await("the tenure table", () -> first("[data-testid='segment-table-tenure']"));
    shot("dashboard-segments-1400.png");
    assertThat(table.findElements(By.cssSelector("tbody tr"))).hasSize(segmented.at("/segments/tenure").size());
    // a segment's figure opens the customers of that segment, summing to it
    JsonNode periods = segmented.at("/segments/tenure/13-24");
    JsonNode bucket = periods.get(periods.size() - 1);
    driver.findElement(By.cssSelector("[data-testid='segment-table-tenure'] [data-segment='tenure=13-24']"
        + "[data-path='upsellRate.upsoldArr']")).click();
    List<WebElement> rows = drillRows();
    assertThat(rows).hasSize(bucket.at("/upsellRate/upsold").asInt());
    assertThat(sumOfAmounts(rows).setScale(2, RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(bucket.at("/upsellRate/upsoldArr").decimalValue());
    control("drill-close").click();
    tab("cohorts");
    WebElement cohorts = await("the cohort heat map", () -> first("[data-testid='cohort-table']"));
    shot("dashboard-cohorts-1400.png");
    assertThat(cohorts.findElements(By.cssSelector("tbody tr"))).hasSize(analysis.at("/cohorts/cohorts").size());
    choose("cohort-measure", "nrr");
    await("the NRR heat map", () -> {
      WebElement caption = first("[data-testid='cohort-table'] caption");
      return caption != null && caption.getText().startsWith("NRR") ? true : null;
    });
    assertThat(driver.getCurrentUrl()).contains("cohortMeasure=nrr");
    tab("forecast");
    WebElement mape = await("the back-tested error", () -> first("[data-testid='forecast-mape'] .value"));
    shot("dashboard-forecast-1400.png");
    assertThat(mape.getText()).startsWith(analysis.at("/forecast/backtest/mape").decimalValue()
        .setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    tab("insights");
    WebElement initiatives = await("the initiatives", () -> first("[data-testid='initiatives-table']"));
    shot("dashboard-insights-1400.png");
    assertThat(initiatives.findElements(By.cssSelector("tbody tr"))).hasSize(analysis.get("initiatives").size());
    tab("book");
    await("contracted vs live", () -> first("[data-testid='book-table']"));
  }

  @Test
  void screenshots_atBothWidths_withoutSidewaysScrolling() throws IOException {
    signIn(readKey);
    screenshot(1400, 1900, "dashboard-1400.png");
    screenshot(420, 2400, "dashboard-420.png");
    driver.findElement(By.cssSelector("[data-metric='arr.upsell']")).click();
    await("the drill-down rows", () -> first("[data-testid='drill-rows'] tr[data-customer]"));
    screenshot(1400, 1000, "dashboard-drill-1400.png");
  }

  // --- helpers

  /** A screenshot of the window as it is, for a person to look at (target/ only). */
  private void shot(String name) {
    try {
      Path shots = Files.createDirectories(Path.of("target", "dashboard-screenshots"));
      Files.write(shots.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void screenshot(int width, int height, String name) throws IOException {
    driver.manage().window().setSize(new Dimension(width, height));
    await("the layout at " + width + " px", () -> {
      Object scroll = js("return document.documentElement.scrollWidth");
      Object inner = js("return window.innerWidth");
      return ((Number) scroll).longValue() <= ((Number) inner).longValue() ? true : null;
    });
    js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    Path shots = Path.of("target", "dashboard-screenshots");
    Files.createDirectories(shots);
    Path png = shots.resolve(name);
    Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
    assertThat(Files.size(png)).isGreaterThan(10_000);
    if ("docs".equals(System.getProperty("upshift.screenshots"))) {
      Path docs = ReportsTest.demo().getParent().getParent().resolve("docs");
      Files.copy(png, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private void signIn(String key) {
    control("key").sendKeys(key);
    control("sign-in").click();
    await("the headline figures", () -> first("[data-metric='arr.ending']"));
  }

  /** Picks an option of a select as a user does: a click on the option. */
  private void choose(String testid, String value) {
    control(testid).findElement(By.cssSelector("option[value='" + value + "']")).click();
  }

  private void tab(String view) {
    driver.findElement(By.cssSelector("[data-view='" + view + "']")).click();
  }

  private WebElement control(String testid) {
    return driver.findElement(By.cssSelector("[data-testid='" + testid + "']"));
  }

  private WebElement first(String css) {
    List<WebElement> found = driver.findElements(By.cssSelector(css));
    return found.isEmpty() ? null : found.get(0);
  }

  /** Waits for the drill-down's rows. */
  private List<WebElement> drillRows() {
    return await("the drill-down rows", () -> {
      List<WebElement> found = driver.findElements(By.cssSelector("[data-testid='drill-rows'] tr[data-customer]"));
      return found.isEmpty() ? null : found;
    });
  }

  private static BigDecimal sumOfAmounts(List<WebElement> rows) {
    BigDecimal sum = BigDecimal.ZERO;
    for (WebElement row : rows) {
      sum = sum.add(new BigDecimal(row.getAttribute("data-amount")));
    }
    return sum;
  }

  private List<BigDecimal> amounts() {
    return driver.findElements(By.cssSelector("[data-testid='drill-rows'] tr[data-customer]")).stream()
        .map(row -> new BigDecimal(row.getAttribute("data-amount"))).toList();
  }

  /** Waits until the figure shows the period's value (the page reloads data asynchronously). */
  private void awaitFigure(String metric, JsonNode period) {
    BigDecimal expected = at(period, metric).decimalValue();
    String label = period.get("period").asText();
    await(metric + " = " + expected + " in " + label, () -> {
      WebElement figure = first("[data-metric='" + metric + "']");
      return figure != null && label.equals(figure.getAttribute("data-period"))
          && new BigDecimal(figure.getAttribute("data-value")).compareTo(expected) == 0 ? true : null;
    });
  }

  /** Polls until {@code probe} gives a value, for at most {@link #WAIT}. */
  private <T> T await(String what, Supplier<T> probe) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      try {
        T value = probe.get();
        if (value != null) {
          return value;
        }
      } catch (WebDriverException | NumberFormatException e) {
        // the element was redrawn while being read: look again
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  private JsonNode api(String path) {
    Http.Reply reply = server.http.get(path, readKey);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static JsonNode lastPeriod(JsonNode report) {
    JsonNode periods = report.get("periods");
    return periods.get(periods.size() - 1);
  }

  private static JsonNode at(JsonNode period, String path) {
    return period.at("/" + path.replace('.', '/'));
  }

  private static String firstRecordId(JsonNode explained, String period) {
    for (JsonNode p : explained.get("periods")) {
      if (p.get("period").asText().equals(period)) {
        for (JsonNode change : p.get("changes")) {
          JsonNode side = change.get("after").isNull() ? change.get("before") : change.get("after");
          return side.get("id").asText();
        }
      }
    }
    return "";
  }
}
