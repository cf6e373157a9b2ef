package dev.upshift.io.csv;

import dev.upshift.input.Dataset;
import dev.upshift.metric.RateCounting;
import dev.upshift.reference.EngineAgreement;
import dev.upshift.report.ReportOptions;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast engine (columnar reader and per-customer kernel) against the naive reference on
 * realistic generated data, read from CSV as the command line reads it: several seeds, both books,
 * every grain, with segments and a filter. {@code DifferentialTest} does the same on small random
 * datasets dense in edge cases; this one covers the shapes real data has (ramps, renewals, FX,
 * change logs, trials, many products).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedDataDifferentialTest {
  private static final long[] SEEDS = {3, 11, 2024};
  private final List<Dataset> datasets = new ArrayList<>();
  private final List<Path> dirs = new ArrayList<>();

  @BeforeAll
  void generate() throws IOException {
    for (long seed : SEEDS) {
      Path dir = Files.createTempDirectory("upshift-generated-" + seed);
      dirs.add(dir);
      SampleGenerator.of(SampleOptions.of(150, 30, seed)).writeTo(dir);
      datasets.add(DatasetReader.read(InputFiles.of(dir.resolve("subscriptions.csv"))
          .withPlans(dir.resolve("plans.csv")).withFx(dir.resolve("fx.csv"))
          .withCustomers(dir.resolve("customers.csv")).withHealth(dir.resolve("health.csv")))
          .dataset());
    }
  }

  @AfterAll
  void cleanUp() throws IOException {
    for (Path dir : dirs) {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (int d = 0; d < SEEDS.length; d++) {
      for (Book book : Book.values()) {
        for (Grain grain : Grain.values()) {
          cases.add(Arguments.of(d, book, grain));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "dataset {0}, {1} book, {2}")
  @MethodSource("cases")
  void engineAgreesWithReferenceOnGeneratedData(int dataset, Book book, Grain grain) {
    ReportOptions.Builder options = ReportOptions.builder().book(book).grain(grain)
        .by(List.of("tenure", "channel", "plan", "initial_arr", "cohort", "health"))
        .rateCounting(dataset % 2 == 0 ? RateCounting.ANY : RateCounting.NET);
    EngineAgreement.computeBoth(datasets.get(dataset), options.build());
    EngineAgreement.computeBoth(datasets.get(dataset), options.by(List.of())
        .where(SegmentFilter.parse("channel=sales")).excludeTopTier(true).minTenureMonths(3)
        .build());
  }
}
