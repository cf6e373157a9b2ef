package dev.upshift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.io.csv.OnError;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The application's command line: the command line's options, output and exit codes. */
@Tag("spark")
class UpshiftSparkAppTest {
  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void generate() throws IOException {
    SampleGenerator.of(SampleOptions.of(150, 15, 4)).writeTo(dir);
    LocalSpark.session();
  }

  private int run(String... args) {
    CommandLine commandLine = UpshiftSparkApp.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  @Test
  void report_withTheCommandLinesOptions_writesTheCommandLinesJson() throws IOException {
    Path json = dir.resolve("out/report.json");
    int code = run("report", "--data", dir.toString(), "--grain", "quarter", "--by", "channel",
        "--rate-counting", "NET", "--format", "json", "--out", json.toString(), "--timings");

    assertThat(code).as(err.toString()).isEqualTo(0);
    ReportOptions options = ReportOptions.builder().grain(Grain.QUARTER).by(List.of("channel"))
        .rateCounting(dev.upshift.metric.RateCounting.NET).build();
    assertThat(Files.readString(json))
        .isEqualTo(CliRun.json(CliRun.report(CliRun.files(dir, OnError.FAIL), options, null)));
    assertThat(err.toString()).contains("upshift-spark: customer pass");
  }

  @Test
  void csvAndHtml_areTheCommandLinesBytes() throws IOException {
    Path csv = dir.resolve("report.csv");
    Path html = dir.resolve("report.html");
    assertThat(run("report", "--data", dir.toString(), "--format", "csv", "--out", csv.toString()))
        .as(err.toString()).isEqualTo(0);
    assertThat(run("report", "--data", dir.toString(), "--format", "html", "--out",
        html.toString())).as(err.toString()).isEqualTo(0);

    dev.upshift.io.csv.InputFiles files = CliRun.files(dir, OnError.FAIL);
    StringWriter expectedCsv = new StringWriter();
    dev.upshift.render.CsvReportWriter.write(
        CliRun.report(files, ReportOptions.builder().build(), null), expectedCsv);
    assertThat(Files.readString(csv)).isEqualTo(expectedCsv.toString());

    // html always carries the analysis (with --data's initiatives) and the dashboard's segments,
    // as on the command line.
    StringWriter expectedHtml = new StringWriter();
    new dev.upshift.render.html.HtmlReportWriter().write(CliRun.report(files,
        dev.upshift.analysis.Analysis.withDashboardDimensions(ReportOptions.builder().build()),
        dev.upshift.analysis.AnalysisOptions.defaults().withInitiatives(
            dev.upshift.io.csv.InitiativesReader.read(dir.resolve("initiatives.csv")))),
        expectedHtml);
    assertThat(Files.readString(html)).isEqualTo(expectedHtml.toString());
  }

  @Test
  void tableFormat_isPrintedOnStandardOutput() {
    assertThat(run("report", "--data", dir.toString(), "--grain", "year")).isEqualTo(0);
    assertThat(out.toString()).contains("ARR bridge (USD)").contains("Upsell Rate");
  }

  @Test
  void inputErrors_exitWith3_andAreListedWithTheirCodes() {
    int code = run("report", "--subscriptions", dir.resolve("missing.csv").toString());
    assertThat(code).isEqualTo(3);
    assertThat(err.toString()).contains("missing.csv: no such file [no_such_file]")
        .contains("1 error in the input; nothing was computed");
  }

  @Test
  void usageErrors_exitWith2() {
    assertThat(run("report", "--data", dir.toString(), "--by", "planet")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown dimension 'planet'");
    assertThat(run("report", "--data", dir.toString(), "--grain", "week")).isEqualTo(2);
    assertThat(run("report", "--data", dir.toString(), "--format", "xlsx")).isEqualTo(2);
  }
}
