package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.Dataset;
import dev.upshift.sample.SampleGenerator;
import dev.upshift.sample.SampleOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel fast path reads exactly what the strict streaming reader reads: the same phases
 * (every field, line numbers included) and the same summary, on generated datasets and on files
 * cut into many small chunks; and it leaves every file it cannot read with certainty to the strict
 * reader.
 */
class FastPathAgreementTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 7, 42})
  void fastPathReadsGeneratedDataLikeTheStrictReader(long seed) throws IOException {
    SampleGenerator.of(SampleOptions.of(400, 30, seed)).writeTo(dir);
    InputFiles files = InputFiles.of(dir.resolve("subscriptions.csv"))
        .withPlans(dir.resolve("plans.csv")).withFx(dir.resolve("fx.csv"));

    Dataset strict = DatasetReader.read(files, bytes -> { }, false).dataset();
    ParallelSubscriptionsReader.Result fast = ParallelSubscriptionsReader.tryRead(
        files.subscriptions(), fxOf(files), 4096, bytes -> { });

    assertThat(fast).as("the generated file is clean and plain").isNotNull();
    assertThat(fast.table().asList()).containsExactlyElementsOf(strict.phases());
    assertThat(fast.summary()).isEqualTo(strict.summary());
    assertThat(DatasetReader.read(files).dataset().phases()).containsExactlyElementsOf(strict.phases());
  }

  @Test
  void blankLinesCrlfAndBomKeepPhysicalLineNumbers() throws IOException {
    String text = "\uFEFFcustomer_id,product,arr,start_date,end_date\r\n"
        + "C1,crm,100,2026-01-01,2026-02-01\r\n"
        + "\r\n"
        + "   \r\n"
        + " C2 , crm ,  12.50 ,2026-01-01,\r\n"
        + "C1,crm,200,2026-02-01,";
    Path file = write(text);
    ParallelSubscriptionsReader.Result fast =
        ParallelSubscriptionsReader.tryRead(file, fxOf(InputFiles.of(file)), 16, bytes -> { });
    Dataset strict = DatasetReader.read(InputFiles.of(file), bytes -> { }, false).dataset();
    assertThat(fast).isNotNull();
    assertThat(fast.table().asList()).containsExactlyElementsOf(strict.phases());
    assertThat(strict.phases()).extracting(p -> p.line()).containsExactly(2, 5, 6);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "C1,crm,\"100\",2026-01-01,\n",            // a quote
      "C1,crm,100,2026-01-01,\nC1,crm,100,2026-01-01,\n", // overlapping phases
      "C1,crm,-5,2026-01-01,\n",                 // an error
      "C1,crm,100,2026-02-30,\n",                // not a calendar date
      "C1,crm,1.0000001,2026-01-01,\n",          // more than six decimals
      "C1,crm,100,2026-01-01\n",                 // ragged
      "Ç1,crm,100,2026-01-01,\n",                // not ASCII
      "C1,crm,100,2026-01-01,\rC2,crm,100,2026-01-01,\n", // a lone CR
  })
  void anythingUnusualIsLeftToTheStrictReader(String rows) throws IOException {
    Path file = write("customer_id,product,arr,start_date,end_date\n" + rows);
    assertThat(ParallelSubscriptionsReader.tryRead(file, fxOf(InputFiles.of(file)), 16, b -> { }))
        .isNull();
  }

  private Path write(String text) throws IOException {
    Path file = dir.resolve("subscriptions.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private static dev.upshift.input.FxRates fxOf(InputFiles files) {
    if (files.fx() == null) {
      return dev.upshift.input.FxRates.none(files.currency());
    }
    FxReader reader = new FxReader(new ReadContext(), InputSource.of(files.fx()), files.currency());
    reader.read();
    return reader.rates();
  }
}
