package dev.upshift.io.csv;

import dev.upshift.input.InputErrorCode;
import dev.upshift.input.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code targets.csv} ({@code metric}, {@code period}, {@code value}, optional {@code segment}
 * as {@code dim=value}). Period labels are checked against the forms a report prints, so a target
 * that could never match a period is reported rather than ignored; the same (metric, period,
 * segment) twice is an error, since nothing says which value to use.
 */
final class TargetsReader extends TableReader {
  static final Columns COLUMNS = Columns.lenient(
      FileKind.TARGETS, List.of("metric", "period", "value", "segment"), List.of("metric", "period", "value"));
  /** {@code 2026-03}, {@code 2026-Q1}, {@code 2026}, {@code FY2027-Q1}, {@code FY2027}. */
  private static final Pattern PERIOD =
      Pattern.compile("\\d{4}-(0[1-9]|1[0-2])|(FY)?\\d{4}(-Q[1-4])?");

  private record Key(String metric, String period, String segment) {}

  private final List<Target> targets = new ArrayList<>();
  private final Map<Key, Long> lineOf = new HashMap<>();

  TargetsReader(ReadContext context, InputSource source) {
    super(context, source, COLUMNS);
  }

  @Override
  void readRow(RowCells cells) {
    String metric = cells.required("metric");
    String period = cells.text("period").toUpperCase(Locale.ROOT);
    if (period.isEmpty()) {
      cells.error("period", InputErrorCode.MISSING_VALUE, "is empty; every row needs a period");
    } else if (!PERIOD.matcher(period).matches()) {
      cells.error("period", InputErrorCode.BAD_PERIOD, RowCells.quote(cells.text("period"))
          + " is not a period label; write 2026-03, 2026-Q1, 2026, FY2027-Q1 or FY2027");
    }
    BigDecimal value = cells.decimal("value");
    if (value == null && cells.isEmpty("value")) {
      cells.error("value", InputErrorCode.MISSING_VALUE, "is empty; every row needs a value");
    }
    String segment = segment(cells);
    if (cells.hasErrors()) {
      return;
    }
    Key key = new Key(metric, period, segment);
    Long earlier = lineOf.putIfAbsent(key, cells.line());
    if (earlier != null) {
      cells.error("period", InputErrorCode.DUPLICATE_KEY, "a target for " + metric + " in " + period
          + (segment == null ? "" : " for " + segment) + " is already " + rowAt(earlier)
          + "; give one value");
      return;
    }
    targets.add(new Target(metric, period, value, segment));
  }

  /** {@code dim=value} with the dimension lower-cased (dimension names are case-insensitive). */
  private static String segment(RowCells cells) {
    String text = cells.text("segment");
    if (text.isEmpty()) {
      return null;
    }
    int equals = text.indexOf('=');
    String dimension = equals < 0 ? "" : text.substring(0, equals).strip();
    String value = equals < 0 ? "" : text.substring(equals + 1).strip();
    if (dimension.isEmpty() || value.isEmpty()) {
      cells.error("segment", InputErrorCode.BAD_SEGMENT, RowCells.quote(text)
          + " is not a segment; write dimension=value, such as region=EMEA");
      return null;
    }
    return dimension.toLowerCase(Locale.ROOT) + "=" + value;
  }

  List<Target> targets() {
    return List.copyOf(targets);
  }
}
