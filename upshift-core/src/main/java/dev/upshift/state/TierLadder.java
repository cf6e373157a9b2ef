package dev.upshift.state;

import dev.upshift.input.Phase;
import dev.upshift.input.PhaseTable;
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
public final class TierLadder implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

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
    return withTops(catalog, seenTop);
  }

  /** Builds the ladder from the catalog and every row of a phase table. */
  public static TierLadder of(PlanCatalog catalog, PhaseTable table) {
    return withTops(catalog, seenTops(catalog, table));
  }

  /**
   * Builds the ladder from the catalog and the highest tier seen on any row of each product,
   * gathered part by part ({@link #seenTops}, merged with {@code max}): how a dataset split across
   * machines gets the ladder of the whole.
   */
  public static TierLadder of(PlanCatalog catalog, Map<String, Integer> seenTops) {
    return withTops(catalog, new HashMap<>(seenTops));
  }

  /**
   * The highest known tier (explicit, else the catalog's) on any row of each product of a table;
   * products without a known tier are absent.
   */
  public static Map<String, Integer> seenTops(PlanCatalog catalog, PhaseTable table) {
    int[] tiers = tiersOf(catalog, table);
    Map<String, Integer> seenTop = new HashMap<>();
    int[] topByProduct = new int[table.productCount()];
    java.util.Arrays.fill(topByProduct, PhaseTable.NONE);
    for (int r = 0; r < tiers.length; r++) {
      int p = table.productOf(r);
      if (tiers[r] != PhaseTable.NONE && (topByProduct[p] == PhaseTable.NONE || tiers[r] > topByProduct[p])) {
        topByProduct[p] = tiers[r];
      }
    }
    for (int p = 0; p < topByProduct.length; p++) {
      if (topByProduct[p] != PhaseTable.NONE) {
        seenTop.merge(table.productName(p), topByProduct[p], Math::max);
      }
    }
    return seenTop;
  }

  /** The tier of every row of a table ({@link PhaseTable#NONE} when unknown), as {@link #tierOf}. */
  public int[] tiersOf(PhaseTable table) {
    return tiersOf(catalog, table);
  }

  private static int[] tiersOf(PlanCatalog catalog, PhaseTable table) {
    // The catalog is asked once per distinct (product, plan), not once per row.
    Map<Long, Integer> listed = new HashMap<>();
    int[] tiers = new int[table.size()];
    long lastKey = -1;
    int lastTier = PhaseTable.NONE;
    for (int r = 0; r < tiers.length; r++) {
      int tier = table.tierOf(r);
      if (tier == PhaseTable.NONE && table.planOf(r) != PhaseTable.NONE) {
        long key = ((long) table.productOf(r) << 32) | table.planOf(r);
        if (key == lastKey) {
          tiers[r] = lastTier;
          continue;
        }
        Integer known = listed.get(key);
        if (known == null) {
          OptionalInt t = catalog.tier(table.productName(table.productOf(r)),
              table.planName(table.planOf(r)));
          known = t.isPresent() ? t.getAsInt() : PhaseTable.NONE;
          listed.put(key, known);
        }
        tier = known;
        lastKey = key;
        lastTier = tier;
      }
      tiers[r] = tier;
    }
    return tiers;
  }

  private static TierLadder withTops(PlanCatalog catalog, Map<String, Integer> seenTop) {
    Map<String, Integer> top = new HashMap<>(seenTop);
    seenTop.keySet().forEach(product -> catalog.topTier(product).ifPresent(t -> top.put(product, t)));
    return new TierLadder(catalog, top);
  }

  /** The top tier of a product, or {@link PhaseTable#NONE} when unknown. */
  public int topTierOf(String product) {
    Integer top = topTiers.get(product);
    if (top == null && catalog.topTier(product).isPresent()) {
      top = catalog.topTier(product).getAsInt();
    }
    return top == null ? PhaseTable.NONE : top;
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
