package dev.upshift.store;

import java.util.Optional;

/**
 * The kinds of record a workspace holds: the input files of SPEC §1, named as in the API paths of
 * §8.3 ({@code POST /v1/phases}, …). The wire name is also what the store writes in its
 * {@code kind} column, so it must never change once data is stored.
 */
public enum RecordKind {
  /** Rows of {@code subscriptions.csv}. */
  PHASES("phases", true),
  CUSTOMERS("customers", true),
  PLANS("plans", false),
  HEALTH("health", false),
  TARGETS("targets", false),
  FX("fx", false),
  INITIATIVES("initiatives", false);

  private final String wireName;
  private final boolean foundByCustomer;

  RecordKind(String wireName, boolean foundByCustomer) {
    this.wireName = wireName;
    this.foundByCustomer = foundByCustomer;
  }

  /**
   * Whether records of this kind can be found by their customer ({@link
   * Snapshot#forEachOfCustomers}): phases and customers, whose checks span the records of a
   * customer. Other kinds are not indexed by customer (health has millions of rows).
   */
  public boolean foundByCustomer() {
    return foundByCustomer;
  }

  /** The name in API paths and in the store, e.g. {@code phases}. */
  public String wireName() {
    return wireName;
  }

  /** The kind with this wire name (exact, lower case), or empty. */
  public static Optional<RecordKind> fromWireName(String name) {
    for (RecordKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
