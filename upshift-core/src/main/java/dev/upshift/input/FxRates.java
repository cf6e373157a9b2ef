package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Constant-currency conversion rates from {@code fx.csv} (§1.2): one unit of a currency is
 * {@code rate} units of the reporting currency, for the whole report, so that exchange-rate moves
 * never show up as expansion or contraction. Immutable.
 */
public final class FxRates implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final String reportingCurrency;
  private final Map<String, BigDecimal> rates;

  private FxRates(String reportingCurrency, Map<String, BigDecimal> rates) {
    this.reportingCurrency = reportingCurrency;
    this.rates = Map.copyOf(rates);
  }

  /** No conversion: only the reporting currency is accepted. */
  public static FxRates none(String reportingCurrency) {
    return new FxRates(normalise(reportingCurrency), Map.of());
  }

  /**
   * Rates keyed by currency code (any case).
   *
   * @throws IllegalArgumentException when a rate is not positive, or the reporting currency is
   *     listed with a rate other than 1
   */
  public static FxRates of(String reportingCurrency, Map<String, BigDecimal> ratesByCurrency) {
    String reporting = normalise(reportingCurrency);
    Map<String, BigDecimal> rates = new HashMap<>();
    ratesByCurrency.forEach((currency, rate) -> {
      String code = normalise(currency);
      if (rate.signum() <= 0) {
        throw new IllegalArgumentException("rate of " + code + " must be > 0: " + rate);
      }
      if (code.equals(reporting) && rate.compareTo(BigDecimal.ONE) != 0) {
        throw new IllegalArgumentException(
            "the reporting currency " + code + " must have rate 1, not " + rate);
      }
      rates.put(code, rate);
    });
    return new FxRates(reporting, rates);
  }

  public String reportingCurrency() {
    return reportingCurrency;
  }

  /** The rate of a currency (any case): 1 for the reporting currency, empty when unknown. */
  public Optional<BigDecimal> rate(String currency) {
    String code = normalise(currency);
    if (code.equals(reportingCurrency)) {
      return Optional.of(BigDecimal.ONE);
    }
    return Optional.ofNullable(rates.get(code));
  }

  private static String normalise(String currency) {
    return requireNonNull(currency, "currency is null").trim().toUpperCase(Locale.ROOT);
  }
}
