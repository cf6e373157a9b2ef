package dev.upshift.sample;

import java.util.List;

/**
 * The simulated catalog. Each product exercises a different way of knowing its tiers (§1.1, §4.2):
 * from {@code plans.csv}, from the row's {@code tier} column, or not at all (the direction of a
 * plan change is then inferred from the price).
 */
enum Product {
  /** The core product, sold by seat, four editions ranked in plans.csv. */
  PLATFORM("platform", true, TierSource.PLANS_FILE,
      List.of("Starter", "Standard", "Premium", "Enterprise"), new int[] {120, 300, 540, 900}),
  /** An add-on sold by seat (analyst licences), ranked in plans.csv. */
  ANALYTICS("analytics", true, TierSource.PLANS_FILE,
      List.of("Analytics Basic", "Analytics Pro"), new int[] {96, 180}),
  /** A flat-priced add-on, ranked in plans.csv. */
  SECURITY("security", false, TierSource.PLANS_FILE,
      List.of("Security", "Security Plus"), new int[] {4_800, 9_600}),
  /** A flat-priced add-on absent from plans.csv whose rows carry their rank in {@code tier}. */
  STORAGE("storage", false, TierSource.TIER_COLUMN,
      List.of("S-100", "S-500", "S-2000"), new int[] {1_200, 3_600, 9_600}),
  /** A flat-priced add-on with no rank anywhere: tier direction is inferred from plan changes. */
  SUPPORT("support", false, TierSource.NONE,
      List.of("Business Support", "Premier Support"), new int[] {2_400, 7_200}),
  /** A committed-usage contract (kind {@code committed_usage}), priced in commit units. */
  API("api", false, TierSource.PLANS_FILE, List.of("API Commit"), new int[] {6_000});

  /** Where a reader finds the rank of a plan. */
  enum TierSource { PLANS_FILE, TIER_COLUMN, NONE }

  private final String code;
  private final boolean perSeat;
  private final TierSource tierSource;
  private final List<String> plans;
  private final int[] listPrices;

  Product(String code, boolean perSeat, TierSource tierSource, List<String> plans, int[] listPrices) {
    this.code = code;
    this.perSeat = perSeat;
    this.tierSource = tierSource;
    this.plans = plans;
    this.listPrices = listPrices;
  }

  /** The {@code product} cell. */
  String code() {
    return code;
  }

  /** Whether the price is per seat (else flat, {@code seats} 0). */
  boolean perSeat() {
    return perSeat;
  }

  TierSource tierSource() {
    return tierSource;
  }

  int planCount() {
    return plans.size();
  }

  /** Plan name by index; index + 1 is its tier rank. */
  String plan(int index) {
    return plans.get(index);
  }

  /** Annual USD list price of a plan, per seat or flat. */
  int listPriceUsd(int index) {
    return listPrices[index];
  }

  /** The products a customer can buy besides its platform lines. */
  static final List<Product> ADD_ONS = List.of(ANALYTICS, SECURITY, STORAGE, SUPPORT, API);
}
