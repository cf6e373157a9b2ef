package dev.upshift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("spark")
class SparkCliEqualityTest {
  @TempDir
  Path dir;

  @Test
  void monthlyReport_equalsTheCommandLines() throws IOException {
    SampleGenerator.of(SampleOptions.of(300, 24, 7)).writeTo(dir);
    ReportOptions options = ReportOptions.builder().build();
    InputFiles files = CliRun.files(dir, OnError.FAIL);
    String cli = CliRun.json(CliRun.report(files, options, null));
    SparkJob job = SparkJob.builder().subscriptions(dir.resolve("subscriptions.csv").toString())
        .customers(dir.resolve("customers.csv").toString())
        .plans(dir.resolve("plans.csv").toString())
        .health(dir.resolve("health.csv").toString())
        .targets(dir.resolve("targets.csv").toString())
        .fx(dir.resolve("fx.csv").toString())
        .options(options).build();
    String spark = CliRun.json(UpshiftSpark.run(LocalSpark.session(), job).report());
    assertThat(spark).isEqualTo(cli);
  }
}
