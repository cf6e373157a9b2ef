package dev.upshift.io.csv;

import dev.upshift.input.NearMatches;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Guesses which §1 column an unknown column of an export holds, so that its error can name the
 * {@code --map} that would apply: names billing and CRM exports commonly use, then near misses of
 * the known names (a typo, another separator). A guess is only ever a suggestion in a message.
 */
final class ColumnHints {
  /** Names exports commonly use, by the §1.1 column they usually hold. */
  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("monthly_amount", "mrr"), Map.entry("monthly_price", "mrr"),
      Map.entry("monthly_recurring_revenue", "mrr"), Map.entry("mrr_amount", "mrr"),
      Map.entry("annual_amount", "arr"), Map.entry("annual_recurring_revenue", "arr"),
      Map.entry("arr_amount", "arr"), Map.entry("price", "amount"),
      Map.entry("subscription_id", "line_id"), Map.entry("subscription", "line_id"),
      Map.entry("subscription_item_id", "line_id"), Map.entry("item_id", "line_id"),
      Map.entry("line", "line_id"), Map.entry("customer", "customer_id"),
      Map.entry("account", "customer_id"), Map.entry("account_id", "customer_id"),
      Map.entry("client_id", "customer_id"), Map.entry("start", "start_date"),
      Map.entry("started_at", "start_date"), Map.entry("start_at", "start_date"),
      Map.entry("period_start", "start_date"), Map.entry("effective_date", "start_date"),
      Map.entry("end", "end_date"), Map.entry("ended_at", "end_date"),
      Map.entry("end_at", "end_date"), Map.entry("period_end", "end_date"),
      Map.entry("quantity", "seats"), Map.entry("licenses", "seats"),
      Map.entry("licences", "seats"), Map.entry("users", "seats"),
      Map.entry("seat_count", "seats"), Map.entry("plan_name", "plan"),
      Map.entry("edition", "plan"), Map.entry("product_name", "product"),
      Map.entry("interval", "billing_period"), Map.entry("billing_interval", "billing_period"),
      Map.entry("billing_frequency", "billing_period"), Map.entry("signed_at", "signed_date"),
      Map.entry("contract_date", "signed_date"), Map.entry("state", "status"));

  private ColumnHints() {}

  /**
   * The known column an unknown one probably holds, or {@code null} when nothing is close.
   *
   * @param name the unknown column, lower-case
   * @param known the columns of its file
   */
  static String guess(String name, List<String> known) {
    String alias = ALIASES.get(name);
    if (alias != null && known.contains(alias)) {
      return alias;
    }
    String normalised = name.replace('-', '_').replace(' ', '_').toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = 3;
    for (String column : known) {
      int distance = NearMatches.distance(normalised, column, bestDistance);
      if (distance < bestDistance) {
        best = column;
        bestDistance = distance;
      }
    }
    return best;
  }
}
