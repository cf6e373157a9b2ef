package dev.upshift.spark;

import dev.upshift.io.csv.SubscriptionRows;
import java.io.Serializable;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Where the cells and the position of a phase row are in a scanned row, and the rules its cells
 * are checked by. Rows come in groups of one header each (CSV files with different headers are
 * read separately and brought to one set of columns); each group has its {@link SubscriptionRows}
 * and the field of each of its header cells. Every row also carries its file ({@code _src}), the
 * start of the file split it was read from ({@code _block}) and an increasing position within the
 * scan ({@code _pos}): together they give its place in the input. Immutable and serialisable.
 */
final class ScanLayout implements Serializable {
  private static final long serialVersionUID = 1L;

  static final String KEY = "_key";
  static final String GROUP = "_grp";
  static final String RAW = "_raw";
  static final String SOURCE = "_src";
  static final String BLOCK = "_block";
  static final String POSITION = "_pos";

  private final List<SubscriptionRows> groups;
  private final int[][] cellFields;
  private final int groupField;
  private final int rawField;
  private final int sourceField;
  private final int blockField;
  private final int positionField;
  private final String singleFile;

  /**
   * @param groups the rules of each header group
   * @param cellFields per group, the field of the scanned row holding each header cell
   * @param fieldNames the scanned row's field names, to find the position fields
   * @param singleFile the name to give every row's file when the input is one file (as the user
   *     typed it), or {@code null} to name each row's own file
   */
  ScanLayout(List<SubscriptionRows> groups, int[][] cellFields, List<String> fieldNames,
      String singleFile) {
    this.groups = List.copyOf(groups);
    this.cellFields = cellFields.clone();
    this.groupField = fieldNames.indexOf(GROUP);
    this.rawField = fieldNames.indexOf(RAW);
    this.sourceField = fieldNames.indexOf(SOURCE);
    this.blockField = fieldNames.indexOf(BLOCK);
    this.positionField = fieldNames.indexOf(POSITION);
    this.singleFile = singleFile;
    if (groupField < 0 || rawField < 0 || sourceField < 0 || blockField < 0 || positionField < 0) {
      throw new IllegalArgumentException("scanned rows lack a position field: " + fieldNames);
    }
  }

  int group(Row row) {
    return row.getInt(groupField);
  }

  SubscriptionRows rules(int group) {
    return groups.get(group);
  }

  String source(Row row) {
    return row.getString(sourceField);
  }

  long block(Row row) {
    return row.getLong(blockField);
  }

  long position(Row row) {
    return row.getLong(positionField);
  }

  /** The raw text of a row the CSV parser could not fit to the header, or {@code null}. */
  String raw(Row row) {
    return row.isNullAt(rawField) ? null : row.getString(rawField);
  }

  /** The row's cells in its group's header order, as text. */
  List<String> cells(Row row, int group) {
    int[] fields = cellFields[group];
    List<String> cells = new ArrayList<>(fields.length);
    for (int field : fields) {
      cells.add(text(row.get(field)));
    }
    return cells;
  }

  /** The file a row's errors name: the input as typed when it is one file, else the row's file. */
  String fileName(String source) {
    return fileName(singleFile, source);
  }

  /** As {@link #fileName(String)}, for an input of one file named {@code single} (or none). */
  static String fileName(String single, String source) {
    if (single != null) {
      return single;
    }
    if (source.startsWith("file:")) {
      try {
        return new URI(source).getPath();
      } catch (URISyntaxException e) {
        return source;
      }
    }
    return source;
  }

  /**
   * A typed value (Parquet, a table) in the textual form the rules of §1.1 read: decimals plain,
   * dates ISO. A binary floating-point price is written in its shortest decimal form, which is the
   * value the file shows; anything without a textual form of §1.1 (a timestamp) keeps its own and
   * is reported by the rules.
   */
  static String text(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Double d && Double.isFinite(d)) {
      return new BigDecimal(Double.toString(d)).toPlainString();
    }
    if (value instanceof Float f && Float.isFinite(f)) {
      return new BigDecimal(Float.toString(f)).toPlainString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    if (value instanceof LocalDate date) {
      return date.toString();
    }
    return value.toString();
  }
}
