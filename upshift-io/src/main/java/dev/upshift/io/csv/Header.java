package dev.upshift.io.csv;

import dev.upshift.input.InputError;
import dev.upshift.input.InputErrorCode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A header row resolved against the {@link Columns} of its file: names trimmed and lower-cased
 * (column names are case-insensitive) and mapped to cell positions. Immutable.
 */
final class Header {
  private final long line;
  private final List<String> rawNames;
  private final String[] names;
  private final Map<String, Integer> indexByName;

  private Header(long line, List<String> rawNames, String[] names, Map<String, Integer> indexByName) {
    this.line = line;
    this.rawNames = List.copyOf(rawNames);
    this.names = names;
    this.indexByName = Map.copyOf(indexByName);
  }

  /** As {@link #resolve(String, long, List, Columns, ColumnMapping, List)} with no mapping. */
  static Header resolve(String file, long line, List<String> rawNames, Columns columns,
      List<InputError> errors) {
    return resolve(file, line, rawNames, columns, ColumnMapping.NONE, errors);
  }

  /**
   * Resolves a header row, adding to {@code errors} every duplicate name, every unknown or unnamed
   * column of a strict file and every missing required column. Names are renamed or left out by
   * {@code mapping} first, so the checks see §1 names. The header is usable only when every error
   * added {@linkplain #skipsColumn skips a column}; the rows can still be checked when it does.
   */
  static Header resolve(String file, long line, List<String> rawNames, Columns columns,
      ColumnMapping mapping, List<InputError> errors) {
    ColumnMapping.ForFile applied = mapping.forKind(columns.kind());
    String[] names = new String[rawNames.size()];
    Map<String, Integer> indexByName = new HashMap<>();
    if (rawNames.size() == 1 && separatorInstead(file, line, rawNames.get(0), errors)) {
      return new Header(line, rawNames, names, indexByName);
    }
    for (int i = 0; i < names.length; i++) {
      String trimmed = rawNames.get(i).strip();
      String written = trimmed.toLowerCase(Locale.ROOT);
      if (applied.ignored().contains(written)) {
        names[i] = written; // deliberately left out: not indexed, so never read
        continue;
      }
      String name = applied.renames().getOrDefault(written, written);
      names[i] = name;
      Integer earlier = indexByName.putIfAbsent(name, i);
      boolean known = columns.accepts(name);
      if (known || !columns.unknownIsError()) {
        // In lenient files an unknown column is ignored, and so is a second one of that name.
        if (earlier != null && known) {
          errors.add(new InputError(file, line, name, InputErrorCode.DUPLICATE_COLUMN,
              "appears twice in the header (columns " + (earlier + 1) + " and " + (i + 1) + ")"
                  + (renamed(rawNames.get(earlier), name) || renamed(trimmed, name)
                      ? " after --map" : "")
                  + "; keep one"));
        }
      } else if (name.isEmpty()) {
        errors.add(new InputError(file, line, null, InputErrorCode.UNNAMED_COLUMN,
            "header column " + (i + 1) + " has no name; remove it (a trailing comma?) or name it"
                + " one of " + String.join(", ", columns.known())));
      } else {
        errors.add(new InputError(file, line, trimmed, InputErrorCode.UNKNOWN_COLUMN,
            "unknown column; expected one of " + String.join(", ", columns.known())
                + " (a misspelt column would silently lose its data); "
                + unknownColumnAdvice(written, columns)));
      }
    }
    for (String required : columns.required()) {
      if (!indexByName.containsKey(required)) {
        errors.add(new InputError(file, line, required, InputErrorCode.MISSING_COLUMN,
            "missing required column"
                + (applied.renames().isEmpty() ? "" : " (after --map " + describe(applied) + ")")));
      }
    }
    if (columns.known() != null) {
      indexByName.keySet().retainAll(columns.known());
    } else {
      indexByName.remove("");
    }
    return new Header(line, rawNames, names, indexByName);
  }

  /**
   * Whether an error of the header leaves its other columns readable: an unknown or unnamed column
   * is skipped and the rows are still checked, so one run lists every problem.
   */
  static boolean skipsColumn(InputError error) {
    return error.code() == InputErrorCode.UNKNOWN_COLUMN
        || error.code() == InputErrorCode.UNNAMED_COLUMN;
  }

  /** What to do about an unknown column: the {@code --map} that probably applies, or ignoring it. */
  private static String unknownColumnAdvice(String written, Columns columns) {
    String guess = ColumnHints.guess(written, columns.known());
    String map = columns.kind() == FileKind.SUBSCRIPTIONS ? "" : columns.kind().id() + ":";
    String ignore = "--ignore-columns " + map + written;
    return guess == null
        ? "to leave it out deliberately: " + ignore
        : "if it holds " + guess + ": --map " + map + written + "=" + guess + "; to leave it out: "
            + ignore;
  }

  /**
   * A single header name holding semicolons or tabs means the file is not comma-separated: one
   * error naming the separator says so, instead of an unknown column and every missing one.
   */
  private static boolean separatorInstead(String file, long line, String onlyName,
      List<InputError> errors) {
    String separator = onlyName.indexOf(';') >= 0 ? "semicolon"
        : onlyName.indexOf('\t') >= 0 ? "tab" : null;
    if (separator == null) {
      return false;
    }
    errors.add(new InputError(file, line, null, InputErrorCode.WRONG_SEPARATOR, "the file looks "
        + separator + "-separated; Upshift reads comma-separated CSV (RFC 4180): save or export"
        + " it with commas"));
    return true;
  }

  /** Whether a header cell as written became another name by the mapping. */
  private static boolean renamed(String written, String name) {
    return !written.strip().equalsIgnoreCase(name);
  }

  private static String describe(ColumnMapping.ForFile applied) {
    return String.join(",", applied.renames().entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue()).sorted().toList());
  }

  /** The line the header is on. */
  long line() {
    return line;
  }

  /** The header cells as written, for the rejects file. */
  List<String> rawNames() {
    return rawNames;
  }

  /** Number of cells in the header: every row must have as many. */
  int width() {
    return names.length;
  }

  /** The cell position of a column, or -1 when the file lacks it. */
  int index(String column) {
    Integer index = indexByName.get(column);
    return index == null ? -1 : index;
  }

  boolean has(String column) {
    return indexByName.containsKey(column);
  }

  /** The normalised name of the column at a position, or {@code null} past the header. */
  String nameAt(int index) {
    return index >= 0 && index < names.length ? names[index] : null;
  }

  /** Names of the usable columns other than {@code except}, in file order. */
  List<String> namesExcept(String except) {
    return Arrays.stream(names)
        .filter(name -> !name.equals(except) && indexByName.containsKey(name))
        .distinct()
        .toList();
  }
}
