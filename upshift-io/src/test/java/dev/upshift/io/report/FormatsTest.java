package dev.upshift.io.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void amount_groupsThousandsRoundsHalfEvenAndParenthesisesNegatives() {
    assertThat(Formats.amount(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
    assertThat(Formats.amount(new BigDecimal("-1234.5"))).isEqualTo("(1,234.50)");
    assertThat(Formats.amount(new BigDecimal("0.125"))).isEqualTo("0.12");
    assertThat(Formats.amount(new BigDecimal("0.135"))).isEqualTo("0.14");
    assertThat(Formats.amount(new BigDecimal("-0.001"))).isEqualTo("0.00");
    assertThat(Formats.amount(new BigDecimal("999.995"))).isEqualTo("1,000.00");
    assertThat(Formats.amount(new BigDecimal("1E+6"))).isEqualTo("1,000,000.00");
    assertThat(Formats.amount((BigDecimal) null)).isEqualTo("—");
    assertThat(Formats.amount(-40_000_000_000L)).isEqualTo("(40,000.00)");
  }

  @Test
  void countsAndPercentages() {
    assertThat(Formats.count(2_590)).isEqualTo("2,590");
    assertThat(Formats.count(-8)).isEqualTo("(8)");
    assertThat(Formats.count(123)).isEqualTo("123");
    assertThat(Formats.count((Long) null)).isEqualTo("—");
    assertThat(Formats.percent(new BigDecimal("22.5"))).isEqualTo("22.50%");
    assertThat(Formats.percent(new BigDecimal("-5"))).isEqualTo("(5.00%)");
    assertThat(Formats.percent(new BigDecimal("1234.56"))).isEqualTo("1,234.56%");
    assertThat(Formats.percent(null)).isEqualTo("—");
  }

  @Test
  void signedProse() {
    assertThat(Formats.signedAmount(18_000_000_000L)).isEqualTo("+18,000.00");
    assertThat(Formats.signedAmount(-40_000_000_000L)).isEqualTo("-40,000.00");
    assertThat(Formats.signedAmount(0)).isEqualTo("+0.00");
    assertThat(Formats.signedCount(10)).isEqualTo("+10");
    assertThat(Formats.signedCount(-2_000)).isEqualTo("-2,000");
    assertThat(Formats.signedCount(0)).isEqualTo("0");
  }

  @Test
  void plain_isTwoDecimalsWithoutGroupingOrExponent() {
    assertThat(Formats.plain(new BigDecimal("-1234.5"))).isEqualTo("-1234.50");
    assertThat(Formats.plain(new BigDecimal("1E+7"))).isEqualTo("10000000.00");
    assertThat(Formats.plain(new BigDecimal("0.005"))).isEqualTo("0.00");
    assertThat(Formats.plain(new BigDecimal("0.015"))).isEqualTo("0.02");
    assertThat(Formats.plain(null)).isEmpty();
  }

  @Test
  void ledgerMicros_writesAllSixDecimalsExactly() {
    assertThat(micros(0)).isEqualTo("0.000000");
    assertThat(micros(1)).isEqualTo("0.000001");
    assertThat(micros(-1)).isEqualTo("-0.000001");
    assertThat(micros(999_999)).isEqualTo("0.999999");
    assertThat(micros(-40_000_000_000L)).isEqualTo("-40000.000000");
    assertThat(micros(1_234_567_891_234L)).isEqualTo("1234567.891234");
    assertThat(micros(Long.MAX_VALUE)).isEqualTo("9223372036854.775807");
    assertThat(micros(Long.MIN_VALUE)).isEqualTo("-9223372036854.775808");
    for (long value : new long[] {7, -70, 1_000_000, -1_000_001, 123_456_789_012L}) {
      assertThat(new BigDecimal(micros(value)).unscaledValue().longValueExact()).isEqualTo(value);
    }
  }

  @Test
  void csvText_neutralisesFormulasAndQuotesPerRfc4180() {
    assertThat(Formats.csvText("ACME")).isEqualTo("ACME");
    assertThat(Formats.csvText("")).isEmpty();
    assertThat(Formats.csvText(null)).isEmpty();
    assertThat(Formats.csvText("Acme, Inc.")).isEqualTo("\"Acme, Inc.\"");
    assertThat(Formats.csvText("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(Formats.csvText("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(Formats.csvText("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(Formats.csvText("=1+2")).isEqualTo("'=1+2");
    assertThat(Formats.csvText("+1")).isEqualTo("'+1");
    assertThat(Formats.csvText("-1")).isEqualTo("'-1");
    assertThat(Formats.csvText("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(Formats.csvText("\tx")).isEqualTo("'\tx");
    assertThat(Formats.csvText("\rx")).isEqualTo("\"'\rx\"");
    assertThat(Formats.csvText("a=b")).isEqualTo("a=b");
  }

  @Test
  void ledgerNumbers_writeWholeNumbersAndFlags() {
    LedgerBytes out = new LedgerBytes(1);
    out.reserve(4 * LedgerBytes.MAX_NUMBER); // a row reserves its room once
    out.number(0).comma().number(-12).comma().number(Long.MIN_VALUE).comma().flag(true)
        .flag(false);
    assertThat(new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII))
        .isEqualTo("0,-12,-9223372036854775808,10");
  }

  private static String micros(long value) {
    LedgerBytes out = new LedgerBytes(4);
    out.reserve(LedgerBytes.MAX_NUMBER);
    out.micros(value);
    return new String(out.array(), 0, out.size(), StandardCharsets.US_ASCII);
  }
}
