package dev.upshift.store;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One record of a workspace: its id and its fields, already validated by the caller (the store does
 * not know what a phase's columns mean). Fields are kept sorted by name, so two records with the
 * same fields are equal and store the same content whatever order they arrived in. Immutable.
 *
 * @param id unique within its workspace and kind: 1–256 characters, none of them a control
 *     character
 * @param fields field name to value, without the id; names non-empty; no nulls (an absent value is
 *     an absent field)
 */
public record DataRecord(String id, SortedMap<String, String> fields) {

  /** The longest id, in characters (code points), SPEC §8.3. */
  public static final int MAX_ID_LENGTH = 256;

  public DataRecord {
    checkId(id);
    requireNonNull(fields, "fields is null");
    // Copying a map sorted by natural order is linear; any other order is sorted again.
    TreeMap<String, String> copy =
        fields.comparator() == null ? new TreeMap<>(fields) : new TreeMap<>(Map.copyOf(fields));
    for (Map.Entry<String, String> field : copy.entrySet()) {
      String name = field.getKey();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("empty field name in record " + id);
      }
      requireNonNull(field.getValue(), () -> "value of field " + name + " is null");
    }
    fields = Collections.unmodifiableSortedMap(copy);
  }

  /** The field that names the customer a record belongs to (phases, customers, health). */
  public static final String CUSTOMER_ID = "customer_id";

  /**
   * The customer the record belongs to: its {@value #CUSTOMER_ID} field, trimmed; null when it has
   * none, it is blank, or it holds a NUL or an unpaired surrogate (which no database column takes;
   * callers that look records up by customer refuse such ids on input). The store finds records by
   * it ({@link Snapshot#forEachOfCustomers}).
   */
  public String customerId() {
    String value = fields.get(CUSTOMER_ID);
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() || !Text.isColumnText(trimmed) ? null : trimmed;
  }

  /** A record from fields in any order (they are sorted by name). */
  public static DataRecord of(String id, Map<String, String> fields) {
    requireNonNull(fields, "fields is null");
    return new DataRecord(id, new TreeMap<>(fields));
  }

  /**
   * Checks a record id: 1–256 characters, no control characters, no unpaired surrogates (neither
   * could be stored as text by both databases, nor typed by a person).
   *
   * @return the id
   * @throws IllegalArgumentException naming the rule it breaks
   */
  public static String checkId(String id) {
    requireNonNull(id, "id is null");
    if (id.isEmpty()) {
      throw new IllegalArgumentException("record id is empty");
    }
    int length = Text.storableLength(id);
    if (length < 0) {
      throw new IllegalArgumentException(
          "record id contains a control character or an unpaired surrogate: " + quoted(id));
    }
    if (length > MAX_ID_LENGTH) {
      throw new IllegalArgumentException(
          "record id is longer than " + MAX_ID_LENGTH + " characters: " + length);
    }
    return id;
  }

  /** Whether {@link #checkId} accepts the id: a lookup of any other string finds nothing. */
  public static boolean isValidId(String id) {
    try {
      checkId(id);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String quoted(String id) {
    StringBuilder out = new StringBuilder("\"");
    id.codePoints().limit(40).forEach(c -> {
      if (Character.isISOControl(c) || Character.isSurrogate((char) c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append(id.length() > 40 ? "…\"" : "\"").toString();
  }
}
