package dev.upshift.state;

import dev.upshift.input.Phase;
import dev.upshift.input.PlanCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Tier ranks of phases and the top tier of each product (§1.1, §10). Immutable.
 *
 * <p>A phase's tier is its explicit {@code tier} cell, else the catalog's rank of its (product,
 * plan), else unknown. A product's top tier is its highest rank in plans.csv, else the highest tier
 * on any row of that product; unknown tiers are never at the top.
 */
public final class TierLadder {
  private final PlanCatalog catalog;
  private final Map<String, Integer> topTiers;

  private TierLadder(PlanCatalog catalog, Map<String, Integer> topTiers) {
    this.catalog = catalog;
    this.topTiers = Map.copyOf(topTiers);
  }

  /** Builds the ladder from the catalog and every phase row of the dataset. */
  public static TierLadder of(PlanCatalog catalog, List<Phase> phases) {
    Map<String, Integer> seenTop = new HashMap<>();
    for (Phase phase : phases) {
      Integer tier = tierOf(catalog, phase);
      if (tier != null) {
        seenTop.merge(phase.product(), tier, Math::max);
      }
    }
    Map<String, Integer> top = new HashMap<>(seenTop);
    seenTop.keySet().forEach(product -> catalog.topTier(product).ifPresent(t -> top.put(product, t)));
    return new TierLadder(catalog, top);
  }

  /** The tier of a phase, or {@code null} when unknown. */
  public Integer tierOf(Phase phase) {
    return tierOf(catalog, phase);
  }

  private static Integer tierOf(PlanCatalog catalog, Phase phase) {
    if (phase.tier() != null) {
      return phase.tier();
    }
    OptionalInt listed = catalog.tier(phase.product(), phase.plan());
    return listed.isPresent() ? listed.getAsInt() : null;
  }

  /** Whether a known tier is at or above its product's top tier. */
  public boolean isTop(String product, Integer tier) {
    if (tier == null) {
      return false;
    }
    Integer top = topTiers.get(product);
    if (top == null) {
      top = catalog.topTier(product).isPresent() ? catalog.topTier(product).getAsInt() : null;
    }
    return top != null && tier >= top;
  }
}
