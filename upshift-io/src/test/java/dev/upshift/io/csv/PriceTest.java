package dev.upshift.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Price forms, number syntax, currencies and the one rounding of a phase's ARR (§1.1, §3.3, §10). */
class PriceTest {
  private static final String HEADER = "customer_id,arr,mrr,amount,billing_period,currency,start_date\n";

  @TempDir Path dir;
  Fixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new Fixture(dir);
  }

  private BigDecimal arr(String row) {
    return arr(fixture.subscriptions(HEADER + row + "\n"));
  }

  private static BigDecimal arr(InputFiles files) {
    List<Phase> phases = Fixture.read(files).dataset().phases();
    return Micros.toDecimal(phases.get(0).arrMicros());
  }

  private String error(String row) {
    return fixture.errors(HEADER + row + "\n").get(0);
  }

  @Test
  void arrIsTakenAsIs() {
    assertThat(arr("C1,1200.5,,,,,2026-01-01")).isEqualByComparingTo("1200.5");
  }

  @Test
  void mrrIsTimesTwelve() {
    assertThat(arr("C1,,100.25,,,,2026-01-01")).isEqualByComparingTo("1203");
  }

  @ParameterizedTest
  @CsvSource({
      "100, month, 1200",
      "300, quarter, 1200",
      "300, Quarter, 1200",
      "600, half_year, 1200",
      "1200, year, 1200",
      "2400, two_years, 1200",
      "3600, three_years, 1200",
      "300, P3M, 1200",
      "600, p6m, 1200",
      "1200, P1Y, 1200",
      "2400, P2Y, 1200",
      "3600, P3Y, 1200",
      "100, P1M, 1200"})
  void amountIsNormalisedToTwelveMonths(String amount, String period, String expected) {
    assertThat(arr("C1,,," + amount + "," + period + ",,2026-01-01"))
        .isEqualByComparingTo(expected);
  }

  @Test
  void threeYearTermsRoundHalfEvenToSixDecimals() {
    assertThat(arr("C1,,,1000,three_years,,2026-01-01")).isEqualTo("333.333333"); // 333.3333333…
    assertThat(arr("C1,,,2000,three_years,,2026-01-01")).isEqualTo("666.666667"); // 666.6666666…
  }

  @Test
  void billingPeriodIsIgnoredWithoutAmount() {
    assertThat(arr("C1,1200,,,month,,2026-01-01")).isEqualByComparingTo("1200");
  }

  @Test
  void trailingZerosBeyondSixDecimalsAreNotRounding() {
    assertThat(arr("C1,1.5000000,,,,,2026-01-01")).isEqualByComparingTo("1.5");
  }

  @Test
  void moreThanSixSignificantDecimalsIsAnError() {
    assertThat(error("C1,1.0000001,,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column arr: \"1.0000001\" has more than 6 decimal"
            + " places; input is never rounded");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1e3", "1E3", "\"1,200\"", "1 200", "+5", "$100", "1.2.3", "12,5", "-", ".", "NaN", "0x10"})
  void numbersArePlainDecimals(String cell) {
    String text = cell.startsWith("\"") ? cell.substring(1, cell.length() - 1) : cell;
    String row = "C1,,," + cell + ",month,,2026-01-01";

    if (text.equals("12,5")) { // unquoted, the comma splits the cell: a ragged row
      assertThat(error(row)).contains("row has 8 cells but the header has 7 columns");
      return;
    }
    assertThat(error(row)).isEqualTo("subscriptions.csv:2: column amount: \"" + text
        + "\" is not a number; write a plain decimal such as 1234.5 (no thousands separators,"
        + " currency signs or exponents)");
  }

  @Test
  void negativePriceIsAnError() {
    assertThat(error("C1,,-10,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column mrr: \"-10\" is negative; a price must be 0 or"
            + " more");
  }

  @Test
  void noPriceIsAnError() {
    assertThat(error("C1,,,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column arr: no price; fill exactly one of arr, mrr or"
            + " amount (with billing_period)");
  }

  @Test
  void noPriceNamesThePriceColumnTheFileHas() {
    assertThat(fixture.errors("customer_id,mrr,start_date\nC1,,2026-01-01\n"))
        .containsExactly("subscriptions.csv:2: column mrr: no price; fill exactly one of arr, mrr"
            + " or amount (with billing_period)");
  }

  @Test
  void twoPriceFormsAreAnError() {
    assertThat(error("C1,1200,100,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column mrr: arr and mrr are both filled; fill exactly"
            + " one of arr, mrr or amount");
    assertThat(error("C1,1200,100,300,quarter,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column mrr: arr, mrr and amount are all filled; fill"
            + " exactly one of arr, mrr or amount");
  }

  @Test
  void aZeroCountsAsAFilledPriceForm() {
    assertThat(error("C1,0,100,,,,2026-01-01")).contains("arr and mrr are both filled");
  }

  @Test
  void amountNeedsABillingPeriod() {
    assertThat(error("C1,,,300,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column billing_period: is empty; amount needs a"
            + " billing_period (month, quarter, half_year, year, two_years or three_years)");
  }

  @Test
  void unknownBillingPeriodIsAnError() {
    assertThat(error("C1,,,300,weekly,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column billing_period: \"weekly\" is not a billing"
            + " period; use month, quarter, half_year, year, two_years or three_years (or P1M,"
            + " P3M, P6M, P1Y, P2Y, P3Y)");
  }

  @Test
  void reportingCurrencyNeedsNoRate_anyCase() {
    assertThat(arr("C1,1200,,,,usd,2026-01-01")).isEqualByComparingTo("1200");
    InputFiles eur = fixture.subscriptions(HEADER + "C1,1200,,,,Eur,2026-01-01\n")
        .withCurrency("eur");
    assertThat(eur.currency()).isEqualTo("EUR");
    assertThat(arr(eur)).isEqualByComparingTo("1200");
  }

  @Test
  void currencyMustBeAThreeLetterCode() {
    assertThat(error("C1,1200,,,,EURO,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column currency: \"EURO\" is not a currency code; write"
            + " three letters such as USD or EUR");
    assertThat(error("C1,1200,,,,€,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column currency: \"€\" is not a currency code; write"
            + " three letters such as USD or EUR");
  }

  @Test
  void otherCurrencyWithoutARateIsAnError() {
    assertThat(error("C1,1200,,,,eur,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column currency: unknown currency \"EUR\" without a rate"
            + " in fx.csv");
  }

  @Test
  void otherCurrencyMissingFromTheFxFileGivenNamesThatFile() {
    InputFiles files = fixture.subscriptions(HEADER + "C1,1200,,,,GBP,2026-01-01\n")
        .withFx(fixture.write("rates.csv", "currency,rate\nEUR,1.1\n"));

    assertThat(fixture.errors(files)).containsExactly(
        "subscriptions.csv:2: column currency: unknown currency \"GBP\" without a rate in"
            + " rates.csv");
  }

  @Test
  void currencyWhoseFxRowIsInErrorSaysSo() {
    InputFiles files = fixture.subscriptions(HEADER + "C1,1200,,,,EUR,2026-01-01\n")
        .withFx(fixture.write("fx.csv", "currency,rate\nEUR,-1.1\n"));

    assertThat(fixture.errors(files)).containsExactly(
        "fx.csv:2: column rate: \"-1.1\" must be greater than 0",
        "subscriptions.csv:2: column currency: currency \"EUR\" has no usable rate: its row on"
            + " line 2 of fx.csv is in error");
    assertThat(fixture.codes(files))
        .containsExactly(InputErrorCode.BAD_RATE, InputErrorCode.UNKNOWN_CURRENCY);
  }

  @Test
  void fxConversionIsExactAndRoundedOnce() {
    InputFiles files = fixture.subscriptions(HEADER + "C1,,,1000,three_years,EUR,2026-01-01\n")
        .withFx(fixture.write("fx.csv", "currency,rate\nEUR,1.1\n"));

    // 1000 × 12 / 36 × 1.1 = 366.666666…: rounding 333.333333 first would give 366.666666.
    assertThat(arr(files)).isEqualTo("366.666667");
  }

  @Test
  void fxConversionRoundsHalfEven() {
    InputFiles files = fixture.subscriptions(HEADER
            + "C1,0.000003,,,,EUR,2026-01-01\n"
            + "C2,0.000005,,,,EUR,2026-01-01\n")
        .withFx(fixture.write("fx.csv", "currency,rate\nEUR,0.5\n"));

    List<Phase> phases = Fixture.read(files).dataset().phases();
    assertThat(phases).extracting(Phase::arrMicros).containsExactly(2L, 2L); // 1.5 → 2, 2.5 → 2
  }

  @Test
  void arrThatOverflowsMicroUnitsIsAnError() {
    assertThat(error("C1,9223372036854.775808,,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column arr: the ARR of this row, 9223372036854.775808,"
            + " is too large; at most 9223372036854.775807");
    assertThat(error("C1,,1000000000000,,,,2026-01-01"))
        .isEqualTo("subscriptions.csv:2: column mrr: the ARR of this row, 12000000000000.000000,"
            + " is too large; at most 9223372036854.775807");
  }

  /** A row of each test in this class that pins a message, and the code its error carries. */
  @ParameterizedTest(name = "{1}: {0}")
  @CsvSource(delimiter = '|', textBlock = """
      C1,1.0000001,,,,,2026-01-01                | TOO_MANY_DECIMALS
      C1,,,1e3,month,,2026-01-01                 | BAD_NUMBER
      C1,,-10,,,,2026-01-01                      | NEGATIVE_VALUE
      C1,,,,,,2026-01-01                         | PRICE_FORM_COUNT
      C1,1200,100,,,,2026-01-01                  | PRICE_FORM_COUNT
      C1,,,300,,,2026-01-01                      | MISSING_VALUE
      C1,,,300,weekly,,2026-01-01                | UNKNOWN_BILLING_PERIOD
      C1,1200,,,,EURO,2026-01-01                 | BAD_CURRENCY_CODE
      C1,1200,,,,eur,2026-01-01                  | UNKNOWN_CURRENCY
      C1,9223372036854.775808,,,,,2026-01-01     | VALUE_TOO_LARGE
      """)
  void eachPriceErrorCarriesItsCode(String row, InputErrorCode code) {
    assertThat(fixture.codes(HEADER + row + "\n")).containsExactly(code);
  }
}
