package dev.upshift.io.csv;

import static dev.upshift.input.InputErrorCode.BAD_DATE;
import static dev.upshift.input.InputErrorCode.BAD_NUMBER;
import static dev.upshift.input.InputErrorCode.END_NOT_AFTER_START;
import static dev.upshift.input.InputErrorCode.MISSING_VALUE;
import static dev.upshift.input.InputErrorCode.NOT_WHOLE_NUMBER;
import static dev.upshift.input.InputErrorCode.OVERLAP;
import static dev.upshift.input.InputErrorCode.PRICE_FORM_COUNT;
import static dev.upshift.input.InputErrorCode.RAGGED_ROW;
import static dev.upshift.input.InputErrorCode.TOO_MANY_DECIMALS;
import static dev.upshift.input.InputErrorCode.UNKNOWN_BILLING_PERIOD;
import static dev.upshift.input.InputErrorCode.UNKNOWN_CURRENCY;
import static dev.upshift.input.InputErrorCode.UNKNOWN_STATUS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import dev.upshift.money.Micros;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code planted/subscriptions.csv} has a BOM, a quoted two-line cell, a blank line and one error
 * planted on each of 13 lines; exactly those lines must be reported, each once, and nothing else.
 */
class PlantedErrorsTest {
  private static final List<Long> PLANTED = List.of(4L, 7L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L,
      18L, 19L, 21L);
  /** The code of the error planted on each line. */
  private static final List<InputErrorCode> CODES = List.of(NOT_WHOLE_NUMBER, BAD_DATE,
      UNKNOWN_BILLING_PERIOD, PRICE_FORM_COUNT, UNKNOWN_CURRENCY, END_NOT_AFTER_START, BAD_NUMBER,
      UNKNOWN_STATUS, RAGGED_ROW, OVERLAP, TOO_MANY_DECIMALS, MISSING_VALUE, NOT_WHOLE_NUMBER);

  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(PlantedErrorsTest.class.getResource("/planted/" + name).toURI());
  }

  private static InputFiles files() throws URISyntaxException {
    return InputFiles.of(resource("subscriptions.csv")).withFx(resource("fx.csv"));
  }

  @Test
  void exactlyThePlantedLinesAreReported() throws URISyntaxException {
    InputException failure = Fixture.failure(files());

    assertThat(failure.errors()).extracting(InputError::line).containsExactlyElementsOf(PLANTED);
    assertThat(failure.totalErrors()).isEqualTo(PLANTED.size());
    assertThat(failure.errors()).extracting(InputError::column).containsExactly(
        "seats", "start_date", "billing_period", "mrr", "currency", "end_date", "arr", "status",
        null, "start_date", "arr", "customer_id", "tier");
    assertThat(failure.errors()).extracting(InputError::code).containsExactlyElementsOf(CODES);
    assertThat(failure.errors().get(9).reason())
        .startsWith("phase starting 2025-03-15 overlaps the phase on line 3 ");
  }

  @Test
  void underSkipTheGoodRowsAreKept() throws URISyntaxException {
    ReadResult result = DatasetReader.read(files()
        .withOnError(OnError.SKIP)
        .withRejects(dir.resolve("rejects.csv")));

    assertThat(result.dataset().phases()).extracting(Phase::customerId, Phase::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ACME", 2),
            org.assertj.core.groups.Tuple.tuple("ACME", 3),
            org.assertj.core.groups.Tuple.tuple("GAMMA", 5),
            org.assertj.core.groups.Tuple.tuple("EPS", 9),
            org.assertj.core.groups.Tuple.tuple("XI", 20));
    assertThat(result.dataset().phases().get(2).plan()).isEqualTo("Standard\n(legacy)");
    assertThat(result.dataset().phases().get(3).arrMicros())
        .isEqualTo(Micros.ofUnits(12_960)); // 3000 a quarter × 4 × 1.08
    assertThat(result.rejectedRows()).isEqualTo(PLANTED.size());
    assertThat(result.skipped()).extracting(InputError::line).containsExactlyElementsOf(PLANTED);
    assertThat(result.skipped()).extracting(InputError::code).containsExactlyElementsOf(CODES);
    assertThat(result.dataset().summary().rows()).isEqualTo(19);
  }
}
