package dev.upshift.reference;

import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PlanCatalog;
import dev.upshift.money.Micros;
import dev.upshift.report.ReportOptions;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A throwaway reader for the worked examples in {@code shared/golden}: the CSVs there are
 * simple (no quotes, no BOM, {@code arr} price form only), so a split on commas is enough. Not a
 * general CSV reader.
 */
final class GoldenExample {
  /** Where the examples live; overridable with {@code -Dupshift.golden=DIR}. */
  static final Path ROOT = locate();

  /** {@code -Dupshift.golden}, else the first {@code shared/golden} found walking up from here. */
  private static Path locate() {
    String configured = System.getProperty("upshift.golden");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("golden");
      if (java.nio.file.Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("cannot find shared/golden beside the repository; "
        + "set -Dupshift.golden=/path/to/shared/golden");
  }

  private GoldenExample() {}

  static Path folder(String name) {
    return ROOT.resolve(name);
  }

  /** The dataset of a folder: its subscriptions.csv and, when present, plans.csv. */
  static Dataset dataset(Path folder) {
    Dataset.Builder builder = Dataset.builder().addAll(phases(folder.resolve("subscriptions.csv")));
    Path plans = folder.resolve("plans.csv");
    if (Files.exists(plans)) {
      builder.plans(plans(plans));
    }
    return builder.build();
  }

  /** The report options of a folder's command.txt (--from, --to, --grain, --book). */
  static ReportOptions options(Path folder) {
    String[] args = read(folder.resolve("command.txt")).get(0).trim().split("\\s+");
    ReportOptions.Builder options = ReportOptions.builder();
    for (int i = 0; i < args.length - 1; i++) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--from" -> options.from(YearMonth.parse(value));
        case "--to" -> options.to(YearMonth.parse(value));
        case "--grain" -> options.grain(Grain.parse(value).orElseThrow());
        case "--book" -> options.book(Book.parse(value).orElseThrow());
        default -> { }
      }
    }
    return options.build();
  }

  static List<Phase> phases(Path file) {
    List<String> lines = read(file);
    List<String> header = List.of(lines.get(0).toLowerCase(Locale.ROOT).split(",", -1));
    List<Phase> phases = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] cells = lines.get(i).split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.size(); c++) {
        row.put(header.get(c).trim(), c < cells.length ? cells[c].trim() : "");
      }
      String product = orDefault(row.get("product"), "default");
      LocalDate start = LocalDate.parse(row.get("start_date"));
      LocalDate end = date(row.get("end_date"));
      LocalDate signed = date(row.get("signed_date"));
      LocalDate cancelSigned = date(row.get("cancel_signed_date"));
      String tier = row.getOrDefault("tier", "");
      String seats = row.getOrDefault("seats", "");
      phases.add(new Phase(
          row.get("customer_id"),
          orDefault(row.get("line_id"), product),
          product,
          blankToNull(row.get("plan")),
          tier.isEmpty() ? null : Integer.valueOf(tier),
          seats.isEmpty() ? 0 : Integer.parseInt(seats),
          Micros.of(new BigDecimal(row.get("arr"))),
          start,
          end,
          signed != null ? signed : start,
          end == null ? null : (cancelSigned != null ? cancelSigned : end),
          orDefault(row.get("status"), "active").isEmpty() ? PhaseStatus.ACTIVE
              : PhaseStatus.parse(orDefault(row.get("status"), "active")).orElseThrow(),
          PhaseKind.parse(orDefault(row.get("kind"), "recurring")).orElseThrow(),
          i + 1));
    }
    return phases;
  }

  static PlanCatalog plans(Path file) {
    List<String> lines = read(file);
    PlanCatalog.Builder catalog = PlanCatalog.builder();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] cells = lines.get(i).split(",", -1);
      catalog.put(cells[0].trim(), cells[1].trim(), Integer.parseInt(cells[2].trim()));
    }
    return catalog.build();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String orDefault(String cell, String fallback) {
    return cell == null || cell.isEmpty() ? fallback : cell;
  }

  private static String blankToNull(String cell) {
    return cell == null || cell.isEmpty() ? null : cell;
  }

  private static LocalDate date(String cell) {
    return cell == null || cell.isEmpty() ? null : LocalDate.parse(cell);
  }
}
