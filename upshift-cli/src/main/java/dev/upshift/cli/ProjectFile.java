package dev.upshift.cli;

import dev.upshift.io.csv.FileKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code upshift.yaml} in a data folder: what a team would otherwise repeat on every command line
 * for its export. Immutable once read.
 *
 * <pre>
 * files:            # file names per kind, relative to the folder
 *   subscriptions: billing_export.csv
 * map:              # export column: §1 column (a kind's own map under its name)
 *   monthly_amount: mrr
 *   subscription_id: line_id
 *   customers: {client: customer_id}
 * ignore_columns: [sales_rep]
 * end_dates: inclusive
 * report:           # default report options, by their long names
 *   grain: quarter
 * </pre>
 *
 * @param path the file, for messages
 * @param files file names by kind ({@code subscriptions}, ..., {@code initiatives}), resolved
 * @param map {@code --map} entries
 * @param ignoreColumns {@code --ignore-columns} entries
 * @param endDates {@code --end-dates}, or {@code null}
 * @param report default values of {@code report} options by long name without dashes
 */
record ProjectFile(Path path, Map<String, Path> files, List<String> map,
    List<String> ignoreColumns, String endDates, Map<String, String> report) {

  /** The file's name in a data folder. */
  static final String NAME = "upshift.yaml";

  /** The word of initiatives.csv under {@code files:} (the analysis reads it, not the reader). */
  static final String INITIATIVES = "initiatives";

  private static final Set<String> KEYS = Set.of("files", "map", "ignore_columns", "end_dates",
      "report");

  ProjectFile {
    files = Map.copyOf(files);
    map = List.copyOf(map);
    ignoreColumns = List.copyOf(ignoreColumns);
    report = Map.copyOf(report);
  }

  /** The project file of a data folder, or {@code null} when it has none. */
  static ProjectFile in(Path folder) {
    Path file = folder.resolve(NAME);
    return Files.isRegularFile(file) ? read(file) : null;
  }

  /**
   * Reads a project file.
   *
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  static ProjectFile read(Path file) {
    Object root;
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
    } catch (YAMLException e) {
      throw new IllegalArgumentException(file + ": not valid YAML: "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
    Map<String, Object> top = root == null ? Map.of() : section(file, "the file", root);
    for (String key : top.keySet()) {
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException(file + ": unknown key '" + key + "'"
            + dev.upshift.input.NearMatches.didYouMean(key, KEYS) + "; the keys are end_dates,"
            + " files, ignore_columns, map, report");
      }
    }
    Path folder = file.toAbsolutePath().getParent();
    Map<String, Path> files = new LinkedHashMap<>();
    section(file, "files", top.getOrDefault("files", Map.of())).forEach((kind, name) -> {
      if (FileKind.byId(kind) == null && !kind.equals(INITIATIVES)) {
        throw new IllegalArgumentException(file + ": files: unknown kind '" + kind
            + "'; the kinds are subscriptions, customers, plans, health, targets, fx, initiatives");
      }
      files.put(kind, folder.resolve(scalar(file, "files." + kind, name)));
    });
    List<String> map = new ArrayList<>();
    section(file, "map", top.getOrDefault("map", Map.of())).forEach((source, target) -> {
      if (target instanceof Map<?, ?>) {
        section(file, "map." + source, target).forEach((inner, column) ->
            map.add(source + ":" + inner + "=" + scalar(file, "map." + source + "." + inner, column)));
      } else {
        map.add(source + "=" + scalar(file, "map." + source, target));
      }
    });
    List<String> ignored = new ArrayList<>();
    Object ignore = top.get("ignore_columns");
    if (ignore instanceof List<?> list) {
      list.forEach(item -> ignored.add(scalar(file, "ignore_columns", item)));
    } else if (ignore != null) {
      ignored.addAll(List.of(scalar(file, "ignore_columns", ignore).split(",")));
    }
    String endDates = top.containsKey("end_dates")
        ? scalar(file, "end_dates", top.get("end_dates")) : null;
    Map<String, String> report = new LinkedHashMap<>();
    section(file, "report", top.getOrDefault("report", Map.of())).forEach((option, value) ->
        report.put(option, value instanceof List<?> list
            ? String.join(",", list.stream().map(item -> scalar(file, "report." + option, item))
                .toList())
            : scalar(file, "report." + option, value)));
    return new ProjectFile(file, files, map, ignored, endDates, report);
  }

  /** A mapping of the file, with string keys. */
  private static Map<String, Object> section(Path file, String name, Object value) {
    if (!(value instanceof Map<?, ?> raw)) {
      throw new IllegalArgumentException(file + ": " + name + " must be a mapping of key: value");
    }
    Map<String, Object> section = new LinkedHashMap<>();
    raw.forEach((key, item) -> section.put(String.valueOf(key).strip(), item));
    return section;
  }

  /** A single value (text, number, boolean, date) as the command line would spell it. */
  private static String scalar(Path file, String key, Object value) {
    if (value == null || value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new IllegalArgumentException(file + ": " + key + " must be a single value");
    }
    if (value instanceof java.util.Date date) {
      // YAML reads 2024-01-01 as a timestamp; the command line wants the text back.
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString();
    }
    return String.valueOf(value).strip();
  }
}
