package dev.upshift.input;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import java.util.stream.IntStream;

/**
 * Subscription phases in columns: the compact in-memory form of millions of {@link Phase}s.
 * Immutable once built; serialisable (a Spark job keeps the phases it has checked between its passes).
 *
 * <p>A phase object with its dates and boxed tier costs about a hundred bytes and one pointer
 * chase per field; a row here costs 58 bytes in primitive arrays the garbage collector never
 * scans. Strings are dictionary-encoded (customer, line, product, plan: one {@code String} per
 * distinct value, rows hold its index), days are epoch days as {@code int}, money is {@code long}
 * micro-units. {@link #NONE} marks an absent day, tier or plan. {@link #phase(int)} and {@link
 * #asList()} give the rows back as {@link Phase} records for code that is not on a hot path.
 *
 * <p>Rows are in input order. {@link #byCustomer()} groups them by customer once (a counting
 * sort, stable in input order) for the overlap check and the engine.
 */
public final class PhaseTable implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** An absent day ({@code end}, {@code cancelSigned}), tier or plan. */
  public static final int NONE = Integer.MIN_VALUE;

  private static final PhaseStatus[] STATUSES = PhaseStatus.values();
  private static final PhaseKind[] KINDS = PhaseKind.values();

  private final int size;
  private final String[] customerIds;
  private final String[] lineIds;
  private final String[] productNames;
  private final String[] planNames;
  private final int[] customer;
  private final int[] line;
  private final int[] product;
  private final int[] plan;
  private final int[] tier;
  private final int[] seats;
  private final long[] arr;
  private final int[] start;
  private final int[] end;
  private final int[] signed;
  private final int[] cancelSigned;
  private final byte[] status;
  private final byte[] kind;
  private final int[] sourceLine;
  /** Worked out again after deserialisation, when first asked for. */
  private transient volatile Grouping grouping;

  private PhaseTable(Builder b) {
    size = b.size;
    customerIds = b.customers.values();
    lineIds = b.lines.values();
    productNames = b.products.values();
    planNames = b.plans.values();
    customer = trim(b.customer, size);
    line = trim(b.line, size);
    product = trim(b.product, size);
    plan = trim(b.plan, size);
    tier = trim(b.tier, size);
    seats = trim(b.seats, size);
    arr = b.arr.length - size <= size >> 3 ? b.arr : Arrays.copyOf(b.arr, size);
    start = trim(b.start, size);
    end = trim(b.end, size);
    signed = trim(b.signed, size);
    cancelSigned = trim(b.cancelSigned, size);
    status = b.status.length - size <= size >> 3 ? b.status : Arrays.copyOf(b.status, size);
    kind = b.kind.length - size <= size >> 3 ? b.kind : Arrays.copyOf(b.kind, size);
    sourceLine = trim(b.sourceLine, size);
    b.detach();
  }

  /**
   * The array itself when it is full (a builder sized exactly hands it over) or nearly so, else a
   * copy: a table holds at most an eighth more than it needs, and saves a copy of the rest.
   */
  private static int[] trim(int[] array, int size) {
    return array.length - size <= size >> 3 ? array : Arrays.copyOf(array, size);
  }

  /** An empty table. */
  public static PhaseTable empty() {
    return builder().build();
  }

  /** The table of these phases, in this order. */
  public static PhaseTable of(List<Phase> phases) {
    Builder builder = builder();
    phases.forEach(builder::add);
    return builder.build();
  }

  public static Builder builder() {
    return new Builder(16);
  }

  /** A builder sized for about {@code expectedRows} rows (it grows past them). */
  public static Builder builder(int expectedRows) {
    return new Builder(Math.max(16, expectedRows));
  }

  /**
   * The tables one after the other, as one table: the parts of a file read in parallel. Each part
   * has its own dictionaries; they are merged here.
   */
  public static PhaseTable concat(List<PhaseTable> parts) {
    return concat(parts, new int[parts.size()]);
  }

  /**
   * As {@link #concat(List)}, adding {@code lineOffsets[i]} to the source lines of part {@code i}:
   * parts of one file parsed in parallel number their lines from their own start.
   *
   * @throws ArithmeticException when a line number overflows
   */
  public static PhaseTable concat(List<PhaseTable> parts, int[] lineOffsets) {
    int total = 0;
    for (PhaseTable part : parts) {
      total = Math.addExact(total, part.size);
    }
    Builder out = new Builder(Math.max(16, total));
    for (int index = 0; index < parts.size(); index++) {
      PhaseTable part = parts.get(index);
      int at = out.size;
      IndexMaps.merge(out, part.customerIds, part.lineIds, part.productNames, part.planNames)
          .map(part.customer, part.line, part.product, part.plan, 0, out, at, part.size);
      System.arraycopy(part.tier, 0, out.tier, at, part.size);
      System.arraycopy(part.seats, 0, out.seats, at, part.size);
      System.arraycopy(part.arr, 0, out.arr, at, part.size);
      System.arraycopy(part.start, 0, out.start, at, part.size);
      System.arraycopy(part.end, 0, out.end, at, part.size);
      System.arraycopy(part.signed, 0, out.signed, at, part.size);
      System.arraycopy(part.cancelSigned, 0, out.cancelSigned, at, part.size);
      System.arraycopy(part.status, 0, out.status, at, part.size);
      System.arraycopy(part.kind, 0, out.kind, at, part.size);
      int offset = lineOffsets[index];
      for (int r = 0; r < part.size; r++) {
        out.sourceLine[at + r] = Math.addExact(part.sourceLine[r], offset);
      }
      out.size += part.size;
    }
    return out.build();
  }

  /** Number of rows. */
  public int size() {
    return size;
  }

  /** Number of distinct customers. */
  public int customerCount() {
    return customerIds.length;
  }

  /** A customer id by its index ({@link #customerOf(int)}). */
  public String customerId(int customerIndex) {
    return customerIds[customerIndex];
  }

  public int customerOf(int row) {
    return customer[row];
  }

  public int lineOf(int row) {
    return line[row];
  }

  public String lineId(int lineIndex) {
    return lineIds[lineIndex];
  }

  public int lineCount() {
    return lineIds.length;
  }

  public int productOf(int row) {
    return product[row];
  }

  public String productName(int productIndex) {
    return productNames[productIndex];
  }

  public int productCount() {
    return productNames.length;
  }

  /** The plan index of a row, or {@link #NONE}. */
  public int planOf(int row) {
    return plan[row];
  }

  /** A plan name by its index; {@code null} for {@link #NONE}. */
  public String planName(int planIndex) {
    return planIndex == NONE ? null : planNames[planIndex];
  }

  public int planCount() {
    return planNames.length;
  }

  /** The explicit tier of a row, or {@link #NONE}. */
  public int tierOf(int row) {
    return tier[row];
  }

  public int seatsOf(int row) {
    return seats[row];
  }

  public long arrMicrosOf(int row) {
    return arr[row];
  }

  public int startOf(int row) {
    return start[row];
  }

  /** The end epoch day of a row, or {@link #NONE} when open-ended. */
  public int endOf(int row) {
    return end[row];
  }

  public int signedOf(int row) {
    return signed[row];
  }

  /** The cancellation-signed epoch day, or {@link #NONE} when open-ended. */
  public int cancelSignedOf(int row) {
    return cancelSigned[row];
  }

  public PhaseStatus statusOf(int row) {
    return STATUSES[status[row]];
  }

  public PhaseKind kindOf(int row) {
    return KINDS[kind[row]];
  }

  /** The source line (input order) of a row. */
  public int sourceLineOf(int row) {
    return sourceLine[row];
  }

  /** {@link Phase#billable()} of a row, without building the phase. */
  public boolean billable(int row) {
    return status[row] == PhaseStatus.ACTIVE.ordinal()
        && (kind[row] == PhaseKind.RECURRING.ordinal()
            || kind[row] == PhaseKind.COMMITTED_USAGE.ordinal())
        && arr[row] > 0;
  }

  /** The row as a {@link Phase}. */
  public Phase phase(int row) {
    return new Phase(customerIds[customer[row]], lineIds[line[row]], productNames[product[row]],
        planName(plan[row]), tier[row] == NONE ? null : tier[row], seats[row], arr[row],
        LocalDate.ofEpochDay(start[row]), date(end[row]), LocalDate.ofEpochDay(signed[row]),
        date(cancelSigned[row]), STATUSES[status[row]], KINDS[kind[row]], sourceLine[row]);
  }

  private static LocalDate date(int epochDay) {
    return epochDay == NONE ? null : LocalDate.ofEpochDay(epochDay);
  }

  /** The rows as phases, built on each access (a view; nothing is copied). */
  public List<Phase> asList() {
    return new PhaseList(this);
  }

  /**
   * Rows grouped by customer: the rows of customer {@code c} are {@code rows[offsets[c]]} to
   * {@code rows[offsets[c + 1] - 1]}, in input order. Customers are in order of first appearance.
   */
  public record Grouping(int[] offsets, int[] rows) {}

  /** The rows grouped by customer, computed on first use. */
  public Grouping byCustomer() {
    Grouping g = grouping;
    if (g == null) {
      int[] offsets = new int[customerIds.length + 1];
      for (int r = 0; r < size; r++) {
        offsets[customer[r] + 1]++;
      }
      for (int c = 0; c < customerIds.length; c++) {
        offsets[c + 1] += offsets[c];
      }
      int[] next = Arrays.copyOf(offsets, customerIds.length);
      int[] rows = new int[size];
      for (int r = 0; r < size; r++) {
        rows[next[customer[r]]++] = r;
      }
      g = new Grouping(offsets, rows);
      grouping = g;
    }
    return g;
  }

  /**
   * Whether two phases of one (customer, line) overlap (the same start, or an end after the next
   * start), as {@link SubscriptionLog} defines it; checked on all cores.
   */
  public boolean hasOverlappingPhases() {
    return TableOverlaps.any(this);
  }

  /** The index of a customer id, or -1 when it has no rows. */
  public int indexOfCustomer(String customerId) {
    for (int c = 0; c < customerIds.length; c++) {
      if (customerIds[c].equals(customerId)) {
        return c;
      }
    }
    return -1;
  }

  private static final class PhaseList extends AbstractList<Phase> implements RandomAccess {
    private final PhaseTable table;

    PhaseList(PhaseTable table) {
      this.table = table;
    }

    @Override
    public Phase get(int index) {
      if (index < 0 || index >= table.size) {
        throw new IndexOutOfBoundsException(index);
      }
      return table.phase(index);
    }

    @Override
    public int size() {
      return table.size;
    }
  }

  /**
   * Where a part's dictionary indexes go in a whole table: the whole table's index of the part's
   * customer {@code i} is {@code customers[i]}, and so on.
   */
  private record IndexMaps(int[] customers, int[] lines, int[] products, int[] plans) {
    /** Adds a part's dictionary values to {@code whole}'s (new ones at the end) and maps them. */
    static IndexMaps merge(Builder whole, String[] customers, String[] lines, String[] products,
        String[] plans) {
      return new IndexMaps(whole.customers.remap(customers), whole.lines.remap(lines),
          whole.products.remap(products), whole.plans.remap(plans));
    }

    /**
     * Writes {@code count} rows of a part's dictionary columns, from row {@code from}, mapped
     * into {@code into}'s columns from row {@code at}; the columns may be the same (in place).
     */
    void map(int[] customer, int[] line, int[] product, int[] plan, int from, Builder into,
        int at, int count) {
      for (int r = 0; r < count; r++) {
        into.customer[at + r] = customers[customer[from + r]];
        into.line[at + r] = lines[line[from + r]];
        into.product[at + r] = products[product[from + r]];
        int planIndex = plan[from + r];
        into.plan[at + r] = planIndex == NONE ? NONE : plans[planIndex];
      }
    }
  }

  /**
   * Strings to dense indexes, in order of first appearance. An open-addressing table of the
   * values' indexes rather than a {@code HashMap<String, Integer>}: no boxed index and no node per
   * value, and a value that is the very instance seen before (readers hand out one string per
   * distinct text) is found without comparing characters.
   *
   * <p>Input sorted by customer brings each new customer id after all the others, so while every
   * new value sorts after the last one, it is known to be new without a lookup, and the table is
   * not even kept: a million customers then cost no random memory access each. The first value
   * out of order builds the table from the values so far.
   */
  private static final class Dictionary {
    private String[] values = new String[16];
    private int size;
    /** The table's length once it is needed: twice the expected values, a power of two. */
    private final int initialSlots;
    /**
     * Index + 1 of the value in each slot, 0 for an empty slot; a power of two long. {@code
     * null} while {@link #ascending}.
     */
    private int[] slots;
    /** Whether every value came after the one before ({@link String#compareTo}). */
    private boolean ascending = true;
    private String last;
    private int lastIndex = -1;

    Dictionary(int expected) {
      initialSlots = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    }

    int indexOf(String value) {
      if (value == last || value.equals(last)) { // sorted input repeats the previous value
        return lastIndex;
      }
      int i;
      if (ascending && (size == 0 || value.compareTo(values[size - 1]) > 0)) {
        i = append(value);
      } else {
        if (ascending) {
          ascending = false;
          rehash(initialSlots);
        }
        i = lookUpOrAdd(value);
      }
      last = value;
      lastIndex = i;
      return i;
    }

    private int lookUpOrAdd(String value) {
      int mask = slots.length - 1;
      int slot = spread(value.hashCode()) & mask;
      while (true) {
        int held = slots[slot] - 1;
        if (held < 0) {
          return add(value, slot);
        }
        String known = values[held];
        if (known == value || known.equals(value)) {
          return held;
        }
        slot = (slot + 1) & mask;
      }
    }

    private int append(String value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size] = value;
      return size++;
    }

    private int add(String value, int slot) {
      int i = append(value);
      slots[slot] = i + 1;
      if (size * 2 > slots.length) { // at most half full, so that probes stay short
        rehash(slots.length * 2);
      }
      return i;
    }

    /** Fills a new table of at least {@code length} slots, and at least twice the values. */
    private void rehash(int length) {
      while (length < size * 2) {
        length *= 2;
      }
      slots = new int[length];
      int mask = length - 1;
      for (int i = 0; i < size; i++) {
        int slot = spread(values[i].hashCode()) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
      }
    }

    /** Mixes a string's hash so that ids differing in their last characters spread apart. */
    private static int spread(int hash) {
      int h = hash * 0x9E3779B9;
      return h ^ (h >>> 16);
    }

    int[] remap(String[] others) {
      int[] mapped = new int[others.length];
      for (int i = 0; i < others.length; i++) {
        mapped[i] = indexOf(others[i]);
      }
      return mapped;
    }

    String[] values() {
      return Arrays.copyOf(values, size);
    }
  }

  /** Appends rows; not thread-safe. */
  public static final class Builder {
    private final Dictionary customers;
    private final Dictionary lines = new Dictionary(16);
    private final Dictionary products = new Dictionary(16);
    private final Dictionary plans = new Dictionary(16);
    /** Where this builder's rows start in its arrays: 0, or its part's place in shared ones. */
    private final int base;
    /** Whether the arrays are shared with other parts ({@link Parts}), so cannot grow. */
    private final boolean shared;
    private int capacity;
    private int size;
    private int[] customer;
    private int[] line;
    private int[] product;
    private int[] plan;
    private int[] tier;
    private int[] seats;
    private long[] arr;
    private int[] start;
    private int[] end;
    private int[] signed;
    private int[] cancelSigned;
    private byte[] status;
    private byte[] kind;
    private int[] sourceLine;

    private Builder(int capacity) {
      customers = new Dictionary(capacity / 8);
      base = 0;
      shared = false;
      allocate(capacity);
    }

    /** A builder of {@code capacity} rows from {@code base} in {@code whole}'s arrays. */
    private Builder(Builder whole, int base, int capacity) {
      customers = new Dictionary(capacity / 8);
      this.base = base;
      this.shared = true;
      this.capacity = capacity;
      customer = whole.customer;
      line = whole.line;
      product = whole.product;
      plan = whole.plan;
      tier = whole.tier;
      seats = whole.seats;
      arr = whole.arr;
      start = whole.start;
      end = whole.end;
      signed = whole.signed;
      cancelSigned = whole.cancelSigned;
      status = whole.status;
      kind = whole.kind;
      sourceLine = whole.sourceLine;
    }

    private void allocate(int capacity) {
      this.capacity = capacity;
      customer = grow(customer, capacity);
      line = grow(line, capacity);
      product = grow(product, capacity);
      plan = grow(plan, capacity);
      tier = grow(tier, capacity);
      seats = grow(seats, capacity);
      arr = arr == null ? new long[capacity] : Arrays.copyOf(arr, capacity);
      start = grow(start, capacity);
      end = grow(end, capacity);
      signed = grow(signed, capacity);
      cancelSigned = grow(cancelSigned, capacity);
      status = status == null ? new byte[capacity] : Arrays.copyOf(status, capacity);
      kind = kind == null ? new byte[capacity] : Arrays.copyOf(kind, capacity);
      sourceLine = grow(sourceLine, capacity);
    }

    private static int[] grow(int[] array, int capacity) {
      return array == null ? new int[capacity] : Arrays.copyOf(array, capacity);
    }

    public int size() {
      return size;
    }

    /** Appends a phase. */
    public Builder add(Phase phase) {
      if (phase.tier() != null && phase.tier() == NONE) {
        throw new IllegalArgumentException("tier out of range: " + phase.tier());
      }
      return add(phase.customerId(), phase.lineId(), phase.product(), phase.plan(),
          phase.tier() == null ? NONE : phase.tier(), phase.seats(), phase.arrMicros(),
          day(phase.start()), phase.end() == null ? NONE : day(phase.end()), day(phase.signed()),
          phase.cancelSigned() == null ? NONE : day(phase.cancelSigned()), phase.status(),
          phase.kind(), phase.line());
    }

    /**
     * Appends a row checked as {@link Phase}'s constructor checks it; defaults must be applied
     * ({@code lineId}, {@code signed}, {@code cancelSigned}).
     *
     * @param tier the explicit tier or {@link #NONE}
     * @param end the end epoch day or {@link #NONE}; then {@code cancelSigned} is {@link #NONE} too
     */
    public Builder add(String customerId, String lineId, String productName, String planName,
        int tier, int seats, long arrMicros, int start, int end, int signed, int cancelSigned,
        PhaseStatus status, PhaseKind kind, int sourceLine) {
      requireNonNull(customerId, "customerId is null");
      requireNonNull(lineId, "lineId is null");
      requireNonNull(productName, "product is null");
      requireNonNull(status, "status is null");
      requireNonNull(kind, "kind is null");
      if (customerId.isEmpty() || customerId.length() > 256) {
        throw new IllegalArgumentException("customerId must have 1 to 256 characters: " + customerId);
      }
      if (seats < 0 || arrMicros < 0) {
        throw new IllegalArgumentException("seats and ARR must be >= 0: " + seats + ", " + arrMicros);
      }
      if (end != NONE && end <= start) {
        throw new IllegalArgumentException("end " + end + " is not after start " + start);
      }
      if ((end == NONE) != (cancelSigned == NONE)) {
        throw new IllegalArgumentException("cancelSigned must be set exactly when end is");
      }
      if (size == capacity) {
        if (shared) {
          throw new IllegalStateException("a part of " + capacity + " rows is full");
        }
        allocate(Math.addExact(size, Math.max(16, size >> 1)));
      }
      int at = base + size;
      this.customer[at] = customers.indexOf(customerId);
      this.line[at] = lines.indexOf(lineId);
      this.product[at] = products.indexOf(productName);
      this.plan[at] = planName == null ? NONE : plans.indexOf(planName);
      this.tier[at] = tier;
      this.seats[at] = seats;
      this.arr[at] = arrMicros;
      this.start[at] = start;
      this.end[at] = end;
      this.signed[at] = signed;
      this.cancelSigned[at] = cancelSigned;
      this.status[at] = (byte) status.ordinal();
      this.kind[at] = (byte) kind.ordinal();
      this.sourceLine[at] = sourceLine;
      size++;
      return this;
    }

    /** Moves {@code count} rows from {@code from} down to {@code to} (overlapping is fine). */
    private void moveRows(int from, int to, int count) {
      for (Object column : new Object[] {customer, line, product, plan, tier, seats, arr, start,
          end, signed, cancelSigned, status, kind, sourceLine}) {
        System.arraycopy(column, from, column, to, count);
      }
    }

    private static int day(LocalDate date) {
      return Math.toIntExact(date.toEpochDay());
    }

    /** The table; the builder must not be used afterwards (its arrays may be handed over). */
    public PhaseTable build() {
      if (shared) {
        throw new IllegalStateException("a part is built with the others, by Parts.build()");
      }
      return new PhaseTable(this);
    }

    private void detach() {
      customer = null;
    }
  }

  /**
   * One table filled by several threads at once: each part of the input is appended through its
   * own {@link Builder} straight into the shared columns, from the row where its part starts. A
   * reader that knows how many rows each part holds (a Parquet file says) so saves {@link
   * #concat}'s second copy of every column, and its time.
   */
  public static final class Parts {
    private final Builder whole;
    private final Builder[] parts;

    /** Parts of at most {@code rowsPerPart[i]} rows each, in the order of the table's rows. */
    public Parts(int... rowsPerPart) {
      int total = 0;
      for (int rows : rowsPerPart) {
        if (rows < 0) {
          throw new IllegalArgumentException("a part of " + rows + " rows");
        }
        total = Math.addExact(total, rows);
      }
      whole = new Builder(Math.max(16, total));
      parts = new Builder[rowsPerPart.length];
      int base = 0;
      for (int i = 0; i < parts.length; i++) {
        parts[i] = new Builder(whole, base, rowsPerPart[i]);
        base += rowsPerPart[i];
      }
    }

    /**
     * The builder of part {@code index}; one thread per part. Adding more rows than the part was
     * given throws {@link IllegalStateException}.
     */
    public Builder part(int index) {
      return parts[index];
    }

    /**
     * The parts one after the other, as {@link #concat} would join them: the same dictionaries in
     * the same order. Parts with fewer rows than they were given close up. Neither this nor the
     * parts' builders may be used afterwards.
     */
    public PhaseTable build() {
      IndexMaps[] maps = new IndexMaps[parts.length];
      for (int i = 0; i < parts.length; i++) {
        Builder part = parts[i];
        maps[i] = IndexMaps.merge(whole, part.customers.values(), part.lines.values(),
            part.products.values(), part.plans.values());
      }
      // In place: each part's rows already sit in the whole table's columns.
      IntStream.range(0, parts.length).parallel().forEach(i -> maps[i].map(whole.customer,
          whole.line, whole.product, whole.plan, parts[i].base, whole, parts[i].base,
          parts[i].size));
      int size = 0;
      for (Builder part : parts) {
        if (part.base != size) {
          whole.moveRows(part.base, size, part.size);
        }
        size += part.size;
        part.detach();
      }
      whole.size = size;
      return whole.build();
    }
  }
}
