package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One test per cell rule of §1.1, §1.3 and §10 Input, each pinning the exact message. */
class SubscriptionCellsTest {
  private static final String HEADER =
      "customer_id,line_id,product,plan,tier,seats,arr,start_date,end_date,signed_date,"
          + "cancel_signed_date,status,kind\n";

  @TempDir Path dir;
  Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  private Phase phase(String row) {
    return fixture.phases(HEADER + row + "\n").get(0);
  }

  private String error(String row) {
    return fixture.errors(HEADER + row + "\n").get(0);
  }

  @Test
  void defaultsApply_productLineSignedDateStatusKindSeats() {
    Phase phase = phase("C1,,,,,,100,2026-01-01,,,,,");

    assertThat(phase.product()).isEqualTo("default");
    assertThat(phase.lineId()).isEqualTo("default");
    assertThat(phase.plan()).isNull();
    assertThat(phase.tier()).isNull();
    assertThat(phase.seats()).isZero();
    assertThat(phase.signed()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(phase.end()).isNull();
    assertThat(phase.cancelSigned()).isNull();
    assertThat(phase.status()).isEqualTo(PhaseStatus.ACTIVE);
    assertThat(phase.kind()).isEqualTo(PhaseKind.RECURRING);
  }

  @Test
  void emptyLineIdDefaultsToTheProduct() {
    assertThat(phase("C1,,crm,,,,100,2026-01-01,,,,,").lineId()).isEqualTo("crm");
  }

  @Test
  void cancelSignedDateDefaultsToEndDate() {
    Phase phase = phase("C1,,,,,,100,2026-01-01,2026-07-01,,,,");

    assertThat(phase.cancelSigned()).isEqualTo(LocalDate.of(2026, 7, 1));
  }

  @Test
  void cancelSignedDateWithoutEndDateIsIgnored() {
    Phase phase = phase("C1,,,,,,100,2026-01-01,,2025-12-15,2026-03-01,,");

    assertThat(phase.signed()).isEqualTo(LocalDate.of(2025, 12, 15));
    assertThat(phase.cancelSigned()).isNull();
  }

  @Test
  void allValuesAreRead() {
    Phase phase = phase(
        "C1,L1,crm,Pro,2,12.0,1200.50,2026-01-01,2027-01-01,2025-12-20,2026-10-01,Trial,Committed_Usage");

    assertThat(phase).isEqualTo(new Phase("C1", "L1", "crm", "Pro", 2, 12, 1_200_500_000L,
        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), LocalDate.of(2025, 12, 20),
        LocalDate.of(2026, 10, 1), PhaseStatus.TRIAL, PhaseKind.COMMITTED_USAGE, 2));
  }

  @Test
  void customerIdIsRequired() {
    assertThat(error(" ,,,,,,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column customer_id: is empty; every row needs a"
            + " customer_id");
  }

  @Test
  void customerIdHasAtMost256Characters() {
    assertThat(phase("x".repeat(256) + ",,,,,,100,2026-01-01,,,,,").customerId()).hasSize(256);
    assertThat(error("x".repeat(257) + ",,,,,,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column customer_id: is 257 characters long; at most 256"
            + " are allowed");
  }

  @Test
  void seatsMustBeWhole() {
    assertThat(phase("C1,,,,,12.0,100,2026-01-01,,,,,").seats()).isEqualTo(12);
    assertThat(error("C1,,,,,12.5,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column seats: \"12.5\" is not a whole number");
  }

  @Test
  void seatsMustNotBeNegative() {
    assertThat(error("C1,,,,,-3,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column seats: \"-3\" is negative; seats must be 0 or"
            + " more");
  }

  @Test
  void seatsMustFitAnInt() {
    assertThat(error("C1,,,,,2147483648,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column seats: \"2147483648\" is too large; at most"
            + " 2147483647");
  }

  @Test
  void tierMustBeAnInteger() {
    assertThat(phase("C1,,,,3,,100,2026-01-01,,,,,").tier()).isEqualTo(3);
    assertThat(error("C1,,,,gold,,100,2026-01-01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column tier: \"gold\" is not a whole number");
  }

  @Test
  void startDateIsRequired() {
    assertThat(error("C1,,,,,,100,,,,,,"))
        .isEqualTo("subscriptions.csv:2: column start_date: is empty; every row needs a"
            + " start_date");
  }

  @Test
  void datesMustBeIsoDates() {
    assertThat(error("C1,,,,,,100,2026/01/01,,,,,"))
        .isEqualTo("subscriptions.csv:2: column start_date: \"2026/01/01\" is not a date in the"
            + " form yyyy-MM-dd");
    assertThat(error("C1,,,,,,100,2026-1-5,,,,,"))
        .isEqualTo("subscriptions.csv:2: column start_date: \"2026-1-5\" is not a date in the"
            + " form yyyy-MM-dd");
    assertThat(error("C1,,,,,,100,2026-01-01T00:00,,,,,"))
        .isEqualTo("subscriptions.csv:2: column start_date: \"2026-01-01T00:00\" is not a date in"
            + " the form yyyy-MM-dd");
  }

  @Test
  void datesMustExist() {
    assertThat(error("C1,,,,,,100,2026-01-01,2026-02-30,,,,"))
        .isEqualTo("subscriptions.csv:2: column end_date: \"2026-02-30\" is not a valid calendar"
            + " date");
  }

  @Test
  void malformedCancelSignedDateIsAnError_evenWithoutEndDate() {
    assertThat(error("C1,,,,,,100,2026-01-01,,,soon,,"))
        .isEqualTo("subscriptions.csv:2: column cancel_signed_date: \"soon\" is not a date in the"
            + " form yyyy-MM-dd");
  }

  @Test
  void endDateMustBeAfterStartDate() {
    assertThat(error("C1,,,,,,100,2026-03-01,2026-03-01,,,,"))
        .isEqualTo("subscriptions.csv:2: column end_date: end_date 2026-03-01 is not after"
            + " start_date 2026-03-01; end_date is the first day no longer in force (if the file's"
            + " end dates are the last day in force, give --end-dates inclusive)");
  }

  @Test
  void statusAndKindAreCaseInsensitive() {
    Phase phase = phase("C1,,,,,,100,2026-01-01,,,,READ_ONLY,Committed_Usage");

    assertThat(phase.status()).isEqualTo(PhaseStatus.READ_ONLY);
    assertThat(phase.kind()).isEqualTo(PhaseKind.COMMITTED_USAGE);
  }

  @Test
  void unknownStatusIsAnError() {
    assertThat(error("C1,,,,,,100,2026-01-01,,,,paused,"))
        .isEqualTo("subscriptions.csv:2: column status: \"paused\" is not a status; use active,"
            + " trial, suspended or read_only");
  }

  @Test
  void unknownKindIsAnError() {
    assertThat(error("C1,,,,,,100,2026-01-01,,,,,usage"))
        .isEqualTo("subscriptions.csv:2: column kind: \"usage\" is not a kind; use recurring,"
            + " committed_usage, overage or one_time");
  }

  @Test
  void idsAreCaseSensitive() {
    var phases = fixture.phases(HEADER
        + "c1,,CRM,,,,100,2026-01-01,,,,,\n"
        + "C1,,crm,,,,100,2026-01-01,,,,,\n");

    assertThat(phases).extracting(Phase::customerId).containsExactly("c1", "C1");
    assertThat(phases).extracting(Phase::lineId).containsExactly("CRM", "crm");
  }

  @Test
  void everyErrorOfARowIsReported() {
    String text = HEADER + ",,,,x,-1,abc,2026-13-01,,,,gone,\n";

    assertThat(fixture.errors(text)).containsExactly(
        "subscriptions.csv:2: column customer_id: is empty; every row needs a customer_id",
        "subscriptions.csv:2: column tier: \"x\" is not a whole number",
        "subscriptions.csv:2: column seats: \"-1\" is negative; seats must be 0 or more",
        "subscriptions.csv:2: column arr: \"abc\" is not a number; write a plain decimal such as"
            + " 1234.5 (no thousands separators, currency signs or exponents)",
        "subscriptions.csv:2: column start_date: \"2026-13-01\" is not a valid calendar date",
        "subscriptions.csv:2: column status: \"gone\" is not a status; use active, trial,"
            + " suspended or read_only");
    assertThat(fixture.codes(text)).containsExactly(InputErrorCode.MISSING_VALUE,
        InputErrorCode.NOT_WHOLE_NUMBER, InputErrorCode.NEGATIVE_VALUE, InputErrorCode.BAD_NUMBER,
        InputErrorCode.BAD_DATE, InputErrorCode.UNKNOWN_STATUS);
  }

  @Test
  void zeroPriceIsValid() {
    assertThat(phase("C1,,,,,,0,2026-01-01,,,,,").arrMicros()).isZero();
  }

  @Test
  void interningSharesRepeatedStrings() {
    var phases = fixture.phases(HEADER
        + "C1,,crm,Pro,,,100,2026-01-01,,,,,\n"
        + "C1,,crm,Pro,,,100,2026-02-01,,,,,\n"
        + "C2,,crm,Pro,,,100,2026-02-01,,,,,\n");

    assertThat(phases.get(1).customerId()).isSameAs(phases.get(0).customerId());
    assertThat(phases.get(2).product()).isSameAs(phases.get(0).product());
    assertThat(phases.get(2).lineId()).isSameAs(phases.get(0).lineId());
    assertThat(phases.get(2).plan()).isSameAs(phases.get(0).plan());
    // Dates are held as epoch days in the dataset's PhaseTable; phases built from it are equal.
    assertThat(phases.get(2).start()).isEqualTo(phases.get(1).start());
  }

  @Test
  void summaryCountsRowsByBucket() {
    var result = Fixture.read(fixture.subscriptions(HEADER
        + "C1,,,,,,100,2026-01-01,,,,,\n"
        + "C2,,,,,,100,2026-01-01,,,,trial,\n"
        + "C3,,,,,,100,2026-01-01,,,,,overage\n"
        + "C4,,,,,,0,2026-01-01,,,,,\n"));

    var summary = result.dataset().summary();
    assertThat(summary.rows()).isEqualTo(4);
    assertThat(summary.billableRows()).isEqualTo(1);
    assertThat(summary.ignored(dev.upshift.input.IgnoredReason.TRIAL)).isEqualTo(1);
    assertThat(summary.ignored(dev.upshift.input.IgnoredReason.OVERAGE)).isEqualTo(1);
    assertThat(summary.ignored(dev.upshift.input.IgnoredReason.ZERO_PRICE)).isEqualTo(1);
    assertThat(summary.rejectedRows()).isZero();
    // Overage rows are counted and set aside, never phases of a line.
    assertThat(result.dataset().phases()).extracting(Phase::customerId)
        .containsExactly("C1", "C2", "C4");
  }

  @Test
  void arrMicrosIsExactForTheValueGiven() {
    assertThat(phase("C1,,,,,,0.000001,2026-01-01,,,,,").arrMicros()).isEqualTo(1);
    assertThat(phase("C1,,,,,,9223372036854.775807,2026-01-01,,,,,").arrMicros())
        .isEqualTo(Long.MAX_VALUE);
    assertThat(Micros.toDecimal(phase("C1,,,,,,.5,2026-01-01,,,,,").arrMicros()))
        .isEqualByComparingTo("0.5");
  }

  /**
   * A row of each test in this class that pins a message, and the code its error carries
   * ({@code LONG_ID} stands for a customer_id of 257 characters).
   */
  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      ' ,,,,,,100,2026-01-01,,,,,'                      | MISSING_VALUE
      C1,,,,,,100,,,,,,                                 | MISSING_VALUE
      LONG_ID,,,,,,100,2026-01-01,,,,,                  | VALUE_TOO_LONG
      C1,,,,,12.5,100,2026-01-01,,,,,                   | NOT_WHOLE_NUMBER
      C1,,,,gold,,100,2026-01-01,,,,,                   | NOT_WHOLE_NUMBER
      C1,,,,,-3,100,2026-01-01,,,,,                     | NEGATIVE_VALUE
      C1,,,,,2147483648,100,2026-01-01,,,,,             | VALUE_TOO_LARGE
      C1,,,,,,abc,2026-01-01,,,,,                       | BAD_NUMBER
      C1,,,,,,100,2026/01/01,,,,,                       | BAD_DATE
      C1,,,,,,100,2026-01-01,2026-02-30,,,,             | BAD_DATE
      C1,,,,,,100,2026-01-01,,,soon,,                   | BAD_DATE
      C1,,,,,,100,2026-03-01,2026-03-01,,,,             | END_NOT_AFTER_START
      C1,,,,,,100,2026-01-01,,,,paused,                 | UNKNOWN_STATUS
      C1,,,,,,100,2026-01-01,,,,,usage                  | UNKNOWN_KIND
      """)
  void eachCellErrorCarriesItsCode(String row, InputErrorCode code) {
    String text = HEADER + row.replace("LONG_ID", "x".repeat(257)) + "\n";

    assertThat(fixture.codes(text)).containsExactly(code);
  }
}
