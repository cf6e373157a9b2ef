package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.analysis.Initiative;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.IgnoredReason;
import dev.upshift.input.InputError;
import dev.upshift.input.InputException;
import dev.upshift.input.PlanCatalog;
import dev.upshift.io.csv.DatasetReader;
import dev.upshift.io.csv.InitiativesReader;
import dev.upshift.io.csv.InputFiles;
import dev.upshift.io.csv.SideFiles;
import dev.upshift.io.csv.SubscriptionColumns;
import dev.upshift.server.ingest.KindRules;
import dev.upshift.store.DataRecord;
import dev.upshift.store.RecordKind;
import dev.upshift.store.Snapshot;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads a workspace's records at one data version into {@link WorkspaceData}, through the same
 * reader as the command line: the records of each kind are written, in id order, as the CSV file of
 * §1 they are rows of, in a temporary directory, and read with {@link DatasetReader} (whose fast
 * path reads a clean subscriptions file on every core). A report from the API is therefore the
 * report of those files, field for field. Writing files rather than holding rows costs a little
 * disk and keeps memory to the dataset's columns, at any size.
 *
 * <p>Each phase's source line is mapped back to its record's id, for explanations. Thread-safe.
 */
public final class WorkspaceLoader {
  /** The columns written per kind; customers add every attribute seen. */
  private static final Map<RecordKind, List<String>> COLUMNS = Map.of(
      RecordKind.PHASES, SubscriptionColumns.NAMES,
      RecordKind.CUSTOMERS, List.of(DataRecord.CUSTOMER_ID),
      RecordKind.PLANS, List.of("product", "plan", "tier"),
      RecordKind.HEALTH, List.of("customer_id", "date", "score"),
      RecordKind.TARGETS, List.of("metric", "period", "value", "segment"),
      RecordKind.FX, List.of("currency", "rate"),
      RecordKind.INITIATIVES, List.of("name", "launch_date", "segment"));

  private final Store store;
  private final Path workDir;

  /** @param workDir where the temporary files go (created if missing) */
  public WorkspaceLoader(Store store, Path workDir) {
    this.store = requireNonNull(store, "store is null");
    this.workDir = requireNonNull(workDir, "workDir is null");
  }

  /** What was written in one snapshot. */
  private record Written(long dataVersion, Map<RecordKind, Path> files,
      Map<RecordKind, RecordIds> ids, Map<String, long[]> setAside) {}

  /**
   * Reads the workspace's records at its current data version.
   *
   * @param currency the reporting currency
   * @throws InvalidData when the records do not make a valid input in that currency
   */
  public WorkspaceData load(Workspace workspace, String currency) {
    Path dir = temporaryDirectory();
    try {
      Written written = store.read(workspace, snapshot -> write(snapshot, dir));
      InputFiles files = InputFiles.of(written.files().get(RecordKind.PHASES))
          .withCustomers(written.files().get(RecordKind.CUSTOMERS))
          .withPlans(written.files().get(RecordKind.PLANS))
          .withHealth(written.files().get(RecordKind.HEALTH))
          .withTargets(written.files().get(RecordKind.TARGETS))
          .withFx(written.files().get(RecordKind.FX))
          .withCurrency(currency);
      try {
        Path initiativesFile = written.files().get(RecordKind.INITIATIVES);
        List<Initiative> initiatives =
            initiativesFile == null ? List.of() : InitiativesReader.read(initiativesFile);
        return new WorkspaceData(written.dataVersion(), files.currency(),
            DatasetReader.read(files).dataset(), initiatives, written.ids().get(RecordKind.PHASES),
            written.setAside());
      } catch (InputException e) {
        throw invalid(e, written);
      }
    } finally {
      delete(dir);
    }
  }

  private Path temporaryDirectory() {
    try {
      Files.createDirectories(workDir);
      return Files.createTempDirectory(workDir, "upshift-read-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a working directory in " + workDir, e);
    }
  }

  /**
   * The customers' attributes in a snapshot, read as {@link #load} reads them (customers.csv,
   * through the command line's reader): what a live workspace takes when customers changed.
   */
  CustomerAttributes customers(Snapshot snapshot) {
    SideFiles side = readAlone(snapshot, RecordKind.CUSTOMERS);
    return side == null ? CustomerAttributes.empty() : side.customers();
  }

  /** The plans' tiers in a snapshot, read as {@link #load} reads them (plans.csv). */
  PlanCatalog plans(Snapshot snapshot) {
    SideFiles side = readAlone(snapshot, RecordKind.PLANS);
    return side == null ? PlanCatalog.empty() : side.plans();
  }

  /** One side file's records, written and read alone; {@code null} when there are none. */
  private SideFiles readAlone(Snapshot snapshot, RecordKind kind) {
    Path dir = temporaryDirectory();
    try {
      Path file = dir.resolve(KindRules.fileName(kind));
      List<String> columns =
          kind == RecordKind.CUSTOMERS ? customerColumns(snapshot) : COLUMNS.get(kind);
      if (writeFile(snapshot, kind, columns, file, null, record -> { }) == 0) {
        return null;
      }
      // Only this file is opened; the subscriptions path is never read.
      InputFiles files = InputFiles.of(dir.resolve("unread.csv"));
      files = kind == RecordKind.CUSTOMERS ? files.withCustomers(file) : files.withPlans(file);
      return DatasetReader.readSideFiles(files);
    } finally {
      delete(dir);
    }
  }

  /** customers.csv's columns: the customer id, then every attribute any record has. */
  private static List<String> customerColumns(Snapshot snapshot) {
    Set<String> all = new LinkedHashSet<>(COLUMNS.get(RecordKind.CUSTOMERS));
    snapshot.forEach(RecordKind.CUSTOMERS, record -> all.addAll(record.fields().keySet()));
    return List.copyOf(all);
  }

  private static Written write(Snapshot snapshot, Path dir) {
    Map<RecordKind, Path> files = new EnumMap<>(RecordKind.class);
    Map<RecordKind, RecordIds> ids = new EnumMap<>(RecordKind.class);
    Map<String, long[]> setAside = new HashMap<>();
    for (RecordKind kind : RecordKind.values()) {
      List<String> columns =
          kind == RecordKind.CUSTOMERS ? customerColumns(snapshot) : COLUMNS.get(kind);
      Path file = dir.resolve(KindRules.fileName(kind));
      // Ids are kept for the kinds a report can find a problem in (phases against rates and the
      // reporting currency; rates against it) and for explanations (phases); the others' records
      // were fully checked when stored and no option changes how they read.
      RecordIds kept = kind == RecordKind.PHASES || kind == RecordKind.FX ? new RecordIds() : null;
      Consumer<DataRecord> seen = kind != RecordKind.PHASES ? record -> { } : record -> {
        IgnoredReason reason = RowCounts.setAside(record);
        if (reason != null) {
          setAside.computeIfAbsent(record.customerId(), c -> new long[RowCounts.SIZE])
              [1 + reason.ordinal()]++;
        }
      };
      long rows = writeFile(snapshot, kind, columns, file, kept, seen);
      if (rows > 0 || kind == RecordKind.PHASES) {
        files.put(kind, file);
      }
      ids.put(kind, kept == null ? new RecordIds() : kept);
    }
    return new Written(snapshot.dataVersion(), files, ids, setAside);
  }

  /** Writes one kind's records as its CSV file; returns how many. */
  private static long writeFile(Snapshot snapshot, RecordKind kind, List<String> columns,
      Path file, RecordIds ids, Consumer<DataRecord> seen) {
    long[] count = new long[1];
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
        1 << 16)) {
      CsvLines csv = new CsvLines(out);
      csv.row(columns);
      List<String> cells = new ArrayList<>(columns.size());
      snapshot.forEach(kind, record -> {
        cells.clear();
        for (String column : columns) {
          cells.add(record.fields().getOrDefault(column, ""));
        }
        long line = csv.nextLine();
        if (ids != null) {
          ids.add(line, record.id());
        }
        csv.row(cells);
        seen.accept(record);
        count[0]++;
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return count[0];
  }

  private static InvalidData invalid(InputException e, Written written) {
    List<InvalidData.Problem> problems = new ArrayList<>();
    for (InputError error : e.errors()) {
      RecordKind kind = RecordKind.PHASES;
      for (Map.Entry<RecordKind, Path> file : written.files().entrySet()) {
        if (file.getValue().toString().equals(error.file())
            || file.getValue().getFileName().toString().equals(error.file())) {
          kind = file.getKey();
        }
      }
      String id = written.ids().get(kind).idAt(error.line());
      problems.add(new InvalidData.Problem(kind.wireName(), id, error.column(), error.code(),
          error.reason()));
    }
    return new InvalidData(problems, e.totalErrors());
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // A leftover temporary file is harmless; the next start does not depend on it.
    }
  }

  /** CSV rows (RFC 4180, LF line ends), counting the physical lines written. */
  private static final class CsvLines {
    private final Writer out;
    private long line = 1;

    CsvLines(Writer out) {
      this.out = out;
    }

    /** The line the next row starts on. */
    long nextLine() {
      return line;
    }

    void row(List<String> cells) {
      try {
        for (int i = 0; i < cells.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          String cell = cells.get(i);
          if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
              || cell.indexOf('\r') >= 0) {
            out.write('"');
            out.write(cell.replace("\"", "\"\""));
            out.write('"');
            line += cell.chars().filter(c -> c == '\n').count();
          } else {
            out.write(cell);
          }
        }
        out.write('\n');
        line++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
