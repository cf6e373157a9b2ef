package dev.upshift.io.csv;

import dev.upshift.input.FxRates;
import dev.upshift.input.InputErrorCode;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code fx.csv} ({@code currency}, {@code rate}): one unit of the currency is {@code rate}
 * units of the reporting currency. Rates are exact decimals > 0, each currency listed once, the
 * reporting currency (if listed) at 1 (§10). Remembers the currencies whose rows were rejected so
 * that subscription rows in them can say why they have no rate.
 */
final class FxReader extends TableReader {
  static final Columns COLUMNS =
      Columns.lenient(FileKind.FX, List.of("currency", "rate"), List.of("currency", "rate"));

  private final String reportingCurrency;
  private final Map<String, BigDecimal> rates = new HashMap<>();
  private final Map<String, Long> lineOf = new HashMap<>();
  private final Map<String, Long> rejectedLineOf = new HashMap<>();

  FxReader(ReadContext context, InputSource source, String reportingCurrency) {
    super(context, source, COLUMNS);
    this.reportingCurrency = reportingCurrency;
  }

  @Override
  void readRow(RowCells cells) {
    String code = null;
    String text = cells.text("currency");
    if (text.isEmpty()) {
      cells.error("currency", InputErrorCode.MISSING_VALUE, "is empty; every row needs a currency");
    } else if ((code = CurrencyCode.normalise(text)) == null) {
      cells.error("currency", InputErrorCode.BAD_CURRENCY_CODE, CurrencyCode.notACode(text));
    } else if (lineOf.containsKey(code)) {
      cells.error("currency", InputErrorCode.DUPLICATE_KEY, code + " is already listed "
          + rowAt(lineOf.get(code)) + "; list each currency once (one rate for the whole report)");
    }
    BigDecimal rate = cells.decimal("rate");
    if (rate == null && cells.isEmpty("rate")) {
      cells.error("rate", InputErrorCode.MISSING_VALUE, "is empty; every row needs a rate");
    } else if (rate != null && rate.signum() <= 0) {
      cells.error("rate", InputErrorCode.BAD_RATE,
          RowCells.quote(cells.text("rate")) + " must be greater than 0");
    } else if (rate != null && reportingCurrency.equals(code) && rate.compareTo(BigDecimal.ONE) != 0) {
      cells.error("rate", InputErrorCode.BAD_RATE, "the reporting currency " + code
          + " must have rate 1, not " + cells.text("rate"));
    }
    if (cells.hasErrors()) {
      if (code != null) {
        rejectedLineOf.putIfAbsent(code, cells.line());
      }
      return;
    }
    rates.put(code, rate);
    lineOf.put(code, cells.line());
  }

  /** The rates read (rejected rows left out). */
  FxRates rates() {
    return FxRates.of(reportingCurrency, rates);
  }

  /** Line of the first rejected row of each currency that has no accepted rate. */
  Map<String, Long> rejectedCurrencies() {
    Map<String, Long> rejected = new HashMap<>(rejectedLineOf);
    rejected.keySet().removeAll(rates.keySet());
    return rejected;
  }
}
