package dev.upshift.io.csv;

import java.util.List;

/** The columns of {@code subscriptions} (§1.1, CSV or Parquet) and the defaults of §10. */
public final class SubscriptionColumns {
  public static final String CUSTOMER_ID = "customer_id";
  public static final String LINE_ID = "line_id";
  public static final String PRODUCT = "product";
  public static final String PLAN = "plan";
  public static final String TIER = "tier";
  public static final String SEATS = "seats";
  public static final String ARR = "arr";
  public static final String MRR = "mrr";
  public static final String AMOUNT = "amount";
  public static final String BILLING_PERIOD = "billing_period";
  public static final String CURRENCY = "currency";
  public static final String START_DATE = "start_date";
  public static final String END_DATE = "end_date";
  public static final String SIGNED_DATE = "signed_date";
  public static final String CANCEL_SIGNED_DATE = "cancel_signed_date";
  public static final String STATUS = "status";
  public static final String KIND = "kind";

  /** The product of a row whose {@code product} cell is empty. */
  public static final String DEFAULT_PRODUCT = "default";

  /** The price forms, in the order messages name them. */
  public static final List<String> PRICE_FORMS = List.of(ARR, MRR, AMOUNT);

  /** Every column, in the order §1.1 lists them. */
  public static final List<String> NAMES = List.of(CUSTOMER_ID, LINE_ID, PRODUCT, PLAN, TIER, SEATS,
      ARR, MRR, AMOUNT, BILLING_PERIOD, CURRENCY, START_DATE, END_DATE, SIGNED_DATE,
      CANCEL_SIGNED_DATE, STATUS, KIND);

  /** Unknown columns are errors: a misspelt {@code seats} must not silently read as 0. */
  static final Columns COLUMNS = Columns.strict(FileKind.SUBSCRIPTIONS, NAMES, List.of(CUSTOMER_ID, START_DATE));

  /** Longest customer id (§1.1). */
  public static final int MAX_CUSTOMER_ID_LENGTH = 256;

  private SubscriptionColumns() {}
}
