package dev.upshift.io.csv;

import static dev.upshift.input.InputErrorCode.BAD_RATE;
import static dev.upshift.input.InputErrorCode.NEGATIVE_VALUE;
import static dev.upshift.input.InputErrorCode.NOT_WHOLE_NUMBER;
import static dev.upshift.input.InputErrorCode.NO_SUCH_FILE;
import static dev.upshift.input.InputErrorCode.OVERLAP;
import static dev.upshift.input.InputErrorCode.RAGGED_ROW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.input.Phase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --on-error fail|skip} (§1.3). */
class ErrorPolicyTest {
  private static final String SUBSCRIPTIONS = """
      customer_id,plan,seats,arr,start_date,end_date
      C1,Pro,10,1000,2026-01-01,
      C2,"Pro, annual",12.5,1000,2026-01-01,
      C3,Pro,5,1000,2026-01-01,2026-06-01
      C3,Pro,6,1200,2026-03-01,
      C4,Pro,x,-5,2026-01-01,
      C5,Pro,1,1000
      """;

  @TempDir Path dir;
  Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  @Test
  void failListsEveryErrorOfEveryFile_optionalFilesFirst() {
    InputFiles files = fixture.subscriptions(SUBSCRIPTIONS)
        .withPlans(fixture.write("plans.csv", "plan,tier\nPro,x\n"))
        .withFx(fixture.write("fx.csv", "currency,rate\nEUR,0\n"));

    InputException failure = Fixture.failure(files);

    assertThat(fixture.messages(failure.errors())).containsExactly(
        "fx.csv:2: column rate: \"0\" must be greater than 0",
        "plans.csv:2: column tier: \"x\" is not a whole number",
        "subscriptions.csv:3: column seats: \"12.5\" is not a whole number",
        "subscriptions.csv:5: column start_date: phase starting 2026-03-01 overlaps the phase on"
            + " line 4 (2026-01-01 to 2026-06-01) of customer \"C3\", line \"default\"",
        "subscriptions.csv:6: column seats: \"x\" is not a whole number",
        "subscriptions.csv:6: column arr: \"-5\" is negative; a price must be 0 or more",
        "subscriptions.csv:7: row has 4 cells but the header has 6 columns; write empty cells as"
            + " nothing between commas, not by leaving them out");
    assertThat(failure.errors()).extracting(InputError::code).containsExactly(BAD_RATE,
        NOT_WHOLE_NUMBER, NOT_WHOLE_NUMBER, OVERLAP, NOT_WHOLE_NUMBER, NEGATIVE_VALUE, RAGGED_ROW);
    assertThat(failure.totalErrors()).isEqualTo(7);
  }

  @Test
  void failListsTheFirst100ErrorsInLineOrder_andCountsAll() {
    StringBuilder text = new StringBuilder("customer_id,arr,start_date\n");
    for (int i = 0; i < 150; i++) {
      // every row overlaps the first (found last, after reading) and rows from line 52 on are bad
      text.append("C1,").append(i < 50 ? "100" : "-1").append(",2026-01-01\n");
    }

    InputException failure = Fixture.failure(fixture.subscriptions(text.toString()));

    assertThat(failure.totalErrors()).isEqualTo(150 - 1);
    assertThat(failure.errors()).hasSize(100);
    assertThat(failure.errors()).extracting(e -> e.line())
        .containsExactlyElementsOf(Stream.iterate(3L, line -> line + 1).limit(100).toList());
    assertThat(failure.errors().get(0).column()).isEqualTo("start_date"); // overlap of line 3
    assertThat(failure.errors().get(99).column()).isEqualTo("arr"); // line 102
    assertThat(failure.getMessage()).endsWith("(and 148 more errors)");
  }

  @Test
  void skipDropsBadRows_writesThemWithCodesAndReasons_andCountsThem() throws IOException {
    Path rejects = dir.resolve("out/rejects.csv");
    Files.createDirectories(rejects.getParent());
    InputFiles files = fixture.subscriptions(SUBSCRIPTIONS)
        .withOnError(OnError.SKIP)
        .withRejects(rejects);

    ReadResult result = DatasetReader.read(files);

    assertThat(result.dataset().phases()).extracting(Phase::customerId, Phase::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("C1", 2),
            org.assertj.core.groups.Tuple.tuple("C3", 4));
    assertThat(result.rejectedRows()).isEqualTo(4);
    assertThat(result.dataset().summary().rows()).isEqualTo(6);
    assertThat(result.dataset().summary().billableRows()).isEqualTo(2);
    assertThat(result.skippedErrors()).isEqualTo(5);
    assertThat(fixture.messages(result.skipped())).containsExactly(
        "subscriptions.csv:3: column seats: \"12.5\" is not a whole number",
        "subscriptions.csv:5: column start_date: phase starting 2026-03-01 overlaps the phase on"
            + " line 4 (2026-01-01 to 2026-06-01) of customer \"C3\", line \"default\"",
        "subscriptions.csv:6: column seats: \"x\" is not a whole number",
        "subscriptions.csv:6: column arr: \"-5\" is negative; a price must be 0 or more",
        "subscriptions.csv:7: row has 4 cells but the header has 6 columns; write empty cells as"
            + " nothing between commas, not by leaving them out");
    assertThat(result.skipped()).extracting(InputError::code).containsExactly(NOT_WHOLE_NUMBER,
        OVERLAP, NOT_WHOLE_NUMBER, NEGATIVE_VALUE, RAGGED_ROW);
    assertThat(result.rejectsFile()).isEqualTo(rejects);
    // Rows with cell errors as they are found, then the rows dropped by the overlap check; a row's
    // codes in the order of its reasons.
    assertThat(Files.readString(rejects, StandardCharsets.UTF_8)).isEqualTo("""
        line,column,code,reason,customer_id,plan,seats,arr,start_date,end_date\r
        3,seats,not_whole_number,"column seats: ""12.5"" is not a whole number",C2,"Pro, annual",12.5,1000,2026-01-01,\r
        6,seats;arr,not_whole_number;negative_value,"column seats: ""x"" is not a whole number; column arr: ""-5"" is negative; a price must be 0 or more",C4,Pro,x,-5,2026-01-01,\r
        7,,ragged_row,"row has 4 cells but the header has 6 columns; write empty cells as nothing between commas, not by leaving them out",C5,Pro,1,1000\r
        5,start_date,overlap,"column start_date: phase starting 2026-03-01 overlaps the phase on line 4 (2026-01-01 to 2026-06-01) of customer ""C3"", line ""default""\",C3,Pro,6,1200,2026-03-01,\r
        """);
    try (Stream<Path> left = Files.list(rejects.getParent())) {
      assertThat(left).containsExactly(rejects); // no temporary file left behind
    }
  }

  @Test
  void skipWritesTheRejectsFileNextToTheInputByDefault_evenWhenNothingIsDropped()
      throws IOException {
    Path stale = fixture.write("subscriptions.rejects.csv", "left by an earlier run\n");
    InputFiles files = fixture.subscriptions("customer_id,arr,start_date\nC1,100,2026-01-01\n")
        .withOnError(OnError.SKIP);

    ReadResult result = DatasetReader.read(files);

    assertThat(result.rejectsFile()).isEqualTo(stale);
    assertThat(result.rejectedRows()).isZero();
    assertThat(result.skipped()).isEmpty();
    assertThat(Files.readString(stale))
        .isEqualTo("line,column,code,reason,customer_id,arr,start_date\r\n");
  }

  @Test
  void skipStillFailsOnErrorsInOptionalFiles_andLeavesNoRejectsFile() throws IOException {
    InputFiles files = fixture.subscriptions(SUBSCRIPTIONS)
        .withOnError(OnError.SKIP)
        .withCustomers(fixture.write("customers.csv", "customer_id\nC1\nC1\n"));

    InputException failure = Fixture.failure(files);

    assertThat(fixture.messages(failure.errors())).containsExactly("customers.csv:3: column"
        + " customer_id: customer \"C1\" is already listed on line 2; list each customer once");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("subscriptions.csv", "customers.csv");
    }
  }

  @Test
  void skipStillFailsOnProblemsOfTheWholeFile() {
    assertThat(fixture.errors(fixture.subscriptions("customer_id,arr,start_date,sets\n")
        .withOnError(OnError.SKIP)))
        .singleElement().asString().startsWith("subscriptions.csv:1: column sets: unknown column");
    assertThat(fixture.errors(fixture.subscriptions(
            "customer_id,arr,start_date\nC1,\"100,2026-01-01\nC2,100,2026-01-01\n")
        .withOnError(OnError.SKIP)))
        .singleElement().asString().startsWith("subscriptions.csv:2: column arr: unterminated quote");
  }

  @Test
  void defaultRejectsFileReplacesTheExtension() {
    assertThat(InputFiles.of(Path.of("data", "subs.csv")).rejectsFile())
        .isEqualTo(Path.of("data", "subs.rejects.csv"));
    assertThat(InputFiles.of(Path.of("subs")).rejectsFile()).isEqualTo(Path.of("subs.rejects.csv"));
    assertThat(InputFiles.of(Path.of("a.csv")).withRejects(Path.of("r.csv")).rejectsFile())
        .isEqualTo(Path.of("r.csv"));
  }

  @Test
  void rejectsFileMustNotBeTheInput() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> InputFiles.of(Path.of("data/s.csv")).withRejects(Path.of("data/../data/s.csv")))
        .withMessage("the rejects file must not be the input: data/../data/s.csv");
  }

  @Test
  void errorsNameTheFileAsGiven() {
    Path relative = Path.of("target", "no-such-dir", "subscriptions.csv");

    InputException failure = Fixture.failure(InputFiles.of(relative));

    assertThat(failure.errors()).extracting(Object::toString)
        .containsExactly(relative + ": no such file");
    assertThat(failure.errors()).extracting(InputError::code).containsExactly(NO_SUCH_FILE);
  }

  @Test
  void reportingCurrencyMustBeACode() {
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> InputFiles.of(Path.of("s.csv")).withCurrency("dollar"))
        .withMessage("currency must be a three-letter ISO 4217 code: \"dollar\"");
  }

  @Test
  void optionalPathsMayBeAbsentButSubscriptionsMayNot() {
    org.assertj.core.api.Assertions.assertThatNullPointerException()
        .isThrownBy(() -> InputFiles.of(null))
        .withMessage("subscriptions is null");
    assertThat(List.of(InputFiles.of(Path.of("s.csv")).onError())).containsExactly(OnError.FAIL);
  }
}
