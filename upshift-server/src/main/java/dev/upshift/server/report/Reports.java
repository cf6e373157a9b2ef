package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.upshift.Upshift;
import dev.upshift.analysis.Analysis;
import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.explain.CustomerExplanation;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.InputException;
import dev.upshift.input.PlanCatalog;
import dev.upshift.io.report.LedgerWriter;
import dev.upshift.metric.CustomerPeriod;
import dev.upshift.metric.RowSinks;
import dev.upshift.movement.Component;
import dev.upshift.movement.SeatMovement;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.server.ingest.Ingestor;
import dev.upshift.store.Snapshot;
import dev.upshift.store.Store;
import dev.upshift.store.Workspace;
import dev.upshift.time.Period;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Semaphore;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reports, ledgers and explanations of a workspace (SPEC §8.4), computed by the same engine and
 * options as {@code upshift report}, from its records at the current data version. The records of
 * a version are read once ({@link WorkspaceLoader}) and kept for the next requests; results are
 * kept per version and request, so a dashboard asking again costs nothing until the data changes.
 * Thread-safe.
 */
public final class Reports {
  private final Store store;
  private final WorkspaceLoader loader;
  private final Ingestor ingestor;
  private final ChangeLog changes = new ChangeLog();
  private final ConcurrentHashMap<LiveKey, LiveWorkspace> live = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LiveKey, Object> loading = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<LiveKey, Long> lastUsed = new ConcurrentHashMap<>();
  private final int liveEntries;
  private final AtomicLong liveUpdates = new AtomicLong();
  private final AtomicLong liveLoads = new AtomicLong();
  private final LruCache<DataKey, WorkspaceData> data;
  private final LruCache<ReportKey, Report> reports;
  private final LruCache<LedgerKey, Ledger> ledgers;
  /** Reports, ledgers and explanations being read or computed at once: two, or half the cores. */
  private final Semaphore computing =
      new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors() / 2), true);

  /**
   * @param dataEntries how many workspace versions to keep read (each holds its dataset), and how
   *     many workspaces (and reporting currencies) to keep live
   * @param resultEntries how many reports and ledgers to keep
   */
  public Reports(Store store, WorkspaceLoader loader, Ingestor ingestor, int dataEntries,
      int resultEntries) {
    this.store = requireNonNull(store, "store is null");
    this.loader = requireNonNull(loader, "loader is null");
    this.ingestor = requireNonNull(ingestor, "ingestor is null");
    ingestor.addListener(changes);
    this.data = new LruCache<>(dataEntries);
    this.liveEntries = dataEntries;
    this.reports = new LruCache<>(resultEntries);
    this.ledgers = new LruCache<>(resultEntries);
  }

  private record DataKey(long workspace, long dataVersion, String currency) {}

  private record LiveKey(long workspace, String currency) {}

  private record ReportKey(DataKey data, ReportRequest request, boolean dashboard) {}

  private record LedgerKey(DataKey data, ReportRequest request, String period, String component,
      SegmentFilter segment) {}

  /** A report and the data version it was computed at. */
  public record Computed(Report report, long dataVersion) {}

  /**
   * The report (§7.2), with the analysis when asked for.
   *
   * @param dashboard whether it is for the HTML or XLSX export, which always carry the analysis
   *     and the tenure, initial ARR and health segments (as {@code upshift report --format html})
   * @throws InvalidData when the stored records do not make a valid input for the request
   * @throws IllegalArgumentException when an option does not fit the data (an unknown dimension)
   */
  public Computed report(Workspace workspace, ReportRequest request, boolean dashboard) {
    if (!request.analysis() && !dashboard) {
      return live(workspace, request.currency()).report(request.options());
    }
    return bounded(() -> reportNow(workspace, request, dashboard));
  }

  private Computed reportNow(Workspace workspace, ReportRequest request, boolean dashboard) {
    WorkspaceData read = current(workspace, request.currency());
    DataKey key = new DataKey(workspace.id(), read.dataVersion(), read.currency());
    Report report = reports.get(new ReportKey(key, request, dashboard),
        () -> compute(read, request, dashboard));
    return new Computed(report, read.dataVersion());
  }

  private static Report compute(WorkspaceData read, ReportRequest request, boolean dashboard) {
    ReportOptions options = dashboard
        ? Analysis.withDashboardDimensions(request.options()) : request.options();
    if (!request.analysis() && !dashboard) {
      return Upshift.report(read.dataset(), options);
    }
    AnalysisOptions analysis = AnalysisOptions.defaults().withCohortGrain(request.cohortGrain())
        .withInitiatives(read.initiatives());
    return Upshift.analyze(read.dataset(), options, analysis, (RowSinks<?>) null, done -> { });
  }

  /** The seat waterfall's steps by the name {@code component=} gives them (the §7.2 field's). */
  private static final Map<String, SeatMovement> SEAT_STEPS = Map.of(
      "seatsNew", SeatMovement.NEW, "seatsExpansion", SeatMovement.EXPANSION,
      "seatsChurned", SeatMovement.CHURNED, "seatsDowngraded", SeatMovement.DOWNGRADED);

  /**
   * The names {@code component=} takes: the ARR components, their sums, the customer flags and the
   * seat waterfall's steps.
   */
  public static final List<String> COMPONENTS = components();

  private static List<String> components() {
    List<String> names = new ArrayList<>();
    for (Component component : Component.values()) {
      names.add(component.jsonName());
    }
    names.addAll(List.of("upsellRamp", "expansion", "contraction", "netNew", "upsellUsers",
        "eligible", "upsold"));
    // The Total Users waterfall's steps (§4.3): their rows' seat_movement sums to the figure.
    names.addAll(SEAT_STEPS.keySet());
    return List.copyOf(names);
  }

  /**
   * The ledger rows (§7.3) of one period behind one figure: every row of the period, or those with
   * a non-zero {@code component} (an ARR component or sum) or the flag set ({@code upsellUsers},
   * {@code eligible}, {@code upsold}); of one segment when {@code segment} is given. Summing the
   * figure's column over the rows gives the report's figure.
   *
   * @param period a period label of the report
   * @param component one of {@link #COMPONENTS}, or {@code null} for every row
   * @param segment {@code dim=value}, or {@code null} (the request's {@code where}, if any, applies)
   * @throws IllegalArgumentException for an unknown period or component, or a segment beside a
   *     different {@code where}
   */
  public Ledger ledger(Workspace workspace, ReportRequest request, String period,
      String component, SegmentFilter segment) {
    return bounded(() -> ledgerNow(workspace, request, period, component, segment));
  }

  private Ledger ledgerNow(Workspace workspace, ReportRequest request, String period,
      String component, SegmentFilter segment) {
    requireNonNull(period, "period is null");
    if (component != null && !COMPONENTS.contains(component)) {
      throw new IllegalArgumentException("unknown component '" + component + "'; use one of "
          + String.join(", ", COMPONENTS));
    }
    ReportOptions options = request.options();
    if (segment != null) {
      if (options.where() != null && !options.where().equals(segment)) {
        throw new IllegalArgumentException("segment " + segment + " and where " + options.where()
            + " name different segments; give one");
      }
      options = options.toBuilder().where(segment).build();
    }
    ReportRequest filtered = new ReportRequest(options, false, null, request.currency());
    WorkspaceData read = current(workspace, request.currency());
    DataKey key = new DataKey(workspace.id(), read.dataVersion(), read.currency());
    return ledgers.get(new LedgerKey(key, filtered, period, component, segment),
        () -> computeLedger(read, filtered.options(), period, component));
  }

  /**
   * Ledger rows.
   *
   * @param csv the rows as the CSV of {@code upshift report --ledger}, header included
   * @param rows the same rows as column name to value (amounts exact, flags 0 or 1)
   * @param customerIds each row's customer, in row order (customer-id order)
   * @param dataVersion the data version they were computed at
   */
  public record Ledger(byte[] csv, List<Map<String, Object>> rows, List<String> customerIds,
      long dataVersion) {
    public Ledger {
      rows = List.copyOf(rows);
      customerIds = List.copyOf(customerIds);
    }
  }

  private static Ledger computeLedger(WorkspaceData read, ReportOptions options, String label,
      String component) {
    List<Period> periods = Upshift.periods(read.dataset(), options);
    int index = -1;
    for (int i = 0; i < periods.size(); i++) {
      if (periods.get(i).label().equals(label)) {
        index = i + 1; // rows number the reported periods from 1
      }
    }
    if (index < 0) {
      throw new IllegalArgumentException("the report has no period '" + label + "'; its periods"
          + " are " + periods.get(0).label() + " to " + periods.get(periods.size() - 1).label());
    }
    int periodIndex = index;
    Predicate<CustomerPeriod> wanted = row -> row.periodIndex() == periodIndex && row.inLedger()
        && (component == null || has(row, component));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<String> customers = new ArrayList<>();
    LedgerWriter writer = new LedgerWriter(periods, bytes);
    Upshift.report(read.dataset(), options, RowSinks.ordered(wanted, row -> {
      customers.add(row.customerId());
      writer.accept(row);
    }), done -> { });
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] csv = bytes.toByteArray();
    return new Ledger(csv, rowsOf(csv, customers), customers, read.dataVersion());
  }

  private static boolean has(CustomerPeriod row, String component) {
    var m = row.movement();
    return switch (component) {
      case "upsellRamp" -> m.upsellRamp() != 0;
      case "expansion" -> m.expansion() != 0;
      case "contraction" -> m.contraction() != 0;
      case "netNew" -> m.netNew() != 0;
      case "upsellUsers" -> m.upsellUser();
      case "eligible" -> row.eligible();
      case "upsold" -> row.upsold();
      case "seatsNew", "seatsExpansion", "seatsChurned", "seatsDowngraded" ->
          SeatMovement.of(m.seats0(), m.seats1()) == SEAT_STEPS.get(component);
      default -> {
        for (Component c : Component.values()) {
          if (c.jsonName().equals(component)) {
            yield m.component(c) != 0;
          }
        }
        throw new IllegalArgumentException("unknown component " + component);
      }
    };
  }

  /**
   * The CSV rows as maps: amounts and flags as exact numbers, the status as text ({@code null}
   * when empty), the customer id as stored (the CSV cell may be neutralised against formulas).
   */
  private static List<Map<String, Object>> rowsOf(byte[] csv, List<String> customers) {
    List<Map<String, Object>> rows = new ArrayList<>(customers.size());
    try (CsvReader<CsvRecord> reader = CsvReader.builder()
        .ofCsvRecord(new String(csv, StandardCharsets.UTF_8))) {
      int i = -1;
      for (CsvRecord record : reader) {
        if (i++ < 0) {
          continue; // the header
        }
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 0; c < LedgerWriter.HEADER.size(); c++) {
          String name = LedgerWriter.HEADER.get(c);
          String cell = record.getField(c);
          row.put(name, switch (name) {
            case "period" -> cell;
            case "customer_id" -> customers.get(i - 1);
            case "status" -> cell.isEmpty() ? null : cell;
            default -> new BigDecimal(cell);
          });
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  /**
   * One customer's explanation (§8.4) at the current data version.
   *
   * @throws java.util.NoSuchElementException when the workspace has no phases of the customer
   */
  public Explained explain(Workspace workspace, ReportRequest request, String customerId) {
    return bounded(() -> explainNow(workspace, request, customerId));
  }

  private Explained explainNow(Workspace workspace, ReportRequest request, String customerId) {
    WorkspaceData read = current(workspace, request.currency());
    if (read.dataset().table().indexOfCustomer(customerId) < 0) {
      throw new java.util.NoSuchElementException("no customer \"" + customerId + "\"");
    }
    CustomerExplanation explanation =
        Upshift.explain(read.dataset(), request.options(), customerId);
    return new Explained(explanation, read);
  }

  /** An explanation with the data it was computed from (whose phase ids it cites). */
  public record Explained(CustomerExplanation explanation, WorkspaceData data) {}

  /**
   * The workspace's live state at the store's data version (or a later one): caught up from the
   * version it holds by reading the customers changed since, or loaded in full the first time, or
   * when a change it cannot follow came in between.
   */
  private LiveWorkspace live(Workspace workspace, String currency) {
    LiveKey key = new LiveKey(workspace.id(), currency);
    lastUsed.put(key, System.nanoTime());
    long version = store.dataVersion(workspace);
    LiveWorkspace state = live.get(key);
    if (state != null && state.version() >= version) {
      return state;
    }
    synchronized (loading.computeIfAbsent(key, k -> new Object())) {
      state = live.get(key);
      if (state != null) {
        LiveWorkspace held = state;
        if (held.version() >= version) {
          return held;
        }
        // In the workspace's turn, every version this process wrote has been announced.
        Step step = ingestor.whileIdle(workspace,
            () -> store.read(workspace, snapshot -> step(workspace, held, snapshot)));
        if (step != null) {
          // Outside the turn and the read: a moved range recomputes a configuration in full.
          held.update(step.version(), step.customers(), step.attributes(), step.attributesOf(),
              step.plans());
          liveUpdates.incrementAndGet();
          return held;
        }
        live.remove(key); // let its memory go before the new one is read
      }
      liveLoads.incrementAndGet();
      makeRoom(key);
      LiveWorkspace loaded = new LiveWorkspace(loader.load(workspace, currency));
      live.put(key, loaded);
      return loaded;
    }
  }

  /** Lets the least recently used live workspaces go until {@code key}'s fits. */
  private void makeRoom(LiveKey key) {
    while (live.size() >= liveEntries) {
      LiveKey oldest = null;
      for (LiveKey other : live.keySet()) {
        if (!other.equals(key) && (oldest == null
            || lastUsed.getOrDefault(other, 0L) < lastUsed.getOrDefault(oldest, 0L))) {
          oldest = other;
        }
      }
      if (oldest == null) {
        return;
      }
      live.remove(oldest);
    }
  }

  /**
   * What moves a live state to a snapshot's version.
   *
   * @param customers the customers whose phases changed, with their phases now
   * @param attributes every customer's attributes now
   * @param attributesOf the customers whose attributes changed
   * @param plans the plans' tiers now, or {@code null} when they did not change
   */
  private record Step(long version, Map<String, LiveWorkspace.Customer> customers,
      CustomerAttributes attributes, Set<String> attributesOf, PlanCatalog plans) {}

  /**
   * What moves {@code state} to the snapshot's version, if every change in between was announced
   * and touched only phases, customers, plans or initiatives (which no plain report reads);
   * otherwise {@code null}.
   */
  private Step step(Workspace workspace, LiveWorkspace state, Snapshot snapshot) {
    List<Ingestor.Change> path =
        changes.between(workspace.id(), state.version(), snapshot.dataVersion());
    if (path == null) {
      return null;
    }
    Set<String> customers = new HashSet<>();
    Set<String> attributesOf = new HashSet<>();
    boolean plansChanged = false;
    for (Ingestor.Change change : path) {
      switch (change.kind()) {
        case PHASES -> customers.addAll(change.customers());
        case CUSTOMERS -> attributesOf.addAll(change.customers());
        case PLANS -> plansChanged = true;
        case INITIATIVES -> { }
        default -> {
          return null; // a dataset-wide input changed: loaded again in full
        }
      }
    }
    Map<String, LiveWorkspace.Customer> now;
    try {
      now = CustomerReader.read(snapshot, customers, state.currency());
    } catch (InputException e) {
      return null; // the full load names the records at fault
    }
    CustomerAttributes attributes = state.attributes();
    PlanCatalog plans = null;
    try {
      if (!attributesOf.isEmpty()) {
        attributes = loader.customers(snapshot);
        if (!attributes.names().equals(state.attributes().names())) {
          return null; // a new or dropped column: dimensions resolve differently
        }
      }
      if (plansChanged) {
        plans = loader.plans(snapshot);
      }
    } catch (InputException e) {
      return null;
    }
    return new Step(snapshot.dataVersion(), now, attributes, attributesOf, plans);
  }

  /**
   * Runs a request's reading and computing while holding one of the permits: each holds a
   * workspace version's data and the engine's working memory, so under clients that keep changing
   * the data — every request a new version — unbounded concurrency ran the server out of memory
   * (found by the reliability suite's load test). The others queue.
   */
  private <T> T bounded(Supplier<T> work) {
    computing.acquireUninterruptibly();
    try {
      return work.get();
    } finally {
      computing.release();
    }
  }

  /** The workspace's records at its current data version, read once per version. */
  private WorkspaceData current(Workspace workspace, String currency) {
    long version = store.dataVersion(workspace);
    // Results of a workspace's older versions are never asked for again (requests read the
    // current one): kept, 64 ledgers of a large workspace ran the server out of memory while
    // clients kept changing its data (found by the reliability suite's load test).
    Predicate<DataKey> older = key -> key.workspace() == workspace.id() && key.dataVersion() < version;
    reports.removeIf(key -> older.test(key.data()));
    ledgers.removeIf(key -> older.test(key.data()));
    LiveWorkspace state = live.get(new LiveKey(workspace.id(), currency));
    WorkspaceData held = state == null ? null : state.unchangedData();
    if (held != null && held.dataVersion() == version) {
      return held; // the live state's full load serves the other results too
    }
    return data.get(new DataKey(workspace.id(), version, currency),
        () -> loader.load(workspace, currency));
  }

  /** Cache statistics, for the metrics. */
  public long cacheHits() {
    return data.hits() + reports.hits() + ledgers.hits();
  }

  public long cacheMisses() {
    return data.misses() + reports.misses() + ledgers.misses();
  }

  /** How many times a live workspace was moved to a newer version by its changed customers. */
  public long liveUpdates() {
    return liveUpdates.get();
  }

  /** How many times a live workspace was loaded in full (first use, or a change not followed). */
  public long liveLoads() {
    return liveLoads.get();
  }
}
