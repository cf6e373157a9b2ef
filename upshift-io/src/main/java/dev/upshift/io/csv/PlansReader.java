package dev.upshift.io.csv;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.PlanCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads {@code plans.csv} ({@code product}, {@code plan}, {@code tier}) into a {@link PlanCatalog}.
 * An empty product is {@code default}, as in subscriptions.csv; listing a (product, plan) twice
 * with the same tier is harmless, with two tiers an error (§10).
 */
final class PlansReader extends TableReader {
  static final Columns COLUMNS =
      Columns.lenient(FileKind.PLANS, List.of("product", "plan", "tier"), List.of("plan", "tier"));

  private record Key(String product, String plan) {}

  private final PlanCatalog.Builder catalog = PlanCatalog.builder();
  private final Map<Key, Long> lineOf = new HashMap<>();

  PlansReader(ReadContext context, InputSource source) {
    super(context, source, COLUMNS);
  }

  @Override
  void readRow(RowCells cells) {
    String product = cells.interned("product");
    if (product == null) {
      product = SubscriptionColumns.DEFAULT_PRODUCT;
    }
    String plan = cells.required("plan");
    Integer tier = cells.wholeNumber("tier", null);
    if (tier == null && cells.isEmpty("tier")) {
      cells.error("tier", InputErrorCode.MISSING_VALUE, "is empty; every row needs a tier");
    }
    if (cells.hasErrors()) {
      return;
    }
    OptionalInt earlier = catalog.put(product, plan, tier);
    if (earlier.isPresent()) {
      Key key = new Key(product, plan);
      cells.error("tier", InputErrorCode.DUPLICATE_KEY, "plan \"" + plan + "\" of product \""
          + product + "\" has tier " + earlier.getAsInt() + " " + rowAt(lineOf.get(key))
          + " and tier " + tier + " here; give each plan one tier");
      return;
    }
    lineOf.putIfAbsent(new Key(product, plan), cells.line());
  }

  PlanCatalog catalog() {
    return catalog.build();
  }
}
