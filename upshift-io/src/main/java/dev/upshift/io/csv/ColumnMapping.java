package dev.upshift.io.csv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How the columns of an export that was not written for Upshift become §1 columns: renames ({@code
 * monthly_amount=mrr}) and columns deliberately left out ({@code sales_rep}). Applied to each
 * header before its names are checked, so every reader, fast or strict, sees only §1 names; the
 * rows themselves are untouched. Immutable.
 *
 * <p>An entry may be scoped to one kind of file ({@code customers:client=customer_id}); an
 * unscoped rename applies to every file whose kind has its target as a named column (so {@code
 * account=customer_id} renames the column in subscriptions.csv and customers.csv alike, while a
 * customers.csv attribute needs the scope), and an unscoped ignored column is left out of every
 * file.
 *
 * @param renames the renames, in the order given
 * @param ignored the columns left out, in the order given
 */
public record ColumnMapping(List<Rename> renames, List<Ignored> ignored) {
  /** No mapping: every file must use the §1 names. */
  public static final ColumnMapping NONE = new ColumnMapping(List.of(), List.of());

  /**
   * One rename.
   *
   * @param kind the kind of file it applies to, or {@code null} for every kind
   * @param source the column as the export names it (compared case-insensitively, kept lower-case)
   * @param target the §1 column it holds (lower-case)
   */
  public record Rename(FileKind kind, String source, String target) {
    public Rename {
      source = name(source, "the column to rename");
      target = name(target, "the column it becomes");
      if (source.equals(target)) {
        throw new IllegalArgumentException("--map " + source + "=" + target
            + " renames a column to itself");
      }
      if (kind != null && !kind.columns().accepts(target)) {
        throw new IllegalArgumentException("--map " + kind.id() + ":" + source + "=" + target
            + ": " + kind.standardName() + " has no column " + target + "; its columns are "
            + String.join(", ", kind.columns().known()));
      }
      String column = target;
      if (kind == null && Arrays.stream(FileKind.values()).noneMatch(k -> named(k, column))) {
        throw new IllegalArgumentException("--map " + source + "=" + target + ": no input file"
            + " has a column " + target + " (subscriptions.csv has "
            + String.join(", ", SubscriptionColumns.NAMES) + "); for a customers.csv attribute"
            + " write customers:" + source + "=" + target);
      }
    }

    /** Whether this rename applies to a file of that kind. */
    boolean appliesTo(FileKind fileKind) {
      return kind == null ? named(fileKind, target) : kind == fileKind;
    }

    @Override
    public String toString() {
      return (kind == null ? "" : kind.id() + ":") + source + "=" + target;
    }
  }

  /**
   * One column deliberately left out.
   *
   * @param kind the kind of file it applies to, or {@code null} for every kind
   * @param column the column's name (compared case-insensitively, kept lower-case)
   */
  public record Ignored(FileKind kind, String column) {
    public Ignored {
      column = name(column, "the column to ignore");
    }

    boolean appliesTo(FileKind fileKind) {
      return kind == null || kind == fileKind;
    }

    @Override
    public String toString() {
      return (kind == null ? "" : kind.id() + ":") + column;
    }
  }

  /** What applies to one file: renames by source name, and the columns left out. */
  record ForFile(Map<String, String> renames, Set<String> ignored) {
    static final ForFile NONE = new ForFile(Map.of(), Set.of());

    boolean isEmpty() {
      return renames.isEmpty() && ignored.isEmpty();
    }
  }

  public ColumnMapping {
    renames = List.copyOf(renames);
    ignored = List.copyOf(ignored);
    Map<String, Rename> bySource = new HashMap<>();
    for (Rename rename : renames) {
      String key = (rename.kind() == null ? "" : rename.kind().id()) + ":" + rename.source();
      Rename earlier = bySource.putIfAbsent(key, rename);
      if (earlier != null && !earlier.equals(rename)) {
        throw new IllegalArgumentException("--map " + earlier + " and --map " + rename
            + " rename the same column two ways");
      }
    }
    Set<String> renamedSources = new HashSet<>();
    renames.forEach(rename -> renamedSources.add(rename.source()));
    for (Ignored column : ignored) {
      if (renamedSources.contains(column.column())) {
        throw new IllegalArgumentException("column " + column.column()
            + " is both mapped (--map) and ignored (--ignore-columns); choose one");
      }
    }
  }

  /**
   * Parses {@code --map} entries ({@code [kind:]source=target}) and {@code --ignore-columns}
   * entries ({@code [kind:]column}).
   *
   * @throws IllegalArgumentException naming the entry that is wrong and why
   */
  public static ColumnMapping parse(List<String> maps, List<String> ignores) {
    List<Rename> renames = new ArrayList<>();
    for (String entry : maps) {
      String[] scoped = scope(entry, "--map");
      int equals = scoped[1].indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException("--map takes SOURCE=TARGET, e.g. monthly_amount=mrr,"
            + " not '" + entry + "'");
      }
      renames.add(new Rename(scoped[0].isEmpty() ? null : FileKind.byId(scoped[0]),
          scoped[1].substring(0, equals), scoped[1].substring(equals + 1)));
    }
    List<Ignored> ignored = new ArrayList<>();
    for (String entry : ignores) {
      String[] scoped = scope(entry, "--ignore-columns");
      ignored.add(new Ignored(scoped[0].isEmpty() ? null : FileKind.byId(scoped[0]), scoped[1]));
    }
    return new ColumnMapping(renames, ignored);
  }

  /** Splits {@code kind:rest} into the kind word ("" when unscoped) and the rest. */
  private static String[] scope(String entry, String option) {
    int colon = entry.indexOf(':');
    if (colon < 0) {
      return new String[] {"", entry};
    }
    String kind = entry.substring(0, colon).strip();
    if (FileKind.byId(kind) == null) {
      throw new IllegalArgumentException(option + " " + entry + ": '" + kind
          + "' is not a kind of input file; use one of "
          + String.join(", ", Arrays.stream(FileKind.values()).map(FileKind::id).toList()));
    }
    return new String[] {kind, entry.substring(colon + 1)};
  }

  public boolean isEmpty() {
    return renames.isEmpty() && ignored.isEmpty();
  }

  /** The entries that apply to a file of that kind; a scoped rename wins over an unscoped one. */
  ForFile forKind(FileKind kind) {
    if (isEmpty()) {
      return ForFile.NONE;
    }
    Map<String, String> bySource = new LinkedHashMap<>();
    for (Rename rename : renames) {
      if (rename.kind() == null && rename.appliesTo(kind)) {
        bySource.putIfAbsent(rename.source(), rename.target());
      }
    }
    for (Rename rename : renames) {
      if (rename.kind() == kind) {
        bySource.put(rename.source(), rename.target());
      }
    }
    Set<String> left = new HashSet<>();
    for (Ignored column : ignored) {
      if (column.appliesTo(kind)) {
        left.add(column.column());
      }
    }
    return new ForFile(Map.copyOf(bySource), Set.copyOf(left));
  }

  /**
   * The entries that match no column of the CSV files given: a mapping that applies nowhere is
   * probably misspelt, and in a lenient file (customers.csv) nothing else would say so. Files that
   * cannot be read as CSV (a Parquet subscriptions file) make every entry that could apply to
   * them count as matched; their errors are the reader's to report.
   */
  public List<String> unmatched(InputFiles files) {
    if (isEmpty()) {
      return List.of();
    }
    Map<FileKind, java.nio.file.Path> paths = new LinkedHashMap<>();
    paths.put(FileKind.SUBSCRIPTIONS, files.subscriptions());
    paths.put(FileKind.CUSTOMERS, files.customers());
    paths.put(FileKind.PLANS, files.plans());
    paths.put(FileKind.HEALTH, files.health());
    paths.put(FileKind.TARGETS, files.targets());
    paths.put(FileKind.FX, files.fx());
    Set<Object> matched = new HashSet<>();
    paths.forEach((kind, path) -> {
      if (path == null) {
        return;
      }
      Set<String> header = headerNames(path);
      for (Rename rename : renames) {
        if (rename.appliesTo(kind) && (header == null || header.contains(rename.source()))) {
          matched.add(rename);
        }
      }
      for (Ignored column : ignored) {
        if (column.appliesTo(kind) && (header == null || header.contains(column.column()))) {
          matched.add(column);
        }
      }
    });
    List<String> unmatched = new ArrayList<>();
    renames.stream().filter(rename -> !matched.contains(rename))
        .forEach(rename -> unmatched.add("--map " + rename));
    ignored.stream().filter(column -> !matched.contains(column))
        .forEach(column -> unmatched.add("--ignore-columns " + column));
    return unmatched;
  }

  /** The lower-cased names of a CSV file's header, or {@code null} when it cannot be read. */
  private static Set<String> headerNames(java.nio.file.Path path) {
    try (CsvTable table = CsvTable.open(path)) {
      CsvTable.Row first = table.next();
      if (first == null || !first.problems().isEmpty()) {
        return null;
      }
      Set<String> names = new HashSet<>();
      first.cells().forEach(cell -> names.add(cell.strip().toLowerCase(Locale.ROOT)));
      return names;
    } catch (java.io.IOException | CsvTable.UnreadableException | RuntimeException e) {
      return null;
    }
  }

  /** Whether a kind of file names that column (customers.csv names only customer_id). */
  private static boolean named(FileKind kind, String column) {
    List<String> known = kind.columns().known();
    return known == null ? kind.columns().required().contains(column) : known.contains(column);
  }

  private static String name(String text, String what) {
    String name = requireNonNull(text, what).strip().toLowerCase(Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " is empty");
    }
    return name;
  }
}
