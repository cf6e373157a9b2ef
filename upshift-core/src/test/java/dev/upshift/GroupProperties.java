package dev.upshift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.upshift.analysis.AnalysisOptions;
import dev.upshift.analysis.AnalysisTotals;
import dev.upshift.analysis.Analyzer;
import dev.upshift.input.Dataset;
import dev.upshift.input.Phase;
import dev.upshift.metric.MetricEngine;
import dev.upshift.metric.MetricTotals;
import dev.upshift.report.Report;
import dev.upshift.report.ReportOptions;
import dev.upshift.testing.RandomDatasets;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * The totals of a report form a group, as the service and Spark rely on (issue #9): taking one
 * customer's old contribution out and its new one in equals a full recomputation, exactly, and the
 * totals of any partition of the customers, merged in any order, equal the totals of all of them;
 * the same for the analysis. Random datasets and options of {@link RandomDatasets}, random edits.
 */
class GroupProperties {

  @Property(tries = 1500)
  void incrementalUpdateEqualsFullRecomputation(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset before = RandomDatasets.dataset(seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<String> ids = customerIds(before);
    String changed = random.nextInt(8) == 0 ? "NEW" : ids.get(random.nextInt(ids.size()));
    Dataset after = withPhases(before, edit(before.phases(), changed, ids, random));
    // The service's rule: the context is that of the data after the change (when a global fact
    // changed too, it rebuilds the totals; the algebra is the same either way).
    ReportContext context = Upshift.context(after, RandomDatasets.options(seed));
    MetricEngine engine = context.engine();

    MetricTotals full = engine.compute(after.table());
    MetricTotals incremental = engine.compute(before.table())
        .minus(engine.contribution(before.table(), changed))
        .plus(engine.contribution(after.table(), changed));

    assertThat(incremental).isEqualTo(full);
    assertThat(Upshift.report(context, incremental, after.summary()))
        .isEqualTo(Upshift.report(context, full, after.summary()));
  }

  @Property(tries = 1000)
  void partitionsMergedInAnyOrderEqualTheWhole(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset whole = RandomDatasets.dataset(seed);
    ReportContext context = Upshift.context(whole, RandomDatasets.options(seed));
    SplittableRandom random = new SplittableRandom(seed * 17 + 3);
    List<Dataset> parts = partition(whole, 1 + random.nextInt(5), random);

    List<MetricTotals> partials = new ArrayList<>();
    for (Dataset part : parts) {
      partials.add(context.engine().compute(part.table()));
    }
    Collections.shuffle(partials, new java.util.Random(seed));
    MetricTotals merged = context.engine().empty();
    for (MetricTotals partial : partials) {
      merged = random.nextBoolean() ? merged.plus(partial) : partial.plus(merged);
    }

    assertThat(merged).isEqualTo(context.engine().compute(whole.table()));
  }

  @Property(tries = 300)
  void analysisOfPartitionsEqualsAnalysisOfTheWhole(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
    Dataset whole = RandomDatasets.dataset(seed);
    ReportOptions options = RandomDatasets.options(seed).toBuilder().where(null).rateWindow(null)
        .build();
    Report expected = Upshift.analyze(whole, options, AnalysisOptions.defaults(), null);

    ReportContext context = Upshift.context(whole, options);
    SplittableRandom random = new SplittableRandom(seed * 13 + 5);
    List<Dataset> parts = partition(whole, 1 + random.nextInt(4), random);
    Analyzer analyzer = analyzer(whole, options, context);
    ReportContext extended = Upshift.context(whole, analyzer.extendedOptions());
    List<AnalysisTotals> partials = new ArrayList<>();
    MetricTotals totals = extended.engine().empty();
    for (Dataset part : parts) {
      Analyzer partAnalyzer = analyzer(whole, options, context);
      totals = totals.plus(extended.engine().compute(part.table(), partAnalyzer, done -> { }));
      partials.add(partAnalyzer.totals());
    }
    Collections.shuffle(partials, new java.util.Random(seed));
    AnalysisTotals merged = partials.get(0);
    for (AnalysisTotals partial : partials.subList(1, partials.size())) {
      merged = merged.plus(partial);
    }
    Report fromParts = analyzer.finish(Upshift.report(context, totals, whole.summary()), merged);

    assertThat(fromParts).isEqualTo(expected);
    // Taking a part back out leaves the analysis of the rest.
    if (parts.size() > 1) {
      AnalysisTotals rest = merged.minus(partials.get(0));
      AnalysisTotals again = rest.plus(partials.get(0));
      assertThat(analyzer.finish(Upshift.report(context, totals, whole.summary()), again))
          .isEqualTo(expected);
    }
  }

  @Property(tries = 100)
  void contextAndTotalsSurviveSerialisation(
      @ForAll @LongRange(min = 1, max = 1_000_000) long seed) throws Exception {
    Dataset dataset = RandomDatasets.dataset(seed);
    ReportContext context = Upshift.context(dataset, RandomDatasets.options(seed));
    MetricTotals totals = context.engine().compute(dataset.table());

    ReportContext shipped = roundTrip(context);
    MetricTotals computedThere = shipped.engine().compute(dataset.table());

    assertThat(computedThere).isEqualTo(totals);
    assertThat(roundTrip(totals)).isEqualTo(totals);
    assertThat(Upshift.report(shipped, roundTrip(computedThere), dataset.summary()))
        .isEqualTo(Upshift.report(context, totals, dataset.summary()));
  }

  private static Analyzer analyzer(Dataset whole, ReportOptions options, ReportContext context) {
    return Analyzer.of(whole, options, AnalysisOptions.defaults(), context.plan().calendar(),
        context.plan().reportedPeriods());
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  private static List<String> customerIds(Dataset dataset) {
    return dataset.phases().stream().map(Phase::customerId).distinct().sorted().toList();
  }

  /**
   * The phases with one customer's replaced: by another customer's history (renamed), by its own
   * with a phase dropped, or by nothing (the customer retracted). A new customer id adds one.
   */
  private static List<Phase> edit(List<Phase> phases, String customer, List<String> ids,
      SplittableRandom random) {
    List<Phase> kept = new ArrayList<>();
    List<Phase> own = new ArrayList<>();
    for (Phase phase : phases) {
      (phase.customerId().equals(customer) ? own : kept).add(phase);
    }
    switch (random.nextInt(3)) {
      case 0 -> {
        String donor = ids.get(random.nextInt(ids.size()));
        phases.stream().filter(p -> p.customerId().equals(donor))
            .forEach(p -> kept.add(renamed(p, customer)));
      }
      case 1 -> {
        if (!own.isEmpty()) {
          own.remove(random.nextInt(own.size()));
        }
        kept.addAll(own);
      }
      default -> { } // retracted
    }
    return kept;
  }

  private static Phase renamed(Phase p, String customer) {
    return new Phase(customer, p.lineId(), p.product(), p.plan(), p.tier(), p.seats(),
        p.arrMicros(), p.start(), p.end(), p.signed(), p.cancelSigned(), p.status(), p.kind(),
        p.line());
  }

  /** The customers split at random into {@code count} datasets (some may be empty). */
  private static List<Dataset> partition(Dataset whole, int count, SplittableRandom random) {
    Map<String, Integer> part = new TreeMap<>();
    List<List<Phase>> phases = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      phases.add(new ArrayList<>());
    }
    for (Phase phase : whole.phases()) {
      int p = part.computeIfAbsent(phase.customerId(), id -> random.nextInt(count));
      phases.get(p).add(phase);
    }
    return phases.stream().map(list -> withPhases(whole, list)).toList();
  }

  private static Dataset withPhases(Dataset like, List<Phase> phases) {
    return Dataset.builder().addAll(phases).customers(like.customers()).plans(like.plans())
        .health(like.health()).targets(like.targets()).currency(like.currency()).build();
  }
}
