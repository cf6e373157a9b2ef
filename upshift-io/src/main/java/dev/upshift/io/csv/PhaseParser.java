package dev.upshift.io.csv;

import static dev.upshift.io.csv.SubscriptionColumns.AMOUNT;
import static dev.upshift.io.csv.SubscriptionColumns.ARR;
import static dev.upshift.io.csv.SubscriptionColumns.BILLING_PERIOD;
import static dev.upshift.io.csv.SubscriptionColumns.CANCEL_SIGNED_DATE;
import static dev.upshift.io.csv.SubscriptionColumns.CURRENCY;
import static dev.upshift.io.csv.SubscriptionColumns.CUSTOMER_ID;
import static dev.upshift.io.csv.SubscriptionColumns.DEFAULT_PRODUCT;
import static dev.upshift.io.csv.SubscriptionColumns.END_DATE;
import static dev.upshift.io.csv.SubscriptionColumns.KIND;
import static dev.upshift.io.csv.SubscriptionColumns.LINE_ID;
import static dev.upshift.io.csv.SubscriptionColumns.MAX_CUSTOMER_ID_LENGTH;
import static dev.upshift.io.csv.SubscriptionColumns.MRR;
import static dev.upshift.io.csv.SubscriptionColumns.PLAN;
import static dev.upshift.io.csv.SubscriptionColumns.PRICE_FORMS;
import static dev.upshift.io.csv.SubscriptionColumns.PRODUCT;
import static dev.upshift.io.csv.SubscriptionColumns.SEATS;
import static dev.upshift.io.csv.SubscriptionColumns.SIGNED_DATE;
import static dev.upshift.io.csv.SubscriptionColumns.START_DATE;
import static dev.upshift.io.csv.SubscriptionColumns.STATUS;
import static dev.upshift.io.csv.SubscriptionColumns.TIER;

import dev.upshift.input.BillingPeriod;
import dev.upshift.input.FxRates;
import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.money.Micros;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one row of {@code subscriptions.csv} into a {@link Phase}: checks every cell (§1.1, §1.3),
 * applies the defaults of §10 and computes the ARR. Rows are independent here; the overlap check
 * across rows is {@link dev.upshift.input.SubscriptionLog}'s.
 */
final class PhaseParser {
  private static final BigDecimal MONTHS_PER_YEAR = BigDecimal.valueOf(12);

  private final FxRates fx;
  private final String fxFile;
  private final Map<String, Long> rejectedCurrencies;
  private final EndDates endDates;

  /**
   * @param fx the rates of fx.csv
   * @param fxFile the name of fx.csv as given, for messages
   * @param rejectedCurrencies currencies whose fx.csv rows were rejected, with the line of the row
   */
  PhaseParser(FxRates fx, String fxFile, Map<String, Long> rejectedCurrencies) {
    this(fx, fxFile, rejectedCurrencies, EndDates.EXCLUSIVE);
  }

  /** @param endDates what the file's end dates mean; they are turned into §1.1's */
  PhaseParser(FxRates fx, String fxFile, Map<String, Long> rejectedCurrencies,
      EndDates endDates) {
    this.fx = fx;
    this.fxFile = fxFile;
    this.rejectedCurrencies = Map.copyOf(rejectedCurrencies);
    this.endDates = endDates;
  }

  /** The phase of a row, or {@code null} when the row has errors (they are in {@code cells}). */
  Phase parse(RowCells cells) {
    String customerId = customerId(cells);
    String product = cells.interned(PRODUCT);
    if (product == null) {
      product = DEFAULT_PRODUCT;
    }
    String lineId = cells.interned(LINE_ID);
    if (lineId == null) {
      lineId = product;
    }
    String plan = cells.interned(PLAN);
    Integer tier = cells.wholeNumber(TIER, null);
    Integer seats = cells.wholeNumber(SEATS, "seats");
    Price price = price(cells);
    BigDecimal rate = rate(cells);
    LocalDate start = cells.requiredDate(START_DATE);
    LocalDate written = cells.date(END_DATE);
    LocalDate end = written == null ? null : written.plusDays(endDates.shift());
    if (start != null && end != null && !end.isAfter(start)) {
      cells.error(END_DATE, InputErrorCode.END_NOT_AFTER_START, endDates == EndDates.EXCLUSIVE
          ? "end_date " + end + " is not after start_date " + start
              + "; end_date is the first day no longer in force" + (end.equals(start)
                  ? " (if the file's end dates are the last day in force, give --end-dates"
                      + " inclusive)" : "")
          : "end_date " + written + " is before start_date " + start
              + "; with inclusive end dates end_date is the last day in force");
    }
    LocalDate signed = cells.date(SIGNED_DATE);
    // Parsed even when ignored (no end_date): a malformed date is wrong wherever it is.
    LocalDate cancelSigned = cells.date(CANCEL_SIGNED_DATE);
    PhaseStatus status = status(cells);
    PhaseKind kind = kind(cells);
    if (cells.line() > Integer.MAX_VALUE) {
      cells.error(cells.line(), null, InputErrorCode.TOO_MANY_LINES,
          "the file has more lines than supported (" + Integer.MAX_VALUE + ")");
    }
    if (cells.hasErrors()) {
      return null;
    }
    long arrMicros = arrMicros(cells, price, rate);
    if (cells.hasErrors()) {
      return null;
    }
    return new Phase(customerId, lineId, product, plan, tier, seats == null ? 0 : seats, arrMicros,
        start, end, signed == null ? start : signed,
        end == null ? null : cancelSigned == null ? end : cancelSigned,
        status, kind, (int) cells.line());
  }

  private static String customerId(RowCells cells) {
    String customerId = cells.required(CUSTOMER_ID);
    if (customerId != null && customerId.length() > MAX_CUSTOMER_ID_LENGTH) {
      cells.error(CUSTOMER_ID, InputErrorCode.VALUE_TOO_LONG, "is " + customerId.length()
          + " characters long; at most " + MAX_CUSTOMER_ID_LENGTH + " are allowed");
      return null;
    }
    return customerId;
  }

  /** A recurring price and the months it pays for. */
  private record Price(String column, BigDecimal amount, int months) {}

  /** Exactly one price form must be filled (§10: a form counts when its cell is non-empty). */
  private static Price price(RowCells cells) {
    List<String> filled = new ArrayList<>(1);
    for (String form : PRICE_FORMS) {
      if (!cells.isEmpty(form)) {
        filled.add(form);
      }
    }
    if (filled.isEmpty()) {
      String column = PRICE_FORMS.stream().filter(cells.header()::has).findFirst().orElse(ARR);
      cells.error(column, InputErrorCode.PRICE_FORM_COUNT,
          "no price; fill exactly one of arr, mrr or amount (with billing_period)");
      return null;
    }
    if (filled.size() > 1) {
      String both = filled.size() == 2 ? filled.get(0) + " and " + filled.get(1) + " are both"
          : "arr, mrr and amount are all";
      cells.error(filled.get(1), InputErrorCode.PRICE_FORM_COUNT,
          both + " filled; fill exactly one of arr, mrr or amount");
      return null;
    }
    String column = filled.get(0);
    BigDecimal amount = priceValue(cells, column);
    int months = switch (column) {
      case ARR -> 12;
      case MRR -> 1;
      default -> billingPeriod(cells).map(BillingPeriod::months).orElse(0);
    };
    return amount == null || months == 0 ? null : new Price(column, amount, months);
  }

  private static BigDecimal priceValue(RowCells cells, String column) {
    BigDecimal amount = cells.decimal(column);
    if (amount == null) {
      return null;
    }
    String text = cells.text(column);
    if (amount.signum() < 0) {
      cells.error(column, InputErrorCode.NEGATIVE_VALUE,
          RowCells.quote(text) + " is negative; a price must be 0 or more");
      return null;
    }
    if (PlainDecimal.significantDecimals(amount) > Micros.SCALE) {
      cells.error(column, InputErrorCode.TOO_MANY_DECIMALS, RowCells.quote(text) + " has more than "
          + Micros.SCALE + " decimal places; input is never rounded");
      return null;
    }
    return amount;
  }

  private static Optional<BillingPeriod> billingPeriod(RowCells cells) {
    String text = cells.text(BILLING_PERIOD);
    if (text.isEmpty()) {
      cells.error(BILLING_PERIOD, InputErrorCode.MISSING_VALUE, "is empty; amount needs a"
          + " billing_period (month, quarter, half_year, year, two_years or three_years)");
      return Optional.empty();
    }
    Optional<BillingPeriod> period = BillingPeriod.parse(text);
    if (period.isEmpty()) {
      cells.error(BILLING_PERIOD, InputErrorCode.UNKNOWN_BILLING_PERIOD,
          RowCells.quote(text) + " is not a billing period; use month, quarter, half_year,"
          + " year, two_years or three_years (or P1M, P3M, P6M, P1Y, P2Y, P3Y)");
    }
    return period;
  }

  /** The rate into the reporting currency; {@code null} (and an error) when there is none. */
  private BigDecimal rate(RowCells cells) {
    String text = cells.text(CURRENCY);
    if (text.isEmpty()) {
      return BigDecimal.ONE;
    }
    String code = CurrencyCode.normalise(text);
    if (code == null) {
      cells.error(CURRENCY, InputErrorCode.BAD_CURRENCY_CODE, CurrencyCode.notACode(text));
      return null;
    }
    Optional<BigDecimal> rate = fx.rate(code);
    if (rate.isEmpty()) {
      Long rejectedLine = rejectedCurrencies.get(code);
      cells.error(CURRENCY, InputErrorCode.UNKNOWN_CURRENCY, rejectedLine == null
          ? "unknown currency \"" + code + "\" without a rate in " + fxFile
          : "currency \"" + code + "\" has no usable rate: its row on line " + rejectedLine + " of "
              + fxFile + " is in error");
      return null;
    }
    return rate.get();
  }

  private static PhaseStatus status(RowCells cells) {
    String text = cells.text(STATUS);
    if (text.isEmpty()) {
      return PhaseStatus.ACTIVE;
    }
    return PhaseStatus.parse(text).orElseGet(() -> {
      cells.error(STATUS, InputErrorCode.UNKNOWN_STATUS, RowCells.quote(text)
          + " is not a status; use active, trial, suspended or read_only");
      return null;
    });
  }

  private static PhaseKind kind(RowCells cells) {
    String text = cells.text(KIND);
    if (text.isEmpty()) {
      return PhaseKind.RECURRING;
    }
    return PhaseKind.parse(text).orElseGet(() -> {
      cells.error(KIND, InputErrorCode.UNKNOWN_KIND, RowCells.quote(text)
          + " is not a kind; use recurring, committed_usage, overage or one_time");
      return null;
    });
  }

  /**
   * {@code amount × 12 / months × rate}, computed exactly and rounded once, half-even, to micro-units
   * (§3.3, §10): rounding the twelve-month price and then converting it would round twice.
   */
  private static long arrMicros(RowCells cells, Price price, BigDecimal rate) {
    BigDecimal arr = price.amount().multiply(MONTHS_PER_YEAR).multiply(rate)
        .divide(BigDecimal.valueOf(price.months()), Micros.SCALE, RoundingMode.HALF_EVEN);
    try {
      return Micros.of(arr);
    } catch (ArithmeticException e) {
      cells.error(price.column(), InputErrorCode.VALUE_TOO_LARGE, "the ARR of this row, "
          + arr.toPlainString() + ", is too large; at most "
          + Micros.toDecimal(Long.MAX_VALUE).toPlainString());
      return 0;
    }
  }
}
