package dev.upshift.io.csv;

import java.util.List;

/** The columns of {@code subscriptions.csv} (§1.1) and the defaults of §10. */
final class SubscriptionColumns {
  static final String CUSTOMER_ID = "customer_id";
  static final String LINE_ID = "line_id";
  static final String PRODUCT = "product";
  static final String PLAN = "plan";
  static final String TIER = "tier";
  static final String SEATS = "seats";
  static final String ARR = "arr";
  static final String MRR = "mrr";
  static final String AMOUNT = "amount";
  static final String BILLING_PERIOD = "billing_period";
  static final String CURRENCY = "currency";
  static final String START_DATE = "start_date";
  static final String END_DATE = "end_date";
  static final String SIGNED_DATE = "signed_date";
  static final String CANCEL_SIGNED_DATE = "cancel_signed_date";
  static final String STATUS = "status";
  static final String KIND = "kind";

  /** The product of a row whose {@code product} cell is empty. */
  static final String DEFAULT_PRODUCT = "default";

  /** The price forms, in the order messages name them. */
  static final List<String> PRICE_FORMS = List.of(ARR, MRR, AMOUNT);

  /** Unknown columns are errors: a misspelt {@code seats} must not silently read as 0. */
  static final Columns COLUMNS = Columns.strict(
      List.of(CUSTOMER_ID, LINE_ID, PRODUCT, PLAN, TIER, SEATS, ARR, MRR, AMOUNT, BILLING_PERIOD,
          CURRENCY, START_DATE, END_DATE, SIGNED_DATE, CANCEL_SIGNED_DATE, STATUS, KIND),
      List.of(CUSTOMER_ID, START_DATE));

  /** Longest customer id (§1.1). */
  static final int MAX_CUSTOMER_ID_LENGTH = 256;

  private SubscriptionColumns() {}
}
