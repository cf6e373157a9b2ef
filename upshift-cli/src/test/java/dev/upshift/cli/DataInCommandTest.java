package dev.upshift.cli;

import static dev.upshift.cli.CommandLineTest.demo;
import static dev.upshift.cli.CommandLineTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.upshift.cli.CommandLineTest.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, the way in: exports not written for Upshift (mapped and ignored columns, inclusive
 * end dates, a project file), every error in one run, filters that cannot silently miss, and
 * messages a person can act on.
 */
class DataInCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The export's name of each §1.1 column of the demo's subscriptions.csv, in its order. */
  private static final List<String> EXPORT_NAMES = List.of("account_id", "subscription_id",
      "product_name", "plan_name", "tier", "quantity", "arr", "monthly_amount", "amount",
      "billing_interval", "currency", "period_start", "period_end", "signed_at",
      "cancel_signed_date", "status", "kind");

  private static final String PROJECT_FILE = """
      # The billing system's export, read as SPEC section 1 files.
      files:
        subscriptions: billing_export.csv
        customers: accounts.csv
      map:
        account_id: customer_id
        subscription_id: line_id
        product_name: product
        plan_name: plan
        quantity: seats
        monthly_amount: mrr
        billing_interval: billing_period
        period_start: start_date
        period_end: end_date
        signed_at: signed_date
      ignore_columns: [sales_rep]
      end_dates: inclusive
      report:
        grain: quarter
        by: [region]
      """;

  @TempDir
  Path work;

  /** The demo data as a billing system would export it, with a project file that maps it back. */
  private Path export() throws IOException {
    Path dir = Files.createDirectories(work.resolve("export"));
    for (String name : List.of("plans.csv", "health.csv", "targets.csv", "fx.csv",
        "initiatives.csv")) {
      Files.copy(demo().resolve(name), dir.resolve(name));
    }
    List<String> lines = Files.readAllLines(demo().resolve("subscriptions.csv"));
    List<String> out = new ArrayList<>();
    out.add(String.join(",", EXPORT_NAMES) + ",sales_rep");
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",", -1);
      assertThat(cells).hasSize(EXPORT_NAMES.size());
      if (!cells[12].isEmpty()) {
        cells[12] = LocalDate.parse(cells[12]).minusDays(1).toString(); // the last day in force
      }
      out.add(String.join(",", cells) + ",rep-" + (out.size() % 7));
    }
    Files.write(dir.resolve("billing_export.csv"), out);
    List<String> customers = new ArrayList<>(Files.readAllLines(demo().resolve("customers.csv")));
    customers.set(0, customers.get(0).replace("customer_id", "account_id"));
    Files.write(dir.resolve("accounts.csv"), customers);
    Files.writeString(dir.resolve(ProjectFile.NAME), PROJECT_FILE);
    return dir;
  }

  private static JsonNode json(Run run) throws IOException {
    assertThat(run.exit()).as(run.err()).isZero();
    return JSON.readTree(run.out());
  }

  @Test
  void anExportMappedByItsProjectFileGivesTheCleanFilesReport() throws IOException {
    Path export = export();

    JsonNode mapped = json(run("report", "--data", export.toString(), "--format", "json"));
    JsonNode clean = json(run("report", "--data", demo().toString(), "--format", "json",
        "--grain", "quarter", "--by", "region"));

    JsonNode reading = ((ObjectNode) mapped.get("input")).remove("reading");
    assertThat(reading.get("mappedColumns").get("monthly_amount").asText()).isEqualTo("mrr");
    assertThat(reading.get("mappedColumns").size()).isEqualTo(10);
    assertThat(reading.get("ignoredColumns").toString()).isEqualTo("[\"sales_rep\"]");
    assertThat(reading.get("endDates").asText()).isEqualTo("inclusive");
    assertThat(clean.get("input").has("reading")).isFalse();
    assertThat(mapped.get("grain").asText()).isEqualTo("quarter");
    assertThat(mapped).isEqualTo(clean);
  }

  @Test
  void theSameMappingWorksFromFlagsAndFlagsWinOverTheProjectFile() throws IOException {
    Path export = export();
    Path subscriptions = export.resolve("billing_export.csv");

    JsonNode flags = json(run("report", "--subscriptions", subscriptions.toString(),
        "--map", "account_id=customer_id,subscription_id=line_id,product_name=product",
        "--map", "plan_name=plan,quantity=seats,monthly_amount=mrr,billing_interval=billing_period",
        "--map", "period_start=start_date,period_end=end_date,signed_at=signed_date",
        "--ignore-columns", "sales_rep", "--end-dates", "inclusive", "--format", "json",
        "--fx", demo().resolve("fx.csv").toString()));
    JsonNode clean = json(run("report", "--subscriptions",
        demo().resolve("subscriptions.csv").toString(), "--format", "json",
        "--fx", demo().resolve("fx.csv").toString()));
    ((ObjectNode) flags.get("input")).remove("reading");
    assertThat(flags).isEqualTo(clean);

    JsonNode monthly = json(run("report", "--data", export.toString(), "--grain", "month",
        "--format", "json"));
    assertThat(monthly.get("grain").asText()).isEqualTo("month");
  }

  @Test
  void aMappingThatMatchesNoColumnIsWarnedAbout() throws IOException {
    Path dir = copyOfDemo();
    Files.writeString(dir.resolve(ProjectFile.NAME), """
        map:
          customers:
            regoin: region
          acount_id: customer_id
        ignore_columns: [sales_rep, channel]
        """);

    Run validate = run("validate", "--data", dir.toString());

    assertThat(validate.exit()).as(validate.out()).isZero();
    assertThat(validate.out().lines().filter(line -> line.contains("warning")).toList())
        .containsExactly(
            "upshift: warning: --map customers:regoin=region matches no column of the files read",
            "upshift: warning: --map acount_id=customer_id matches no column of the files read",
            "upshift: warning: --ignore-columns sales_rep matches no column of the files read");
  }

  @Test
  void inclusiveEndDatesReadAsExclusiveAreFlaggedByValidateAndReport() throws IOException {
    Path file = work.resolve("subscriptions.csv");
    Files.writeString(file, """
        customer_id,line_id,seats,arr,start_date,end_date
        north,crm,5,1200,2024-07-01,2024-12-31
        north,crm,8,1800,2025-01-01,2025-06-30
        north,crm,8,2400,2025-07-01,
        south,crm,2,600,2024-09-15,2025-09-14
        south,crm,2,600,2025-09-15,
        west,crm,1,300,2024-10-01,2025-04-01
        west,crm,1,300,2025-04-01,
        """);

    Run validate = run("validate", "--subscriptions", file.toString());
    assertThat(validate.exit()).as(validate.out()).isZero();
    assertThat(validate.out().lines().findFirst()).hasValue("upshift: warning: 3 of 4 phases"
        + " followed by another phase of their line end one day before it starts: the end dates"
        + " look inclusive (the last day in force). Read as exclusive (SPEC 1.1), each gap is a"
        + " one-day churn; if the export writes the last day in force, give --end-dates inclusive"
        + " (or end_dates: inclusive in upshift.yaml)");

    Run report = run("report", "--subscriptions", file.toString(), "--format", "json");
    assertThat(report.exit()).isZero();
    assertThat(report.err()).startsWith("upshift: warning: 3 of 4 phases");

    Run exclusive = run("validate", "--data", demo().toString());
    assertThat(exclusive.out()).doesNotContain("warning");
  }

  @Test
  void aOneDayPhaseOfAnInclusiveExportReadAsExclusiveSuggestsTheConvention() throws IOException {
    Path export = export();
    Files.writeString(export.resolve(ProjectFile.NAME),
        PROJECT_FILE.replace("end_dates: inclusive\n", ""));

    Run validate = run("validate", "--data", export.toString());

    assertThat(validate.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(validate.out()).contains("note: columns ignored: sales_rep")
        .contains("billing_export.csv:20: column end_date: end_date 2025-02-16 is not after"
            + " start_date 2025-02-16; end_date is the first day no longer in force (if the"
            + " file's end dates are the last day in force, give --end-dates inclusive)");
  }

  @Test
  void anUnmappedExportListsEveryProblemAndTheMappingThatWouldApply() throws IOException {
    Path file = work.resolve("subscriptions.csv");
    Files.writeString(file, """
        customer_id,monthly_amount,arr,start_date,sales_rep
        acme,,100,2025-01-01,Ann
        ,,100,2025-02-01,Bob
        beta,,-5,2025-03-01,Cy
        gamma,,100,2025-13-01,Di
        """);

    Run run = run("validate", "--subscriptions", file.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(run.out().lines().toList()).hasSize(6).last().isEqualTo("5 errors in the input;"
        + " nothing was computed");
    assertThat(run.out()).contains("column monthly_amount: unknown column")
        .contains("if it holds mrr: --map monthly_amount=mrr")
        .contains("--ignore-columns sales_rep")
        .contains(":3: column customer_id").contains(":4: column arr").contains(":5: column"
            + " start_date");
  }

  @Test
  void aSemicolonSeparatedFileIsNamed() throws IOException {
    Path file = work.resolve("subscriptions.csv");
    Files.writeString(file, "customer_id;arr;start_date\nacme;100;2025-01-01\n");

    Run run = run("validate", "--subscriptions", file.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(run.out()).contains("looks semicolon-separated; Upshift reads comma-separated CSV")
        .contains("[wrong_separator]");
  }

  @Test
  void validateReadsInitiativesToo() throws IOException {
    Path dir = copyOfDemo();
    Files.writeString(dir.resolve("initiatives.csv"),
        "name,launch_date,segment\nPrompts,2026-02-30,channel=sales\n");

    Run run = run("validate", "--data", dir.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    assertThat(run.out()).contains("initiatives.csv:2").contains("1 error in the input");
  }

  @Test
  void aWhereValueThatMatchesNoOneIsAUsageErrorThatSaysWhatWasMeant() {
    String demo = demo().toString();

    Run wrongCase = run("report", "--data", demo, "--where", "plan=starter");
    assertThat(wrongCase.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(wrongCase.out()).isEmpty();
    assertThat(wrongCase.err().lines().toList()).hasSize(2).last()
        .isEqualTo("see `upshift report --help`");
    assertThat(wrongCase.err()).startsWith("upshift: where plan=starter: no customer can have"
        + " plan 'starter' (did you mean Starter?); the values of plan are API Commit, Analytics"
        + " Basic,").contains(", Starter, Unknown (values are case-sensitive)");

    Run dimension = run("report", "--data", demo, "--where", "regoin=NA");
    assertThat(dimension.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(dimension.err()).contains("unknown dimension 'regoin' (did you mean region?)");

    Run bucket = run("report", "--data", demo, "--where", "tenure=0-5");
    assertThat(bucket.err()).contains("the values of tenure are 0-6, 7-12, 13-24, 25+, Unknown");

    Run good = run("report", "--data", demo, "--where", "region=NA", "--format", "json");
    assertThat(good.exit()).as(good.err()).isZero();
  }

  @Test
  void explainRefusesAnUnknownCustomerAndOptionsItWouldIgnore() {
    String demo = demo().toString();

    Run unknown = run("explain", "--data", demo, "--customer", "c000001");
    assertThat(unknown.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line)
        .contains("--customer c000001: no such customer").contains("did you mean C000001"));

    Run where = run("explain", "--data", demo, "--customer", "C000001", "--where", "region=NA");
    assertThat(where.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(where.err().lines().toList()).containsExactly("--where does not apply to explain,"
        + " which follows one customer (--customer) through every period",
        "see `upshift explain --help`");
  }

  @Test
  void aUsageErrorIsOneLineAndWhereTheHelpIs() {
    Run run = run("report", "--data", demo().toString(), "--grain", "weekly");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines().toList()).containsExactly(
        "Invalid value for option '--grain': 'weekly' is not month, quarter or year",
        "see `upshift report --help`");
  }

  @Test
  void aMistypedOptionIsNamedWithItsNearestSpellingBeforeWhereTheHelpIs() {
    Run run = run("report", "--data", demo().toString(), "--gran", "quarter");

    assertThat(run.exit()).isEqualTo(ExitCode.USAGE);
    List<String> lines = run.err().lines().toList();
    assertThat(lines.get(0)).startsWith("Unknown options: '--gran'");
    assertThat(run.err()).contains("--grain");
    assertThat(lines).last().isEqualTo("see `upshift report --help`");
    assertThat(lines.size()).isLessThan(6);
  }

  @Test
  void outputThatCannotBeWrittenIsOneLineAndExitCodeFour() throws IOException {
    String demo = demo().toString();
    Path folder = Files.createDirectories(work.resolve("reports"));

    Run intoFolder = run("report", "--data", demo, "--out", folder.toString());
    assertThat(intoFolder.exit()).isEqualTo(ExitCode.IO);
    assertThat(intoFolder.err().lines().toList()).containsExactly("upshift: cannot write "
        + folder + ": it is a folder; name a file (e.g. " + folder.resolve("report") + ")");

    Path file = Files.writeString(work.resolve("a-file"), "x");
    Run underAFile = run("report", "--data", demo, "--out", file.resolve("r.json").toString());
    assertThat(underAFile.exit()).isEqualTo(ExitCode.IO);
    assertThat(underAFile.err().lines().toList()).singleElement().asString()
        .startsWith("upshift: cannot write ");

    Run full = run("report", "--data", demo, "--out", "/dev/full");
    assertThat(full.exit()).isEqualTo(ExitCode.IO);
    assertThat(full.err().lines().toList()).containsExactly(
        "upshift: cannot write /dev/full: No space left on device");
  }

  @Test
  void versionIsTheProjectVersion() {
    Run run = run("--version");

    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).matches("upshift \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?")
        .isEqualTo("upshift " + Version.number());
  }

  @Test
  void aProjectFileWithAnUnknownKeyOrOptionIsAUsageErrorNamingIt() throws IOException {
    Path dir = copyOfDemo();
    Path project = dir.resolve(ProjectFile.NAME);

    Files.writeString(project, "end_date: inclusive\n");
    Run key = run("validate", "--data", dir.toString());
    assertThat(key.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(key.err().lines().findFirst()).hasValue("upshift: " + project
        + ": unknown key 'end_date' (did you mean end_dates?); the keys are end_dates, files,"
        + " ignore_columns, map, report");

    Files.writeString(project, "report:\n  grian: quarter\n");
    Run option = run("report", "--data", dir.toString());
    assertThat(option.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(option.err()).contains("report: unknown option 'grian' (did you mean grain?)");

    Files.writeString(project, "map:\n  monthly_amount: mrrr\n");
    Run target = run("validate", "--data", dir.toString());
    assertThat(target.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(target.err()).contains("--map monthly_amount=mrrr: no input file has a column mrrr");
  }

  @Test
  void theSampleExportValidatesCleanlyAndReports() {
    Path sample = demo().resolveSibling("export");

    Run validate = run("validate", "--data", sample.toString());
    assertThat(validate.exit()).as(validate.out()).isZero();
    assertThat(validate.out()).doesNotContain("warning").contains("note: settings from");

    Run report = run("report", "--data", sample.toString(), "--format", "json");
    assertThat(report.exit()).as(report.err()).isZero();
    assertThat(report.err()).isEmpty();

    Run table = run("report", "--data", sample.toString());
    assertThat(table.out()).contains("Read as          account id as customer_id, subscription id"
        + " as line_id, ").contains("; ignored sales rep, deal notes, customers:owner email;"
        + " inclusive end dates\n");
  }

  @Test
  void theFirstHundredErrorsAreListedWithTheCountOfTheRest() throws IOException {
    StringBuilder text = new StringBuilder("customer_id,arr,seats,start_date,sales_rep\n");
    for (int i = 0; i < 150; i++) {
      text.append("c").append(i).append(",100,1.5,2025-01-01,Ann\n");
    }
    Path file = Files.writeString(work.resolve("subscriptions.csv"), text);

    Run run = run("validate", "--subscriptions", file.toString());

    assertThat(run.exit()).isEqualTo(ExitCode.INPUT);
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(102);
    assertThat(lines.get(0)).contains(":1: column sales_rep: unknown column");
    assertThat(lines.get(1)).contains(":2: column seats: \"1.5\" is not a whole number");
    assertThat(lines.subList(100, 102)).containsExactly("... and 51 more errors",
        "151 errors in the input; nothing was computed");
  }

  @Test
  void aProjectFileMayScopeMappingsByKindAndSpellValuesAsYamlDoes() throws IOException {
    Path dir = Files.createDirectories(work.resolve("forms"));
    Path file = Files.writeString(dir.resolve(ProjectFile.NAME), """
        files:
          subscriptions: export.csv
          initiatives: launches.csv
        map:
          customers:
            client: customer_id
          monthly_amount: mrr
        ignore_columns: sales_rep, customers:owner
        end_dates: INCLUSIVE
        report:
          by: [region, plan]
          from: 2025-01
          exclude-top-tier: true
          fiscal-year-start: 4
        """);

    ProjectFile project = ProjectFile.read(file);

    assertThat(project.files()).containsEntry("subscriptions", dir.toAbsolutePath()
        .resolve("export.csv")).containsKey("initiatives");
    assertThat(project.map()).containsExactly("customers:client=customer_id",
        "monthly_amount=mrr");
    assertThat(project.ignoreColumns()).containsExactly("sales_rep", " customers:owner");
    assertThat(project.endDates()).isEqualTo("INCLUSIVE");
    assertThat(project.report()).containsEntry("by", "region,plan")
        .containsEntry("from", "2025-01").containsEntry("exclude-top-tier", "true")
        .containsEntry("fiscal-year-start", "4");
  }

  @Test
  void reportDefaultsOfTheProjectFileDoNotReachExplain() throws IOException {
    Path dir = copyOfDemo();
    Files.writeString(dir.resolve(ProjectFile.NAME), "report:\n  by: [region]\n  where: region=NA\n");

    Run explain = run("explain", "--data", dir.toString(), "--customer", "C000001");
    assertThat(explain.exit()).as(explain.err()).isZero();

    JsonNode report = json(run("report", "--data", dir.toString(), "--format", "json"));
    assertThat(report.get("config").get("where").asText()).isEqualTo("region=NA");
  }

  private Path copyOfDemo() throws IOException {
    Path dir = Files.createDirectories(work.resolve("demo"));
    try (Stream<Path> files = Files.list(demo())) {
      files.filter(path -> path.toString().endsWith(".csv")).forEach(path -> {
        try {
          Files.copy(path, dir.resolve(path.getFileName()));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
    return dir;
  }
}
