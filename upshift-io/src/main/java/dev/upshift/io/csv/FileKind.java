package dev.upshift.io.csv;

import java.util.Locale;

/**
 * The kinds of CSV input file of §1, by the word a user writes for them ({@code subscriptions},
 * {@code customers}, ...): in {@code --map customers:client=customer_id}, in a project file's
 * {@code files:} section, and in the standard file name ({@code subscriptions.csv}).
 */
public enum FileKind {
  SUBSCRIPTIONS, CUSTOMERS, PLANS, HEALTH, TARGETS, FX;

  /** The word for this kind: {@code subscriptions}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The file name {@code --data} looks for: {@code subscriptions.csv}. */
  public String standardName() {
    return id() + ".csv";
  }

  /** The kind a word names (any case), or {@code null}. */
  public static FileKind byId(String id) {
    for (FileKind kind : values()) {
      if (kind.id().equalsIgnoreCase(id.strip())) {
        return kind;
      }
    }
    return null;
  }

  /** The columns a file of this kind may have. */
  Columns columns() {
    return switch (this) {
      case SUBSCRIPTIONS -> SubscriptionColumns.COLUMNS;
      case CUSTOMERS -> CustomersReader.COLUMNS;
      case PLANS -> PlansReader.COLUMNS;
      case HEALTH -> HealthReader.COLUMNS;
      case TARGETS -> TargetsReader.COLUMNS;
      case FX -> FxReader.COLUMNS;
    };
  }
}
