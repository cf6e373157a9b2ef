package dev.upshift.testing;

import dev.upshift.input.CustomerAttributes;
import dev.upshift.input.Dataset;
import dev.upshift.input.HealthScores;
import dev.upshift.input.Phase;
import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import dev.upshift.input.PlanCatalog;
import dev.upshift.metric.RateCounting;
import dev.upshift.metric.RateWindow;
import dev.upshift.metric.UpsellMember;
import dev.upshift.report.ReportOptions;
import dev.upshift.segment.SegmentFilter;
import dev.upshift.state.Book;
import dev.upshift.time.Grain;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Small random datasets dense in the edge cases of SPEC §4 and §10: several lines per product,
 * change-log and closed phases, gaps, churn and return, same-month reversals, backdated and
 * future-signed phases, notices, trials and suspensions, seats moving against tiers, catalog and
 * row tiers and plans without tiers, fractional amounts. Deterministic per seed.
 */
public final class RandomDatasets {
  private static final LocalDate ORIGIN = LocalDate.of(2024, 1, 1);
  private static final int SPAN_DAYS = 900;
  private static final String[] PRODUCTS = {"core", "addon", "legacy"};
  private static final String[] PLANS = {"Starter", "Standard", "Premium", "Enterprise"};

  private RandomDatasets() {}

  /** A dataset of up to 30 customers. */
  public static Dataset dataset(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Phase> phases = new ArrayList<>();
    int customers = 1 + random.nextInt(30);
    int line = 2;
    HealthScores.Builder health = HealthScores.builder();
    Map<String, Map<String, String>> attributes = new TreeMap<>();
    for (int c = 0; c < customers; c++) {
      String id = "C" + c;
      int lines = 1 + random.nextInt(3);
      for (int l = 0; l < lines; l++) {
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        String lineId = random.nextInt(3) == 0 ? product + "-" + l : product;
        for (Phase phase : linePhases(random, id, lineId, product)) {
          phases.add(withLine(phase, line++));
        }
      }
      for (int h = random.nextInt(4); h > 0; h--) {
        health.put(id, ORIGIN.plusDays(random.nextInt(SPAN_DAYS)), random.nextInt(101));
      }
      if (random.nextInt(4) > 0) {
        attributes.put(id, Map.of("channel", random.nextBoolean() ? "sales" : "self_serve"));
      }
    }
    // Input order is not start order: shuffle a little so ties and overlaps are exercised honestly.
    PlanCatalog.Builder plans = PlanCatalog.builder();
    for (int t = 0; t < PLANS.length; t++) {
      plans.put("core", PLANS[t], t + 1);
    }
    return Dataset.builder().addAll(dropDuplicateLineStarts(phases)).plans(plans.build())
        .health(health.build())
        .customers(CustomerAttributes.of(List.of("channel"), attributes)).build();
  }

  private static List<Phase> linePhases(SplittableRandom random, String id, String lineId,
      String product) {
    List<Phase> result = new ArrayList<>();
    int count = 1 + random.nextInt(5);
    int day = random.nextInt(SPAN_DAYS / 2);
    for (int i = 0; i < count && day < SPAN_DAYS; i++) {
      int length = 1 + random.nextInt(random.nextBoolean() ? 40 : 200);
      int next = day + length;
      boolean last = i == count - 1;
      LocalDate start = ORIGIN.plusDays(day);
      LocalDate end;
      int gap = 0;
      if (last) {
        end = random.nextBoolean() ? null : ORIGIN.plusDays(next);
      } else {
        switch (random.nextInt(3)) {
          case 0 -> end = null; // change log: ends where the next phase starts
          case 1 -> end = ORIGIN.plusDays(next); // closed, boundary with the next phase
          default -> {
            end = ORIGIN.plusDays(next);
            gap = 1 + random.nextInt(60); // churn, then return
          }
        }
      }
      LocalDate signed = switch (random.nextInt(4)) {
        case 0 -> start.minusDays(random.nextInt(90)); // signed ahead (ramps, future starts)
        case 1 -> start.plusDays(random.nextInt(45)); // backdated
        default -> start;
      };
      LocalDate cancelSigned = end == null ? null
          : random.nextInt(3) == 0 ? end.minusDays(random.nextInt(60)) : end;
      int tierIndex = random.nextInt(PLANS.length);
      String plan = product.equals("legacy") && random.nextInt(4) == 0 ? null : PLANS[tierIndex];
      Integer tier = product.equals("addon") ? Integer.valueOf(tierIndex + 1) : null;
      int seats = random.nextInt(5) == 0 ? 0 : random.nextInt(30);
      long arrMicros = random.nextInt(8) == 0 ? 0
          : (1000L + random.nextInt(60_000)) * 1_000_000L + (random.nextInt(3) == 0 ? random.nextInt(1_000_000) : 0);
      PhaseStatus status = random.nextInt(10) == 0
          ? PhaseStatus.values()[1 + random.nextInt(3)] : PhaseStatus.ACTIVE;
      PhaseKind kind = random.nextInt(12) == 0 ? PhaseKind.COMMITTED_USAGE : PhaseKind.RECURRING;
      result.add(new Phase(id, lineId, product, plan, tier, seats, arrMicros, start, end, signed,
          cancelSigned, status, kind, 0));
      day = next + gap;
    }
    return result;
  }

  /** Two lines of one customer may share an id by chance; keep the first of equal starts. */
  private static List<Phase> dropDuplicateLineStarts(List<Phase> phases) {
    dev.upshift.input.SubscriptionLog log = new dev.upshift.input.SubscriptionLog("random");
    phases.forEach(log::add);
    return log.check().kept();
  }

  private static Phase withLine(Phase p, int line) {
    return new Phase(p.customerId(), p.lineId(), p.product(), p.plan(), p.tier(), p.seats(),
        p.arrMicros(), p.start(), p.end(), p.signed(), p.cancelSigned(), p.status(), p.kind(), line);
  }

  /**
   * Random report options: either book, any grain and fiscal start, any rate configuration, an
   * onboarding window now and then.
   */
  public static ReportOptions options(long seed) {
    SplittableRandom random = new SplittableRandom(seed * 31 + 7);
    Grain grain = Grain.values()[random.nextInt(3)];
    YearMonth from = YearMonth.of(2024, 1).plusMonths(random.nextInt(18));
    YearMonth to = from.plusMonths(random.nextInt(grain == Grain.MONTH ? 14 : 24));
    EnumSet<UpsellMember> members = EnumSet.noneOf(UpsellMember.class);
    for (UpsellMember member : UpsellMember.values()) {
      if (random.nextInt(3) > 0) {
        members.add(member);
      }
    }
    if (members.isEmpty()) {
      members.add(UpsellMember.values()[random.nextInt(4)]);
    }
    List<String> dimensions = List.of("tenure", "initial_arr", "health", "plan", "cohort", "channel");
    List<String> by = new ArrayList<>();
    for (String dimension : dimensions) {
      if (random.nextInt(3) == 0) {
        by.add(dimension);
      }
    }
    ReportOptions.Builder builder = ReportOptions.builder().from(from).to(to).grain(grain)
        .fiscalYearStart(random.nextInt(3) == 0 ? 1 + random.nextInt(12) : 1)
        .book(random.nextBoolean() ? Book.LIVE : Book.CONTRACTED)
        .upsellDefinition(members)
        .rateCounting(random.nextBoolean() ? RateCounting.ANY : RateCounting.NET)
        .minTenureMonths(random.nextInt(3) == 0 ? random.nextInt(8) : 0)
        .excludeTopTier(random.nextInt(3) == 0)
        .minExpansionArr(random.nextInt(3) == 0 ? BigDecimal.valueOf(random.nextInt(5000)) : BigDecimal.ZERO)
        .by(by);
    if (random.nextInt(5) == 0) {
      builder.where(new SegmentFilter("channel", random.nextBoolean() ? "sales" : "self_serve"));
    }
    // An onboarding window in one report of four (never with the analysis, which rejects it):
    // round windows, and odd lengths so that window ends fall on every kind of day.
    if (random.nextInt(4) == 0) {
      int[] round = {1, 7, 30, 90, 180, 365};
      builder.rateWindow(RateWindow.onboarding(random.nextBoolean()
          ? round[random.nextInt(round.length)] : 1 + random.nextInt(400)));
    }
    return withOpeningBalance(builder.build(), new SplittableRandom(seed * 131 + 3));
  }

  /**
   * An opening balance (§2.4) in one report of three, from its own random stream so the other
   * options of a seed stay as they were: a month that starts a period, at or up to three periods
   * before {@code --from}; half of those leave {@code --from} to default to it.
   */
  private static ReportOptions withOpeningBalance(ReportOptions options, SplittableRandom random) {
    if (random.nextInt(3) != 0) {
      return options;
    }
    int periodMonths = options.grain().months();
    int offset = Math.floorMod(options.from().getMonthValue() - options.fiscalYearStart(),
        periodMonths);
    YearMonth opening = options.from().minusMonths(offset + (long) periodMonths * random.nextInt(4));
    ReportOptions.Builder builder = options.toBuilder().openingBalance(opening);
    if (random.nextBoolean()) {
      builder.from(null);
    }
    return builder.build();
  }
}
