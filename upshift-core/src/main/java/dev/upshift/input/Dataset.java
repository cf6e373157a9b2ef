package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything a report is computed from: validated subscription phases and the optional files.
 * Immutable.
 *
 * @param phases the phases of subscription lines (overage and one-time rows are counted in the
 *     summary and set aside), free of overlaps, in input order
 * @param customers segment attributes
 * @param plans tier ranks
 * @param health health scores
 * @param targets upsell-rate targets
 * @param summary row counts of the subscriptions input
 * @param currency the reporting currency every amount is in
 */
public record Dataset(List<Phase> phases, CustomerAttributes customers, PlanCatalog plans,
    HealthScores health, List<Target> targets, InputSummary summary, String currency) {

  public Dataset {
    phases = List.copyOf(requireNonNull(phases, "phases is null"));
    requireNonNull(customers, "customers is null");
    requireNonNull(plans, "plans is null");
    requireNonNull(health, "health is null");
    targets = List.copyOf(requireNonNull(targets, "targets is null"));
    requireNonNull(summary, "summary is null");
    requireNonNull(currency, "currency is null");
  }

  /**
   * A dataset of phases only, in USD: for library callers and tests. The phases are checked for
   * overlaps first, as a file's would be.
   *
   * @throws InputException naming every phase that overlaps an earlier one of its line
   */
  public static Dataset of(List<Phase> phases) {
    SubscriptionLog log = new SubscriptionLog("phases");
    phases.forEach(log::add);
    List<SubscriptionLog.Rejected> rejected = log.check().rejected();
    if (!rejected.isEmpty()) {
      throw new InputException(rejected.stream().map(SubscriptionLog.Rejected::error).toList(),
          rejected.size());
    }
    return builder().addAll(phases).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.phases.addAll(phases);
    builder.customers = customers;
    builder.plans = plans;
    builder.health = health;
    builder.targets = targets;
    builder.summary = summary;
    builder.currency = currency;
    return builder;
  }

  /**
   * Assembles a dataset. Phases added here must already be free of overlaps ({@link
   * SubscriptionLog} checks that); the summary defaults to one counted from the phases.
   */
  public static final class Builder {
    private final java.util.ArrayList<Phase> phases = new java.util.ArrayList<>();
    private CustomerAttributes customers = CustomerAttributes.empty();
    private PlanCatalog plans = PlanCatalog.empty();
    private HealthScores health = HealthScores.empty();
    private List<Target> targets = List.of();
    private InputSummary summary;
    private String currency = "USD";

    private Builder() {}

    public Builder addAll(List<Phase> more) {
      phases.addAll(more);
      return this;
    }

    public Builder customers(CustomerAttributes value) {
      customers = value;
      return this;
    }

    public Builder plans(PlanCatalog value) {
      plans = value;
      return this;
    }

    public Builder health(HealthScores value) {
      health = value;
      return this;
    }

    public Builder targets(List<Target> value) {
      targets = value;
      return this;
    }

    public Builder summary(InputSummary value) {
      summary = value;
      return this;
    }

    public Builder currency(String value) {
      currency = value;
      return this;
    }

    public Dataset build() {
      InputSummary counted = summary != null ? summary : SubscriptionLog.summarise(phases, 0);
      List<Phase> linePhases = phases.stream().filter(Phase::belongsToLine).toList();
      return new Dataset(linePhases, customers, plans, health, targets, counted, currency);
    }
  }
}
