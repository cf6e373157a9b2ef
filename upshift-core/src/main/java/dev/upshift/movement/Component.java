package dev.upshift.movement;

/**
 * The ARR components of §4.2. For any customer and period they sum exactly to {@code A1 − A0};
 * inflows are positive, outflows negative.
 */
public enum Component {
  NEW_LOGO("newLogo", "new_logo", Kind.INFLOW),
  REACTIVATION("reactivation", "reactivation", Kind.INFLOW),
  UPSELL("upsell", "upsell", Kind.EXPANSION),
  ADD_ON_SEATS("addOnSeats", "add_on_seats", Kind.EXPANSION),
  ADD_ON_PRICE("addOnPrice", "add_on_price", Kind.EXPANSION),
  CROSS_SELL("crossSell", "cross_sell", Kind.EXPANSION),
  DOWNSELL("downsell", "downsell", Kind.CONTRACTION),
  REDUCTION_SEATS("reductionSeats", "reduction_seats", Kind.CONTRACTION),
  REDUCTION_PRICE("reductionPrice", "reduction_price", Kind.CONTRACTION),
  PRODUCT_CHURN("productChurn", "product_churn", Kind.CONTRACTION),
  CHURN("churn", "churn", Kind.OUTFLOW);

  /** Where a component sits in the bridge. */
  public enum Kind { INFLOW, EXPANSION, CONTRACTION, OUTFLOW }

  private static final Component[] VALUES = values();

  private final String jsonName;
  private final String columnName;
  private final Kind kind;

  Component(String jsonName, String columnName, Kind kind) {
    this.jsonName = jsonName;
    this.columnName = columnName;
    this.kind = kind;
  }

  /** The camelCase name of the JSON report (§7.2). */
  public String jsonName() {
    return jsonName;
  }

  /** The snake_case name of ledger columns (§7.3). */
  public String columnName() {
    return columnName;
  }

  public Kind kind() {
    return kind;
  }

  /** Counted in {@code expansion}. */
  public boolean isExpansion() {
    return kind == Kind.EXPANSION;
  }

  /** Counted in {@code contraction}. */
  public boolean isContraction() {
    return kind == Kind.CONTRACTION;
  }

  /**
   * Sums amounts indexed by component ordinal: all of them ({@code kind == null}, the net
   * change) or those of one kind (expansion, contraction).
   *
   * @throws ArithmeticException on overflow
   */
  public static long sum(long[] byComponent, Kind kind) {
    long total = 0;
    for (Component component : VALUES) {
      if (kind == null || component.kind == kind) {
        total = Math.addExact(total, byComponent[component.ordinal()]);
      }
    }
    return total;
  }

  /** The components in declaration order, without copying. */
  static Component[] all() {
    return VALUES;
  }

  public static int count() {
    return VALUES.length;
  }
}
