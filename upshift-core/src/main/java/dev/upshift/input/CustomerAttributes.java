package dev.upshift.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static segment attributes from {@code customers.csv} (§1.2): every column after
 * {@code customer_id}. Attribute names are lower-cased (they are case-insensitive); values are kept
 * as given. Immutable.
 */
public final class CustomerAttributes {
  private static final CustomerAttributes EMPTY = new CustomerAttributes(List.of(), Map.of());

  private final List<String> names;
  private final Map<String, String[]> valuesByCustomer;

  private CustomerAttributes(List<String> names, Map<String, String[]> valuesByCustomer) {
    this.names = List.copyOf(names);
    this.valuesByCustomer = valuesByCustomer;
  }

  public static CustomerAttributes empty() {
    return EMPTY;
  }

  /** Attribute names in file order, lower-cased. */
  public List<String> names() {
    return names;
  }

  /** Whether {@code name} (any case) is an attribute column. */
  public boolean hasAttribute(String name) {
    return names.contains(name.toLowerCase(Locale.ROOT));
  }

  /** Number of customers listed. */
  public int size() {
    return valuesByCustomer.size();
  }

  /** The customer's value of an attribute; empty when the customer or the value is missing. */
  public Optional<String> value(String customerId, String attribute) {
    int index = names.indexOf(attribute.toLowerCase(Locale.ROOT));
    String[] values = valuesByCustomer.get(customerId);
    if (index < 0 || values == null || values[index] == null || values[index].isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(values[index]);
  }

  public static Builder builder(List<String> attributeNames) {
    return new Builder(attributeNames);
  }

  /** Collects rows; one builder per file read. */
  public static final class Builder {
    private final List<String> names;
    private Map<String, String[]> values = new HashMap<>();

    private Builder(List<String> attributeNames) {
      this.names = attributeNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Adds a customer's values (in {@link #names()} order). Returns false, adding nothing, when
     * the customer is already listed: a duplicate the caller reports.
     */
    public boolean put(String customerId, List<String> attributeValues) {
      if (attributeValues.size() != names.size()) {
        throw new IllegalArgumentException(
            "expected " + names.size() + " values, got " + attributeValues.size());
      }
      return values.putIfAbsent(customerId, attributeValues.toArray(String[]::new)) == null;
    }

    public List<String> names() {
      return names;
    }

    public CustomerAttributes build() {
      // Hand the map over rather than copy it: customers.csv can list millions of customers.
      Map<String, String[]> built = java.util.Collections.unmodifiableMap(values);
      values = new HashMap<>();
      return new CustomerAttributes(names, built);
    }
  }

  /** Convenience for tests and the API: attributes from maps of name → value. */
  public static CustomerAttributes of(List<String> attributeNames, Map<String, Map<String, String>> rows) {
    Builder builder = builder(attributeNames);
    Map<String, Map<String, String>> lower = new HashMap<>();
    rows.forEach((id, attrs) -> {
      Map<String, String> byName = new HashMap<>();
      attrs.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
      lower.put(id, byName);
    });
    lower.forEach((id, attrs) -> builder.put(id, builder.names().stream().map(attrs::get).toList()));
    return builder.build();
  }
}
