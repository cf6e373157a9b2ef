package dev.upshift.sample;

import java.util.List;

/** The files of a generated dataset, with their exact SPEC §1 header columns. */
public enum SampleFile {
  SUBSCRIPTIONS("subscriptions.csv", List.of("customer_id", "line_id", "product", "plan", "tier",
      "seats", "arr", "mrr", "amount", "billing_period", "currency", "start_date", "end_date",
      "signed_date", "cancel_signed_date", "status", "kind")),
  CUSTOMERS("customers.csv", List.of("customer_id", "name", "channel", "region", "industry")),
  PLANS("plans.csv", List.of("product", "plan", "tier")),
  HEALTH("health.csv", List.of("customer_id", "date", "score")),
  TARGETS("targets.csv", List.of("metric", "period", "value", "segment")),
  FX("fx.csv", List.of("currency", "rate")),
  INITIATIVES("initiatives.csv", List.of("name", "launch_date", "segment"));

  private final String fileName;
  private final List<String> columns;

  SampleFile(String fileName, List<String> columns) {
    this.fileName = fileName;
    this.columns = columns;
  }

  /** The file's name inside the dataset directory, e.g. {@code subscriptions.csv}. */
  public String fileName() {
    return fileName;
  }

  /** The header columns, in file order. */
  public List<String> columns() {
    return columns;
  }

  /** The header line without its line break. */
  String header() {
    return String.join(",", columns);
  }
}
