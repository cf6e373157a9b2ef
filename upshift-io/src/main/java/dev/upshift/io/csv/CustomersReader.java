package dev.upshift.io.csv;

import dev.upshift.input.CustomerAttributes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code customers.csv}: {@code customer_id}, then any attribute columns, each a segment
 * dimension (§1.2). Attribute names are case-insensitive; each customer is listed once (§10).
 */
final class CustomersReader extends TableReader {
  private static final Columns COLUMNS = Columns.lenient(null, List.of("customer_id"));

  private final Map<String, Long> lineOf = new HashMap<>();
  private List<String> attributes = List.of();
  private CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of());

  CustomersReader(ReadContext context, Path path) {
    super(context, path, COLUMNS);
  }

  /** One per attribute column, in {@link #attributes} order. */
  private List<ColumnValues> columnValues = List.of();

  @Override
  void start(Header header) {
    attributes = header.namesExcept("customer_id");
    builder = CustomerAttributes.builder(attributes);
    columnValues = attributes.stream().map(a -> new ColumnValues()).toList();
  }

  @Override
  void readRow(RowCells cells) {
    String customerId = cells.required("customer_id");
    List<String> values = new ArrayList<>(attributes.size());
    for (int i = 0; i < attributes.size(); i++) {
      String text = cells.text(attributes.get(i));
      // null when empty: the attribute is missing
      values.add(text.isEmpty() ? null : columnValues.get(i).share(text));
    }
    if (customerId != null && lineOf.containsKey(customerId)) {
      cells.error("customer_id", "customer \"" + customerId + "\" is already listed on line "
          + lineOf.get(customerId) + "; list each customer once");
    }
    if (cells.hasErrors()) {
      return;
    }
    builder.put(customerId, values);
    lineOf.put(customerId, cells.line());
  }

  /**
   * Shares equal values of one column while it looks like a segment dimension (few distinct
   * values: channel, region). A column with many distinct values (names, e-mails) gains nothing
   * from sharing, and hashing a million unique names dominated the read, so past a few thousand
   * distinct values the column's values are kept as read.
   */
  private static final class ColumnValues {
    private static final int MAX_SHARED = 4096;
    private final Map<String, String> shared = new HashMap<>();
    private boolean tooMany;

    String share(String value) {
      if (tooMany) {
        return value;
      }
      String canonical = shared.putIfAbsent(value, value);
      if (canonical != null) {
        return canonical;
      }
      if (shared.size() > MAX_SHARED) {
        tooMany = true;
        shared.clear();
      }
      return value;
    }
  }

  CustomerAttributes attributes() {
    return builder.build();
  }
}
