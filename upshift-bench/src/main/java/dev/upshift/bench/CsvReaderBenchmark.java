package dev.upshift.bench;

import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.OnError;
import dev.upshift.io.csv.ReadResult;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CSV reader on a generated {@value #CUSTOMERS}-customer {@code subscriptions.csv} (about 36 MB):
 * the parallel fast path a clean file takes, and the strict streaming reader that files with
 * errors (or quotes, or non-ASCII text) take, in milliseconds per file.
 *
 * <pre>
 * java -cp upshift-bench/target/upshift-bench.jar org.openjdk.jmh.Main CsvReaderBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
public class CsvReaderBenchmark {
  static final int CUSTOMERS = 50_000;

  private InputFiles fast;
  private InputFiles strict;

  @Setup
  public void generate() throws Exception {
    Path dir = Files.createTempDirectory("upshift-csv-bench");
    SampleGenerator.of(SampleOptions.of(CUSTOMERS, 36, 42)).writeTo(dir);
    fast = InputFiles.of(dir.resolve("subscriptions.csv")).withFx(dir.resolve("fx.csv"));
    // Under --on-error skip every file takes the strict reader (it must collect rejected rows).
    strict = fast.withOnError(OnError.SKIP).withRejects(dir.resolve("rejects.csv"));
  }

  @Benchmark
  public ReadResult parallelFastPath() {
    return DatasetReader.read(fast);
  }

  @Benchmark
  public ReadResult strictStreamingReader() {
    return DatasetReader.read(strict);
  }
}
