package dev.upshift.server.report;

import static java.util.Objects.requireNonNull;

import dev.upshift.DataFacts;
import dev.upshift.ReportContext;
import dev.upshift.Upshift;
import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.FxRates;
import dev.upshift.input.InputSummary;
import dev.upshift.input.PhaseTable;
import dev.upshift.input.PlanCatalog;
import dev.upshift.metric.MetricTotals;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One workspace's phases in memory at one data version, and the totals of every report
 * configuration asked for recently, kept current customer by customer (issue #11).
 *
 * <p>The phases are the table read at the last full load (the base) and, for every customer
 * changed since, that customer's phases as a table of its own (the changed customers). When the
 * data moves to a new version that changed some customers' phases, each kept configuration's totals
 * lose those customers' old contributions and gain their new ones ({@link MetricTotals} is a
 * group), and the dataset-wide facts of the context ({@link DataFacts}: top tiers, the default
 * range) are recounted: if they did not change, nothing else is computed; if only a product's
 * top tier did, the customers holding that product are computed again; if the resolved range did,
 * that configuration is computed again in full. Changed customer attributes move the customers
 * named in the configurations that cut by an attribute; changed plans move the customers holding
 * a product whose tiers changed. Every other kind of change (health, targets, rates) is a new full
 * load, by the caller.
 *
 * <p>Every method holds this object's lock: a reader gets a report and the version it belongs to
 * together, never a report half updated.
 */
final class LiveWorkspace {
  /** Report configurations kept current. */
  static final int CONFIGURATIONS = 32;

  private final WorkspaceData base;
  private final PhaseTable baseTable;
  private final Map<String, Integer> baseIndex;
  private final Map<String, Customer> changed = new HashMap<>();
  private FactCounts factCounts;
  private final long[] rowCounts;
  private final long rejectedRows;
  private final LinkedHashMap<ReportOptions, Configuration> configurations =
      new LinkedHashMap<>(16, 0.75f, true);
  private long version;
  private DataFacts facts;
  private CustomerAttributes attributes;
  private PlanCatalog plans;
  /** Whether customers or plans changed since the load, so that its dataset no longer holds. */
  private boolean sideFilesChanged;

  /**
   * One customer's phases: its rows of lines and the counts of its rows set aside.
   *
   * @param table the customer's rows of lines alone (empty when it has none)
   * @param setAside its set-aside rows by {@link RowCounts} index
   */
  record Customer(PhaseTable table, long[] setAside) {
    Customer {
      requireNonNull(table, "table is null");
      requireNonNull(setAside, "setAside is null");
    }
  }

  /** A configuration's context and totals at {@link #version}, and the report they make. */
  private static final class Configuration {
    ReportContext context;
    MetricTotals totals;
    Report report;
  }

  LiveWorkspace(WorkspaceData base) {
    this.base = requireNonNull(base, "base is null");
    this.baseTable = base.dataset().table();
    this.baseIndex = new HashMap<>(baseTable.customerCount() * 4 / 3 + 1);
    for (int c = 0; c < baseTable.customerCount(); c++) {
      baseIndex.put(baseTable.customerId(c), c);
    }
    this.factCounts = new FactCounts(base.dataset().plans());
    factCounts.add(baseTable, 1);
    this.facts = factCounts.facts();
    InputSummary summary = base.dataset().summary();
    this.rowCounts = RowCounts.of(summary);
    this.rejectedRows = summary.rejectedRows();
    this.version = base.dataVersion();
    this.attributes = base.dataset().customers();
    this.plans = base.dataset().plans();
  }

  String currency() {
    return base.currency();
  }

  /** The customers' attributes at {@link #version}. */
  synchronized CustomerAttributes attributes() {
    return attributes;
  }

  synchronized long version() {
    return version;
  }

  /** The data of the last full load, when no customer changed since; else {@code null}. */
  synchronized WorkspaceData unchangedData() {
    return changed.isEmpty() && !sideFilesChanged && version == base.dataVersion() ? base : null;
  }

  /**
   * The report of {@code options} at {@link #version}, computed in full the first time.
   *
   * @throws IllegalArgumentException when an option does not fit the data
   */
  synchronized Reports.Computed report(ReportOptions options) {
    Configuration configuration = configurations.get(options);
    if (configuration == null) {
      configuration = new Configuration();
      computeInFull(configuration, context(options));
      configurations.put(options, configuration);
      if (configurations.size() > CONFIGURATIONS) {
        configurations.remove(configurations.keySet().iterator().next());
      }
    }
    return new Reports.Computed(configuration.report, version);
  }

  /** One customer's phases at {@link #version}: as changed since the load, else the load's. */
  private Customer current(String customerId) {
    Customer now = changed.get(customerId);
    if (now != null) {
      return now;
    }
    Integer index = baseIndex.get(customerId);
    PhaseTable table = index == null ? PhaseTable.empty() : baseRows(index);
    long[] setAside = base.setAside().get(customerId);
    return new Customer(table, setAside == null ? new long[RowCounts.SIZE] : setAside.clone());
  }

  /**
   * Moves to {@code newVersion}, where the customers named have the phases given (a customer
   * absent from the map has no phases any more) and the customers have these attributes.
   *
   * @param customers every customer whose phases differ from this version's, and their phases now
   * @param newAttributes every customer's attributes at {@code newVersion}; the same attribute
   *     names as now (a new or dropped column is a full load, by the caller)
   * @param attributesOf the customers whose attributes changed
   * @param newPlans the plans' tiers at {@code newVersion}, or {@code null} when they did not change
   */
  synchronized void update(long newVersion, Map<String, Customer> customers,
      CustomerAttributes newAttributes, Set<String> attributesOf, PlanCatalog newPlans) {
    if (newVersion < version) {
      throw new IllegalArgumentException("version " + newVersion + " is behind " + version);
    }
    Map<String, Customer> before = new HashMap<>();
    for (Map.Entry<String, Customer> entry : customers.entrySet()) {
      Customer old = current(entry.getKey());
      before.put(entry.getKey(), old);
      factCounts.add(old.table(), -1);
      factCounts.add(entry.getValue().table(), 1);
      RowCounts.add(rowCounts, RowCounts.ofTable(old.table()), -1);
      RowCounts.add(rowCounts, old.setAside(), -1);
      RowCounts.add(rowCounts, RowCounts.ofTable(entry.getValue().table()), 1);
      RowCounts.add(rowCounts, entry.getValue().setAside(), 1);
    }
    changed.putAll(customers);
    Set<String> productsRetiered = new HashSet<>();
    if (newPlans != null) {
      productsRetiered = retiered(plans, newPlans);
      plans = newPlans;
      factCounts = countFacts(); // rows naming a plan but no tier take their tier from plans
    }
    DataFacts newFacts = factCounts.facts();
    Set<String> productsRetopped = retopped(facts, newFacts);
    productsRetopped.addAll(productsRetiered);
    boolean contextChanged =
        !newFacts.equals(facts) || !attributesOf.isEmpty() || newPlans != null;
    sideFilesChanged |= newPlans != null;
    Set<String> holders = holders(productsRetopped);
    facts = newFacts;
    version = newVersion;
    CustomerAttributes oldAttributes = attributes;
    attributes = requireNonNull(newAttributes, "newAttributes is null");
    sideFilesChanged |= !attributesOf.isEmpty();
    for (var iterator = configurations.entrySet().iterator(); iterator.hasNext(); ) {
      var entry = iterator.next();
      Configuration configuration = entry.getValue();
      try {
        if (!contextChanged) {
          swap(configuration, configuration.context, before.keySet(), before);
          continue;
        }
        ReportContext context = context(entry.getKey());
        if (!context.plan().computedPeriods()
            .equals(configuration.context.plan().computedPeriods())) {
          computeInFull(configuration, context); // the range moved: the rare full recompute
          continue;
        }
        Set<String> affected = new HashSet<>(before.keySet());
        affected.addAll(holders);
        if (readsAttributes(entry.getKey(), oldAttributes) || readsAttributes(entry.getKey(),
            attributes)) {
          affected.addAll(attributesOf); // their segment may have changed
        }
        swap(configuration, context, affected, before);
      } catch (RuntimeException e) {
        // The options no longer fit the data (no phases left to take a range from), or a total
        // overflowed: the configuration is dropped rather than left half updated, and the next
        // request computes it again and reports why.
        iterator.remove();
      }
    }
  }

  /**
   * Whether a configuration cuts by a customers.csv attribute ({@code by} or {@code where}): a
   * name that is an attribute counts, even where a built-in dimension of that name comes first,
   * which only computes more than needed.
   */
  private static boolean readsAttributes(ReportOptions options, CustomerAttributes attributes) {
    List<String> names = new ArrayList<>(options.by());
    if (options.where() != null) {
      names.add(options.where().dimension());
    }
    return names.stream().anyMatch(name -> attributes.hasAttribute(
        name.trim().toLowerCase(Locale.ROOT)));
  }

  /**
   * Takes each affected customer's contribution under the configuration's context out and its
   * contribution under {@code context} in: customers named in {@code before} move from their old
   * phases to their new ones, the others keep their phases (a product's top tier moved).
   */
  private void swap(Configuration configuration, ReportContext context, Set<String> affected,
      Map<String, Customer> before) {
    MetricTotals out = configuration.context.engine().empty();
    MetricTotals in = context.engine().empty();
    for (String customerId : affected) {
      Customer old = before.containsKey(customerId) ? before.get(customerId) : current(customerId);
      out = out.plus(configuration.context.engine().contribution(old.table(), customerId));
      in = in.plus(context.engine().contribution(current(customerId).table(), customerId));
    }
    configuration.totals = configuration.totals.minus(out).plus(in);
    configuration.context = context;
    configuration.report = build(configuration);
  }

  /** Every customer of the current phases with a row of one of {@code products}. */
  private Set<String> holders(Set<String> products) {
    Set<String> holders = new HashSet<>();
    if (products.isEmpty()) {
      return holders;
    }
    boolean[] held = new boolean[baseTable.productCount()];
    for (int p = 0; p < held.length; p++) {
      held[p] = products.contains(baseTable.productName(p));
    }
    for (int r = 0; r < baseTable.size(); r++) {
      if (held[baseTable.productOf(r)]) {
        String customerId = baseTable.customerId(baseTable.customerOf(r));
        if (!changed.containsKey(customerId)) {
          holders.add(customerId);
        }
      }
    }
    changed.forEach((customerId, customer) -> {
      PhaseTable table = customer.table();
      for (int r = 0; r < table.size(); r++) {
        if (products.contains(table.productName(table.productOf(r)))) {
          holders.add(customerId);
        }
      }
    });
    return holders;
  }

  /**
   * The products of the current rows that the two catalogs tier differently: a (product, plan)
   * on some row with another tier, or another top tier. A customer's computation reads the
   * catalog only there, so customers without such a product compute the same under both.
   */
  private Set<String> retiered(PlanCatalog before, PlanCatalog after) {
    Set<String> products = new HashSet<>();
    List<PhaseTable> tables = new ArrayList<>(changed.size() + 1);
    tables.add(baseTable);
    changed.values().forEach(customer -> tables.add(customer.table()));
    for (PhaseTable table : tables) {
      Set<Long> pairs = new HashSet<>();
      for (int r = 0; r < table.size(); r++) {
        pairs.add(((long) table.productOf(r) << 32) | (table.planOf(r) & 0xffffffffL));
      }
      for (long pair : pairs) {
        String product = table.productName((int) (pair >>> 32));
        String plan = table.planName((int) pair);
        if (!before.tier(product, plan).equals(after.tier(product, plan))
            || !before.topTier(product).equals(after.topTier(product))) {
          products.add(product);
        }
      }
    }
    return products;
  }

  /** The facts of the current rows, counted afresh (the plans changed). */
  private FactCounts countFacts() {
    FactCounts counts = new FactCounts(plans);
    counts.add(baseTable, 1);
    for (Map.Entry<String, Customer> entry : changed.entrySet()) {
      Integer index = baseIndex.get(entry.getKey());
      if (index != null) {
        counts.add(baseRows(index), -1);
      }
      counts.add(entry.getValue().table(), 1);
    }
    return counts;
  }

  /** The products whose seen top tier differs between two facts. */
  private static Set<String> retopped(DataFacts before, DataFacts after) {
    Set<String> products = new HashSet<>(before.seenTops().keySet());
    products.addAll(after.seenTops().keySet());
    products.removeIf(p -> Objects.equals(before.seenTops().get(p),
        after.seenTops().get(p)));
    return products;
  }

  /** The totals of every current customer under {@code context}. */
  private void computeInFull(Configuration configuration, ReportContext context) {
    Sums sums = new Sums(context);
    MetricTotals totals = context.engine().compute(baseTable);
    for (Map.Entry<String, Customer> entry : changed.entrySet()) {
      Integer index = baseIndex.get(entry.getKey());
      if (index != null) {
        sums.out(baseRows(index), entry.getKey());
      }
      sums.in(entry.getValue().table(), entry.getKey());
    }
    configuration.totals = totals.minus(sums.out).plus(sums.in);
    configuration.context = context;
    configuration.report = build(configuration);
  }

  /** Contributions summed apart, then applied once. */
  private static final class Sums {
    private final ReportContext context;
    MetricTotals out;
    MetricTotals in;

    Sums(ReportContext context) {
      this.context = context;
      this.out = context.engine().empty();
      this.in = context.engine().empty();
    }

    void out(PhaseTable table, String customerId) {
      out = out.plus(context.engine().contribution(table, customerId));
    }

    void in(PhaseTable table, String customerId) {
      in = in.plus(context.engine().contribution(table, customerId));
    }
  }

  private Report build(Configuration configuration) {
    return Upshift.report(configuration.context, configuration.totals,
        RowCounts.summary(rowCounts, rejectedRows));
  }

  /** The context of {@code options} on the current phases: as {@code ReportContext.of(dataset)}. */
  private ReportContext context(ReportOptions options) {
    Dataset dataset = base.dataset();
    return ReportContext.of(facts, options, plans, attributes,
        dataset.health(), dataset.targets(), dataset.currency(),
        FxRates.none(dataset.currency()));
  }

  /** One customer's rows of the base table, as a table of its own. */
  private PhaseTable baseRows(int customerIndex) {
    PhaseTable.Grouping groups = baseTable.byCustomer();
    int from = groups.offsets()[customerIndex];
    int to = groups.offsets()[customerIndex + 1];
    PhaseTable.Builder builder = PhaseTable.builder(to - from);
    for (int k = from; k < to; k++) {
      builder.add(baseTable.phase(groups.rows()[k]));
    }
    return builder.build();
  }
}
