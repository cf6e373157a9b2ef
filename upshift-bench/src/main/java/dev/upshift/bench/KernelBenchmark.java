package dev.upshift.bench;

import dev.upshift.Upshift;
import dev.upshift.input.Dataset;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The per-customer kernel: the report of {@value #CUSTOMERS} generated customers over 36 months
 * from an in-memory dataset, in nanoseconds per customer (all periods, all §5 figures; both cores,
 * as in a real run).
 *
 * <pre>
 * java -cp upshift-bench/target/upshift-bench.jar org.openjdk.jmh.Main KernelBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class KernelBenchmark {
  static final int CUSTOMERS = 50_000;

  private Dataset dataset;
  private ReportOptions live;
  private ReportOptions contracted;

  @Setup
  public void generate() throws Exception {
    Path dir = Files.createTempDirectory("upshift-kernel-bench");
    SampleGenerator.of(SampleOptions.of(CUSTOMERS, 36, 42)).writeTo(dir);
    dataset = DatasetReader.read(InputFiles.of(dir.resolve("subscriptions.csv"))
        .withPlans(dir.resolve("plans.csv")).withFx(dir.resolve("fx.csv"))).dataset();
    live = ReportOptions.builder().grain(Grain.MONTH).build();
    contracted = ReportOptions.builder().grain(Grain.MONTH).book(Book.CONTRACTED).build();
  }

  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public Report monthlyLiveBook() {
    return Upshift.report(dataset, live);
  }

  @Benchmark
  @OperationsPerInvocation(CUSTOMERS)
  public Report monthlyContractedBook() {
    return Upshift.report(dataset, contracted);
  }
}
