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

  @Override
  void start(Header header) {
    attributes = header.namesExcept("customer_id");
    builder = CustomerAttributes.builder(attributes);
  }

  @Override
  void readRow(RowCells cells) {
    String customerId = cells.required("customer_id");
    List<String> values = new ArrayList<>(attributes.size());
    for (String attribute : attributes) {
      values.add(cells.interned(attribute)); // null when empty: the attribute is missing
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

  CustomerAttributes attributes() {
    return builder.build();
  }
}
