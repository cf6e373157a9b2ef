package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Tier ranks of plans, from {@code plans.csv} (§1.2): higher rank = more features. Immutable.
 *
 * <p>A product's top tier is its highest rank here; products absent from the catalog take their top
 * tier from the data instead (see {@code TierLadder} in the state package).
 */
public final class PlanCatalog implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final PlanCatalog EMPTY = new PlanCatalog(Map.of());

  private final Map<Key, Integer> tiers;
  private final Map<String, Integer> topTiers;

  private PlanCatalog(Map<Key, Integer> tiers) {
    this.tiers = Map.copyOf(tiers);
    Map<String, Integer> top = new HashMap<>();
    tiers.forEach((key, tier) -> top.merge(key.product, tier, Math::max));
    this.topTiers = Map.copyOf(top);
  }

  public static PlanCatalog empty() {
    return EMPTY;
  }

  /**
   * Builds a catalog from (product, plan) → tier entries.
   *
   * @throws IllegalArgumentException when a (product, plan) has two different tiers
   */
  public static PlanCatalog of(Map<String, Map<String, Integer>> tiersByProductAndPlan) {
    Map<Key, Integer> tiers = new HashMap<>();
    tiersByProductAndPlan.forEach((product, plans) ->
        plans.forEach((plan, tier) -> tiers.put(new Key(product, plan), requireNonNull(tier))));
    return new PlanCatalog(tiers);
  }

  /** A builder that rejects a (product, plan) listed twice with different tiers. */
  public static Builder builder() {
    return new Builder();
  }

  /** The tier of a plan of a product, if the catalog lists it. */
  public OptionalInt tier(String product, String plan) {
    if (plan == null) {
      return OptionalInt.empty();
    }
    Integer tier = tiers.get(new Key(product, plan));
    return tier == null ? OptionalInt.empty() : OptionalInt.of(tier);
  }

  /** The highest rank listed for a product, if any plan of it is listed. */
  public OptionalInt topTier(String product) {
    Integer top = topTiers.get(product);
    return top == null ? OptionalInt.empty() : OptionalInt.of(top);
  }

  public int size() {
    return tiers.size();
  }

  private record Key(String product, String plan) implements java.io.Serializable {
    Key {
      requireNonNull(product, "product is null");
      requireNonNull(plan, "plan is null");
    }
  }

  /** Collects catalog entries; one builder per file read. */
  public static final class Builder {
    private final Map<Key, Integer> tiers = new HashMap<>();

    private Builder() {}

    /**
     * Adds an entry and returns the tier already listed for it when that differs (a conflict the
     * caller reports), else empty.
     */
    public OptionalInt put(String product, String plan, int tier) {
      Integer previous = tiers.putIfAbsent(new Key(product, plan), tier);
      if (previous != null && !Objects.equals(previous, tier)) {
        return OptionalInt.of(previous);
      }
      return OptionalInt.empty();
    }

    public PlanCatalog build() {
      return new PlanCatalog(tiers);
    }
  }
}
