package dev.upshift.store;

import java.util.Optional;

/**
 * The kinds of record a workspace holds: the input files of SPEC §1, named as in the API paths of
 * §8.3 ({@code POST /v1/phases}, …). The wire name is also what the store writes in its
 * {@code kind} column, so it must never change once data is stored.
 */
public enum RecordKind {
  /** Rows of {@code subscriptions.csv}. */
  PHASES("phases"),
  CUSTOMERS("customers"),
  PLANS("plans"),
  HEALTH("health"),
  TARGETS("targets"),
  FX("fx"),
  INITIATIVES("initiatives");

  private final String wireName;

  RecordKind(String wireName) {
    this.wireName = wireName;
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
