package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One row of {@code subscriptions.csv}: a span of days during which one subscription line of one
 * customer is in a given state (§1.1). Immutable; validated on construction.
 *
 * <p>Defaults of §10 are already applied: {@code product} is never empty, {@code lineId} defaults to
 * the product, {@code signed} to {@code start}, and {@code cancelSigned} to {@code end} (it is
 * {@code null} exactly when {@code end} is). {@code arrMicros} is the recurring price normalised to
 * twelve months and converted to the reporting currency, in micro-units ({@link
 * dev.upshift.money.Micros}).
 *
 * @param customerId the customer (logo), 1–256 characters, case-sensitive
 * @param lineId the subscription line within the customer
 * @param product the product or module, used for cross-sell
 * @param plan the plan or edition name, or {@code null}
 * @param tier the explicit tier rank from the row, or {@code null} to look it up in plans.csv
 * @param seats billable seats, ≥ 0
 * @param arrMicros ARR in reporting-currency micro-units, ≥ 0
 * @param start first day in force
 * @param end first day no longer in force (exclusive), or {@code null} when open-ended
 * @param signed the day the phase was contracted
 * @param cancelSigned the day the ending was contracted, or {@code null} when open-ended
 * @param status the row's status
 * @param kind the row's kind
 * @param line the physical line in the source CSV file (header = 1), the row in a Parquet file
 *     (first row = 1), or the record's position in a batch; also the input order used to break ties
 */
public record Phase(
    String customerId,
    String lineId,
    String product,
    String plan,
    Integer tier,
    int seats,
    long arrMicros,
    LocalDate start,
    LocalDate end,
    LocalDate signed,
    LocalDate cancelSigned,
    PhaseStatus status,
    PhaseKind kind,
    int line) {

  public Phase {
    requireNonNull(customerId, "customerId is null");
    requireNonNull(lineId, "lineId is null");
    requireNonNull(product, "product is null");
    requireNonNull(start, "start is null");
    requireNonNull(signed, "signed is null");
    requireNonNull(status, "status is null");
    requireNonNull(kind, "kind is null");
    if (customerId.isEmpty() || customerId.length() > 256) {
      throw new IllegalArgumentException("customerId must have 1 to 256 characters: " + customerId);
    }
    if (seats < 0) {
      throw new IllegalArgumentException("seats < 0: " + seats);
    }
    if (arrMicros < 0) {
      throw new IllegalArgumentException("arrMicros < 0: " + arrMicros);
    }
    if (end != null && !end.isAfter(start)) {
      throw new IllegalArgumentException("end " + end + " is not after start " + start);
    }
    if ((end == null) != (cancelSigned == null)) {
      throw new IllegalArgumentException("cancelSigned must be set exactly when end is");
    }
  }

  /** Billable phases contribute ARR and seats: active, recurring or committed usage, price > 0. */
  public boolean billable() {
    return ignoredReason().isEmpty();
  }

  /**
   * Why this row contributes nothing, or empty when it is billable: status first, then kind, then a
   * zero price (§10), so that each non-billable row has exactly one reason.
   */
  public Optional<IgnoredReason> ignoredReason() {
    return Optional.ofNullable(IgnoredReason.of(status, kind, arrMicros));
  }

  /** Whether this row is a phase of a subscription line (overage and one-time rows are not). */
  public boolean belongsToLine() {
    return kind.belongsToLine();
  }
}
