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

  /**
   * Resolves a header row, adding to {@code errors} every duplicate name, every unknown or unnamed
   * column of a strict file and every missing required column. The header is usable only when no
   * error was added.
   */
  static Header resolve(String file, long line, List<String> rawNames, Columns columns,
      List<InputError> errors) {
    String[] names = new String[rawNames.size()];
    Map<String, Integer> indexByName = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      String trimmed = rawNames.get(i).strip();
      String name = trimmed.toLowerCase(Locale.ROOT);
      names[i] = name;
      Integer earlier = indexByName.putIfAbsent(name, i);
      boolean known = columns.known() == null ? !name.isEmpty() : columns.known().contains(name);
      if (known || !columns.unknownIsError()) {
        // In lenient files an unknown column is ignored, and so is a second one of that name.
        if (earlier != null && known) {
          errors.add(new InputError(file, line, name, InputErrorCode.DUPLICATE_COLUMN,
              "appears twice in the header (columns " + (earlier + 1) + " and " + (i + 1)
                  + "); keep one"));
        }
      } else if (name.isEmpty()) {
        errors.add(new InputError(file, line, null, InputErrorCode.UNNAMED_COLUMN,
            "header column " + (i + 1) + " has no name; remove it (a trailing comma?) or name it"
                + " one of " + String.join(", ", columns.known())));
      } else {
        errors.add(new InputError(file, line, trimmed, InputErrorCode.UNKNOWN_COLUMN,
            "unknown column; expected one of " + String.join(", ", columns.known())
                + " (a misspelt column would silently lose its data)"));
      }
    }
    for (String required : columns.required()) {
      if (!indexByName.containsKey(required)) {
        errors.add(new InputError(file, line, required, InputErrorCode.MISSING_COLUMN,
            "missing required column"));
      }
    }
    if (columns.known() != null) {
      indexByName.keySet().retainAll(columns.known());
    } else {
      indexByName.remove("");
    }
    return new Header(line, rawNames, names, indexByName);
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
