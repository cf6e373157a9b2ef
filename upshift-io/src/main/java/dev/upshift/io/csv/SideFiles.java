package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.HealthScores;
import dev.upshift.input.PlanCatalog;
import dev.upshift.input.Target;
import java.util.List;
import java.util.Map;

/**
 * The input files other than subscriptions, read and validated ({@link
 * DatasetReader#readSideFiles}): what a dataset carries besides its phases, and the FX rates its
 * prices are converted at. Immutable.
 *
 * @param fx the rates of fx.csv (none when there is no fx.csv)
 * @param rejectedCurrencies currencies whose fx.csv rows were rejected, with the row's line
 * @param fxFile the name fx.csv goes by in messages
 * @param plans tier ranks
 * @param customers segment attributes
 * @param health health scores
 * @param targets upsell-rate targets
 * @param currency the reporting currency
 */
public record SideFiles(FxRates fx, Map<String, Long> rejectedCurrencies, String fxFile,
    PlanCatalog plans, CustomerAttributes customers, HealthScores health, List<Target> targets,
    String currency) {

  public SideFiles {
    requireNonNull(fx, "fx is null");
    rejectedCurrencies = Map.copyOf(rejectedCurrencies);
    requireNonNull(fxFile, "fxFile is null");
    requireNonNull(plans, "plans is null");
    requireNonNull(customers, "customers is null");
    requireNonNull(health, "health is null");
    targets = List.copyOf(targets);
    requireNonNull(currency, "currency is null");
  }

  /** A dataset builder carrying these files, to which the phases are added. */
  public Dataset.Builder into(Dataset.Builder dataset) {
    return dataset.customers(customers).plans(plans).health(health).targets(targets)
        .currency(currency);
  }

  /**
   * The rules of subscriptions rows under a header, with prices converted at these rates: for rows
   * that arrive as cells from a reader of their own (a Spark job's CSV or Parquet scan).
   *
   * @param file the name the rows' errors give their file
   * @param header the column names as written in the file
   * @throws dev.upshift.input.InputException when the header is in error (unknown, duplicate or
   *     missing columns)
   */
  public SubscriptionRows subscriptionRows(String file, List<String> header) {
    return SubscriptionRows.of(file, header, fx, fxFile, rejectedCurrencies);
  }

  PhaseParser phaseParser() {
    return phaseParser(EndDates.EXCLUSIVE);
  }

  PhaseParser phaseParser(EndDates endDates) {
    return new PhaseParser(fx, fxFile, rejectedCurrencies, endDates);
  }
}
