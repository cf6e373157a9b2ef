package dev.upshift.input;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Static segment attributes from {@code customers.csv} (§1.2): every column after
 * {@code customer_id}. Attribute names are lower-cased (they are case-insensitive); values are kept
 * as given. Immutable and thread-safe.
 *
 * <p>Ids and values are packed into a few arrays per column ({@link PackedStrings}) rather than
 * held as a map of string arrays: at a million customers the objects alone made every garbage
 * collection of the run slower. A missing value is stored as an empty one: both read as missing.
 */
public final class CustomerAttributes implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private static final CustomerAttributes EMPTY =
      new CustomerAttributes(List.of(), new PackedKeys(), new PackedStrings[0]);

  private final List<String> names;
  /** Customer ids; a customer's index here is its row in every column. */
  private final PackedKeys customers;
  /** Values by attribute (in {@link #names} order), then by customer row; "" when missing. */
  private final PackedStrings[] columns;

  private CustomerAttributes(List<String> names, PackedKeys customers, PackedStrings[] columns) {
    this.names = List.copyOf(names);
    this.customers = customers;
    this.columns = columns;
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
    return customers.size();
  }

  /** The customer's value of an attribute; empty when the customer or the value is missing. */
  public Optional<String> value(String customerId, String attribute) {
    int index = names.indexOf(attribute.toLowerCase(Locale.ROOT));
    if (index < 0) {
      return Optional.empty();
    }
    int row = customers.indexOf(customerId);
    if (row < 0) {
      return Optional.empty();
    }
    String value = columns[index].get(row);
    return value.isEmpty() ? Optional.empty() : Optional.of(value);
  }

  /** The distinct non-empty values of an attribute (any case), sorted; empty when unknown. */
  public java.util.SortedSet<String> values(String attribute) {
    java.util.SortedSet<String> values = new java.util.TreeSet<>();
    int index = names.indexOf(attribute.toLowerCase(Locale.ROOT));
    if (index >= 0) {
      for (int row = 0; row < customers.size(); row++) {
        String value = columns[index].get(row);
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
    }
    return values;
  }

  /**
   * Equal when the same attributes are listed for the same customers, in the same order, with the
   * same values (a missing value equal to an empty one): what two readers of one file must agree
   * on.
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof CustomerAttributes that) || !names.equals(that.names)
        || size() != that.size()) {
      return false;
    }
    for (int row = 0; row < size(); row++) {
      if (!customers.get(row).equals(that.customers.get(row))) {
        return false;
      }
      for (int i = 0; i < columns.length; i++) {
        if (!columns[i].get(row).equals(that.columns[i].get(row))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * names.hashCode() + size();
  }

  @Override
  public String toString() {
    return "CustomerAttributes" + names + " of " + size() + " customers";
  }

  public static Builder builder(List<String> attributeNames) {
    return new Builder(attributeNames);
  }

  /** Collects rows; one builder per file read. */
  public static final class Builder {
    private final List<String> names;
    private PackedKeys customers = new PackedKeys();
    private PackedStrings[] columns;

    private Builder(List<String> attributeNames) {
      this.names = attributeNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
      this.columns = freshColumns(names.size());
    }

    /**
     * Adds a customer's values (in {@link #names()} order; {@code null} for a missing value).
     * Returns false, adding nothing, when the customer is already listed: a duplicate the caller
     * reports. The characters are copied, so a reader may pass views of its buffer and reuse them.
     */
    public boolean put(CharSequence customerId, List<? extends CharSequence> attributeValues) {
      if (attributeValues.size() != names.size()) {
        throw new IllegalArgumentException(
            "expected " + names.size() + " values, got " + attributeValues.size());
      }
      if (customers.add(customerId) < 0) {
        return false;
      }
      for (int i = 0; i < columns.length; i++) {
        CharSequence value = attributeValues.get(i);
        columns[i].add(value == null ? "" : value);
      }
      return true;
    }

    /**
     * The position of a customer among those put so far (0 for the first), or -1 when it was not
     * put: for a reader that reports where a duplicate was first listed.
     */
    public int indexOf(CharSequence customerId) {
      return customers.indexOf(customerId);
    }

    public List<String> names() {
      return names;
    }

    public CustomerAttributes build() {
      // Hand the columns over rather than copy them: customers.csv can list millions of customers.
      CustomerAttributes built = new CustomerAttributes(names, customers, columns);
      customers = new PackedKeys();
      columns = freshColumns(names.size());
      return built;
    }

    private static PackedStrings[] freshColumns(int count) {
      PackedStrings[] fresh = new PackedStrings[count];
      for (int i = 0; i < count; i++) {
        fresh[i] = new PackedStrings();
      }
      return fresh;
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
