package dev.upshift.io.csv;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.InputErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads {@code customers.csv}: {@code customer_id}, then any attribute columns, each a segment
 * dimension (§1.2). Attribute names are case-insensitive; each customer is listed once (§10).
 *
 * <p>{@link #read} tries {@link FastCustomersReader} first and reads with this class, the strict
 * reader, whatever the fast path declines, so every error is found and worded here.
 */
final class CustomersReader extends TableReader {
  static final Columns COLUMNS = Columns.lenient(FileKind.CUSTOMERS, null, List.of("customer_id"));

  private List<String> attributes = List.of();
  private CustomerAttributes.Builder builder = CustomerAttributes.builder(List.of());
  /** The line each customer was read from, by its position in {@link #builder}. */
  private long[] lineOf = new long[1024];
  private int listed;

  CustomersReader(ReadContext context, InputSource source) {
    super(context, source, COLUMNS);
  }

  /**
   * Reads the file, with the fast path when {@code fastPath} allows it and the file is plain;
   * errors, if any, go to the context.
   *
   * @param fastPath {@link DatasetReader}'s switch for every fast path (tests turn it off)
   */
  static CustomerAttributes read(ReadContext context, Path path, boolean fastPath) {
    if (fastPath) {
      context.register(path.toString()); // errors of later files are listed after this file's
      CustomerAttributes fast = FastCustomersReader.tryRead(path, context.mapping());
      if (fast != null) {
        return fast;
      }
    }
    return read(context, InputSource.of(path));
  }

  /** Reads the rows of a file or of records with the strict reader. */
  static CustomerAttributes read(ReadContext context, InputSource source) {
    CustomersReader reader = new CustomersReader(context, source);
    reader.read();
    return reader.attributes();
  }

  @Override
  void start(Header header) {
    attributes = header.namesExcept("customer_id");
    builder = CustomerAttributes.builder(attributes);
  }

  @Override
  void readRow(RowCells cells) {
    // Not interned: the attributes keep their own packed copy of every id.
    String customerId = cells.requiredText("customer_id");
    List<String> values = new ArrayList<>(attributes.size());
    for (String attribute : attributes) {
      String text = cells.text(attribute);
      values.add(text.isEmpty() ? null : text); // null when empty: the attribute is missing
    }
    int earlier = customerId == null ? -1 : builder.indexOf(customerId);
    if (earlier >= 0) {
      cells.error("customer_id", InputErrorCode.DUPLICATE_KEY, "customer \"" + customerId
          + "\" is already listed " + rowAt(lineOf[earlier]) + "; list each customer once");
    }
    if (cells.hasErrors()) {
      return;
    }
    builder.put(customerId, values);
    if (listed == lineOf.length) {
      lineOf = Arrays.copyOf(lineOf, listed * 2);
    }
    lineOf[listed++] = cells.line();
  }

  CustomerAttributes attributes() {
    return builder.build();
  }
}
