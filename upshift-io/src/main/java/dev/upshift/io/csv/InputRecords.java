package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

/**
 * The inputs of one read as records held in memory (the service's), the counterpart of {@link
 * InputFiles}: read by {@link DatasetReader#read(InputRecords)}. Immutable; absent inputs are
 * {@code null}, as absent files are.
 *
 * @param subscriptions the phases (rows of subscriptions.csv), required (may be empty)
 * @param customers rows of customers.csv, or {@code null}
 * @param plans rows of plans.csv, or {@code null}
 * @param health rows of health.csv, or {@code null}
 * @param targets rows of targets.csv, or {@code null}
 * @param fx rows of fx.csv, or {@code null}
 * @param currency the reporting currency, an ISO 4217 code
 */
public record InputRecords(RecordTable subscriptions, RecordTable customers, RecordTable plans,
    RecordTable health, RecordTable targets, RecordTable fx, String currency) {

  public InputRecords {
    requireNonNull(subscriptions, "subscriptions is null");
    requireNonNull(currency, "currency is null");
    String code = CurrencyCode.normalise(currency.strip());
    if (code == null) {
      throw new IllegalArgumentException(
          "currency must be a three-letter ISO 4217 code: \"" + currency + "\"");
    }
    currency = code;
  }

  /** Only phases, in USD. */
  public static InputRecords of(RecordTable subscriptions) {
    return new InputRecords(subscriptions, null, null, null, null, null,
        InputFiles.DEFAULT_CURRENCY);
  }

  public InputRecords withCustomers(RecordTable table) {
    return new InputRecords(subscriptions, table, plans, health, targets, fx, currency);
  }

  public InputRecords withPlans(RecordTable table) {
    return new InputRecords(subscriptions, customers, table, health, targets, fx, currency);
  }

  public InputRecords withHealth(RecordTable table) {
    return new InputRecords(subscriptions, customers, plans, table, targets, fx, currency);
  }

  public InputRecords withTargets(RecordTable table) {
    return new InputRecords(subscriptions, customers, plans, health, table, fx, currency);
  }

  public InputRecords withFx(RecordTable table) {
    return new InputRecords(subscriptions, customers, plans, health, targets, table, currency);
  }

  public InputRecords withCurrency(String code) {
    return new InputRecords(subscriptions, customers, plans, health, targets, fx, code);
  }
}
