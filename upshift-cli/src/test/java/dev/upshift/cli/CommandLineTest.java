package dev.upshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: exit codes, what goes to stdout and stderr, files written. */
class CommandLineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path work;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = UpshiftCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path demo() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("samples/demo"))) {
        return dir.resolve("samples/demo");
      }
    }
    throw new IllegalStateException("samples/demo not found");
  }

  static Path planted() throws URISyntaxException {
    return Path.of(CommandLineTest.class.getResource("/planted/subscriptions.csv").toURI());
  }

  /**
   * {@code --out} naming a pipe or a device writes into it: moving a finished file over it, as
   * for regular files, would replace {@code /dev/null} itself when run as root.
   */
  @Test
  void outToAPipeWritesIntoItInsteadOfReplacingIt() throws Exception {
    Path fifo = work.resolve("report.fifo");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertThat(mkfifo.waitFor()).isZero();
    java.util.concurrent.CompletableFuture<String> read = java.util.concurrent.CompletableFuture
        .supplyAsync(() -> {
          try {
            return Files.readString(fifo);
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });

    Run run = run("report", "--data", demo().toString(), "--format", "json", "--out",
        fifo.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(read.get(60, java.util.concurrent.TimeUnit.SECONDS)).startsWith("{")
        .contains("\"schema\"");
    assertThat(Files.isRegularFile(fifo)).isFalse();
    assertThat(Files.exists(fifo)).isTrue();
  }

  @Test
  void validateReportsExactlyThePlantedLines() throws Exception {
    String file = planted().toString();
    Run run = run("validate", "--subscriptions", file);

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(run.out().lines().filter(l -> l.startsWith(file)))
        .extracting(l -> l.substring(file.length() + 1, l.indexOf(": ", file.length())))
        .containsExactly("3", "4", "6", "7", "8", "9");
    assertThat(run.out()).contains(file + ":3: column seats: ")
        .contains(file + ":4: column start_date: ")
        .contains(file + ":6: column arr: ")
        .contains(file + ":7: column end_date: ")
        .contains(file + ":8: column start_date: ")
        .contains("overlaps the phase on line 5")
        .contains(file + ":9: column status: ")
        .contains("6 errors in the input");
    assertThat(run.out().lines().filter(l -> l.startsWith(file)))
        .extracting(l -> l.substring(l.lastIndexOf(" [")))
        .containsExactly(" [not_whole_number]", " [bad_date]", " [negative_value]",
            " [end_not_after_start]", " [overlap]", " [unknown_status]");
  }

  @Test
  void validateOnCleanDataSaysSoAndExitsZero() {
    Run run = run("validate", "--data", demo().toString());

    assertThat(run.exit()).isZero();
    assertThat(run.out()).startsWith("OK: ").contains("billable");
  }

  @Test
  void inputErrorsFailTheReportWithExitThree() throws Exception {
    Run run = run("report", "--subscriptions", planted().toString(), "--format", "json");

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("column seats").contains("6 errors in the input");
  }

  @Test
  void skipDropsBadRowsIntoARejectsFileAndSaysHowMany() throws Exception {
    Path rejects = work.resolve("rejects.csv");
    Run run = run("report", "--subscriptions", planted().toString(), "--on-error", "skip",
        "--rejects", rejects.toString(), "--format", "json");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.err()).contains("dropped 6 rows")
        .contains(":3: column seats: \"ten\" is not a whole number [not_whole_number]");
    assertThat(Files.readAllLines(rejects)).hasSize(7)
        .first().asString().startsWith("line,column,code,reason,customer_id,");
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.at("/input/rows").asLong()).isEqualTo(8);
    assertThat(report.at("/input/rejectedRows").asLong()).isEqualTo(6);
    assertThat(report.at("/input/billableRows").asLong()).isEqualTo(2);
  }

  @Test
  void jsonReportFollowsTheContractAndItsBridgesClose() throws IOException {
    Run run = run("report", "--data", demo().toString(), "--format", "json", "--by", "tenure");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("schema").asText()).isEqualTo("upshift.report/v1");
    assertThat(report.at("/config/upsellDefinition")).hasSize(4);
    assertThat(report.get("periods").size()).isEqualTo(24);
    for (JsonNode period : report.get("periods")) {
      BigDecimal starting = period.at("/arr/starting").decimalValue();
      BigDecimal netNew = period.at("/arr/netNew").decimalValue();
      // Each figure is rounded from its exact value (§10), so rounded figures may differ by a cent.
      assertThat(period.at("/arr/ending").decimalValue())
          .isCloseTo(starting.add(netNew), org.assertj.core.data.Offset.offset(new BigDecimal("0.01")));
      assertThat(period.at("/seats/ending").asLong()).isEqualTo(period.at("/seats/starting").asLong()
          + period.at("/seats/new").asLong() + period.at("/seats/expansion").asLong()
          + period.at("/seats/churned").asLong() + period.at("/seats/downgraded").asLong());
    }
    assertThat(report.at("/segments/tenure").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void ledgerRowsAddUpToTheReport() throws IOException {
    Path ledger = work.resolve("ledger.csv");
    Run run = run("report", "--data", demo().toString(), "--format", "json", "--from", "2026-01",
        "--to", "2026-03", "--ledger", ledger.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode march = JSON.readTree(run.out()).get("periods").get(2);
    List<String> lines = Files.readAllLines(ledger);
    List<String> header = List.of(lines.get(0).split(","));
    int period = header.indexOf("period");
    int upsell = header.indexOf("upsell");
    int arrEnd = header.indexOf("arr_end");
    BigDecimal upsellSum = BigDecimal.ZERO;
    BigDecimal endSum = BigDecimal.ZERO;
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      if (cells[period].equals("2026-03")) {
        upsellSum = upsellSum.add(new BigDecimal(cells[upsell]));
        endSum = endSum.add(new BigDecimal(cells[arrEnd]));
      }
    }
    // The ledger keeps all 6 decimals; the report rounds the exact sum once.
    assertThat(upsellSum.setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(march.at("/arr/upsell").decimalValue());
    assertThat(endSum.setScale(2, java.math.RoundingMode.HALF_EVEN))
        .isEqualByComparingTo(march.at("/arr/ending").decimalValue());
  }

  @Test
  void tableAndCsvFormatsAreWritten() throws IOException {
    Run table = run("report", "--data", demo().toString(), "--from", "2026-09", "--to", "2026-10");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("ARR bridge (USD)").contains("Ending ARR").contains("%");

    Path csv = work.resolve("report.csv");
    Run written = run("report", "--data", demo().toString(), "--format", "csv", "--out", csv.toString());
    assertThat(written.exit()).isZero();
    assertThat(written.out()).isEmpty();
    assertThat(Files.readAllLines(csv).get(0)).startsWith("dimension,segment,period");
  }

  @Test
  void explainShowsTheCustomersPeriodsAndPhases() {
    Run run = run("explain", "--data", demo().toString(), "--customer", "C000001");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("C000001").contains("line");
  }

  @Test
  void usageErrorsExitTwoWithAMessage() {
    assertThat(run("report", "--data", demo().toString(), "--by", "colour").exit())
        .isEqualTo(ExitCode.USAGE);
    Run grain = run("report", "--data", demo().toString(), "--grain", "week");
    assertThat(grain.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(grain.err()).contains("option '--grain': 'week' is not month, quarter or year");
    assertThat(run("report").exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run("explain", "--data", demo().toString(), "--customer", "nobody").exit())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void enumOptionsAcceptAnyCase() throws IOException {
    Run run = run("report", "--data", demo().toString(), "--format", "JSON", "--grain", "Quarter",
        "--book", "CONTRACTED", "--rate-counting", " Net ", "--on-error", "SKIP",
        "--rejects", work.resolve("rejects.csv").toString(), "--from", "2026-01", "--to", "2026-03");

    assertThat(run.exit()).as(run.err()).isZero();
    JsonNode report = JSON.readTree(run.out());
    assertThat(report.get("grain").asText()).isEqualTo("quarter");
    assertThat(report.get("book").asText()).isEqualTo("contracted");
    assertThat(report.at("/config/rateCounting").asText()).isEqualTo("net");
    assertThat(report.get("periods").size()).isEqualTo(1);
  }

  @Test
  void aBadEnumValueIsAUsageErrorWhoseFirstLineNamesTheOptionAndItsValues() {
    String demo = demo().toString();
    String[][] cases = {
        {"report", "--data", demo, "--format", "pdf"},
        {"report", "--data", demo, "--book", "booked"},
        {"report", "--data", demo, "--rate-counting", "all"},
        {"report", "--data", demo, "--on-error", "ignore"},
        {"report", "--data", demo, "--cohort-grain", "year"},
        {"explain", "--data", demo, "--customer", "C000001", "--format", "html"},
    };
    String[] firstLines = {
        "Invalid value for option '--format': 'pdf' is not table, json, csv, html or xlsx",
        "Invalid value for option '--book': 'booked' is not live or contracted",
        "Invalid value for option '--rate-counting': 'all' is not any or net",
        "Invalid value for option '--on-error': 'ignore' is not fail or skip",
        "Invalid value for option '--cohort-grain': 'year' is not month or quarter",
        "Invalid value for option '--format': 'html' is not text or json",
    };
    for (int i = 0; i < cases.length; i++) {
      Run run = run(cases[i]);
      assertThat(run.exit()).as(firstLines[i]).isEqualTo(ExitCode.USAGE);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().lines().findFirst()).hasValue(firstLines[i]);
    }
  }

  @Test
  void helpListsEveryEnumOptionsValuesInLowerCase() {
    picocli.CommandLine commandLine = UpshiftCommand.commandLine();
    int enumOptions = 0;
    for (picocli.CommandLine sub : commandLine.getSubcommands().values()) {
      for (picocli.CommandLine.Model.OptionSpec option : sub.getCommandSpec().options()) {
        if (option.type().isEnum()) {
          enumOptions++;
          // The label shown in help is written by hand: it must list exactly the accepted values.
          assertThat(option.paramLabel()).as(option.longestName())
              .isEqualTo(String.join("|", option.completionCandidates()))
              .isLowerCase();
        }
      }
    }
    // report: --on-error --end-dates --grain --book --rate-counting --format --cohort-grain --unit;
    // explain: all but --cohort-grain and --unit; validate: --on-error --end-dates.
    assertThat(enumOptions).isEqualTo(16);
    assertThat(run("report", "--help").out())
        .contains("--grain=month|quarter|year").contains("--format=table|json|csv|html|xlsx")
        .contains("--unit=arr|mrr");
  }
}
