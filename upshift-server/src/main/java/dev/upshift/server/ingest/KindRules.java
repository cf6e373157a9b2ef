package dev.upshift.server.ingest;

import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.store.RecordKind;
import java.util.Locale;
import java.util.Map;

/**
 * What the service adds to the store's record kinds (SPEC §8.3): the input file each kind is read
 * as, and the id a record gets when it comes without one. Stateless.
 */
public final class KindRules {
  private KindRules() {}

  /** The file of §1 whose rows a kind's records are, e.g. {@code subscriptions.csv}. */
  public static String fileName(RecordKind kind) {
    return switch (kind) {
      case PHASES -> "subscriptions.csv";
      case CUSTOMERS -> "customers.csv";
      case PLANS -> "plans.csv";
      case HEALTH -> "health.csv";
      case TARGETS -> "targets.csv";
      case FX -> "fx.csv";
      case INITIATIVES -> "initiatives.csv";
    };
  }

  /** Whether records of the kind must come with an id: phases have no natural key. */
  public static boolean needsId(RecordKind kind) {
    return kind == RecordKind.PHASES;
  }

  /**
   * The id of a record sent without one: its natural key, from its trimmed values ({@code
   * customer_id}; {@code product/plan}, product {@code default} when empty; {@code
   * customer_id/date}; {@code metric/period} or {@code metric/period/segment}; the currency in upper
   * case; {@code name}), or {@code null} when the kind has none (phases) or a part of the key is
   * missing (validation then reports the missing value).
   *
   * @param fields normalised names (trimmed, lower case) to trimmed values
   */
  public static String defaultId(RecordKind kind, Map<String, String> fields) {
    return switch (kind) {
      case PHASES -> null;
      case CUSTOMERS -> fields.get("customer_id");
      case PLANS -> join(orDefault(fields.get("product")), fields.get("plan"));
      case HEALTH -> join(fields.get("customer_id"), fields.get("date"));
      case TARGETS -> fields.get("segment") == null
          ? join(fields.get("metric"), fields.get("period"))
          : join(fields.get("metric"), fields.get("period"), fields.get("segment"));
      case FX -> fields.get("currency") == null ? null
          : fields.get("currency").toUpperCase(Locale.ROOT);
      case INITIATIVES -> fields.get("name");
    };
  }

  private static String orDefault(String product) {
    return product == null ? SubscriptionColumns.DEFAULT_PRODUCT : product;
  }

  private static String join(String... parts) {
    for (String part : parts) {
      if (part == null) {
        return null;
      }
    }
    return String.join("/", parts);
  }
}
