package dev.upshift.analysis;

import dev.upshift.metric.Rates;
import dev.upshift.money.Micros;
import dev.upshift.report.PeriodReport;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Good / Watch / Bad rules of §6.6; documented on {@link Signals}. */
final class SignalRules {
  /** Periods in a signal's window. */
  static final int WINDOW = 3;

  private SignalRules() {}

  static Signals signals(List<PeriodReport> periods, long[] upsoldArrByCustomer) {
    return new Signals(upsellUsers(periods, upsoldArrByCustomer), totalUsers(periods));
  }

  /** The window's periods: the last {@link #WINDOW} (fewer in a shorter report). */
  static List<PeriodReport> window(List<PeriodReport> periods) {
    return periods.subList(Math.max(0, periods.size() - WINDOW), periods.size());
  }

  /** A signal of a report without periods: nothing to judge, so watch. */
  private static Signals.Signal noPeriods(String metric) {
    return new Signals.Signal(metric, Signals.Status.WATCH, List.of(),
        List.of("No reported periods."), Map.of());
  }

  static Signals.Signal upsellUsers(List<PeriodReport> periods, long[] upsoldArrByCustomer) {
    if (periods.isEmpty()) {
      return noPeriods("upsellUsers");
    }
    List<String> reasons = new ArrayList<>();
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    List<PeriodReport> window = window(periods);
    List<String> labels = window.stream().map(PeriodReport::period).toList();
    int n = periods.size();
    PeriodReport last = periods.get(n - 1);
    figures.put("upsellUsers", BigDecimal.valueOf(last.upsellUsers()));
    figures.put("newLogos", BigDecimal.valueOf(last.logos().newLogos()));
    figures.put("shareOfLogos", last.ratios().upsellUsersShareOfLogos());

    boolean noUpsellWithNewLogos = last.upsellUsers() == 0 && last.logos().newLogos() > 0;
    if (noUpsellWithNewLogos) {
      reasons.add("No Upsell User in " + last.period() + " while " + last.logos().newLogos()
          + " new logos arrived.");
    }

    boolean trendKnown = n > WINDOW;
    boolean fellEach = false;
    boolean rose = false;
    if (trendKnown) {
      PeriodReport base = periods.get(n - 1 - WINDOW);
      figures.put("shareOfLogosBefore", base.ratios().upsellUsersShareOfLogos());
      int falls = 0;
      int comparable = 0;
      StringBuilder path = new StringBuilder(Numbers.percent(base.ratios().upsellUsersShareOfLogos()));
      for (int k = n - WINDOW; k < n; k++) {
        int cmp = compareShares(periods.get(k), periods.get(k - 1));
        if (cmp != Integer.MIN_VALUE) {
          comparable++;
          falls += cmp < 0 ? 1 : 0;
        }
        path.append(" → ").append(Numbers.percent(periods.get(k).ratios().upsellUsersShareOfLogos()));
      }
      figures.put("periodsShareFell", BigDecimal.valueOf(falls));
      fellEach = comparable == WINDOW && falls == WINDOW;
      int overall = compareShares(last, base);
      rose = overall != Integer.MIN_VALUE && overall > 0;
      BigDecimal change = last.ratios().upsellUsersShareOfLogos() == null
          || base.ratios().upsellUsersShareOfLogos() == null ? null
          : last.ratios().upsellUsersShareOfLogos().subtract(base.ratios().upsellUsersShareOfLogos());
      figures.put("shareChangePoints", change);
      if (fellEach) {
        reasons.add("Upsell Users' share of logos fell in each of the last " + WINDOW
            + " periods (" + path + ").");
      } else if (rose) {
        reasons.add("Upsell Users' share of logos rose over the last " + WINDOW + " periods ("
            + path + ").");
      } else {
        reasons.add("Upsell Users' share of logos did not rise over the last " + WINDOW
            + " periods (" + path + ").");
      }
    } else {
      figures.put("shareOfLogosBefore", null);
      figures.put("periodsShareFell", null);
      figures.put("shareChangePoints", null);
      reasons.add("The share-of-logos trend needs " + (WINDOW + 1) + " reported periods; "
          + n + " reported.");
    }

    Concentration c = Concentration.of(upsoldArrByCustomer);
    figures.put("upsoldCustomers", BigDecimal.valueOf(c.customers()));
    figures.put("topDecileCustomers", BigDecimal.valueOf(c.topCustomers()));
    figures.put("expansionArr", Micros.toReported(c.total()));
    figures.put("topDecileExpansionArr", Micros.toReported(c.top()));
    BigDecimal topShare = Rates.percent(c.top(), c.total());
    figures.put("topDecileShare", topShare);
    // top < 50% of total, i.e. top < total − top (no overflow: 0 ≤ top ≤ total).
    boolean spread = c.total() > 0 && c.top() < c.total() - c.top();
    if (c.total() > 0) {
      reasons.add("The top 10% of upsold customers (" + c.topCustomers() + " of " + c.customers()
          + ") brought " + Numbers.percent(topShare) + " of their expansion ARR in "
          + BenchmarkRules.range(window) + (spread ? " (under 50%)." : " (50% or more)."));
    } else {
      reasons.add("No expansion ARR from upsold customers in " + BenchmarkRules.range(window) + ".");
    }

    Signals.Status status;
    if (noUpsellWithNewLogos || fellEach) {
      status = Signals.Status.BAD;
    } else if (rose && spread) {
      status = Signals.Status.GOOD;
    } else {
      status = Signals.Status.WATCH;
    }
    return new Signals.Signal("upsellUsers", status, labels, reasons, figures);
  }

  /**
   * Compares {@code upsellUsers / logos.starting} of two periods exactly: negative, 0 or positive,
   * or {@link Integer#MIN_VALUE} when either share is undefined.
   */
  private static int compareShares(PeriodReport a, PeriodReport b) {
    long la = a.logos().starting();
    long lb = b.logos().starting();
    if (la == 0 || lb == 0) {
      return Integer.MIN_VALUE;
    }
    return BigDecimal.valueOf(a.upsellUsers()).multiply(BigDecimal.valueOf(lb))
        .compareTo(BigDecimal.valueOf(b.upsellUsers()).multiply(BigDecimal.valueOf(la)));
  }

  static Signals.Signal totalUsers(List<PeriodReport> periods) {
    if (periods.isEmpty()) {
      return noPeriods("totalUsers");
    }
    List<String> reasons = new ArrayList<>();
    Map<String, BigDecimal> figures = new LinkedHashMap<>();
    List<PeriodReport> window = window(periods);
    List<String> labels = window.stream().map(PeriodReport::period).toList();
    PeriodReport first = window.get(0);
    PeriodReport last = window.get(window.size() - 1);
    long seats0 = first.seats().starting();
    long seats1 = last.seats().ending();
    long logos0 = first.logos().starting();
    long logos1 = last.logos().ending();
    long newLogos = window.stream().mapToLong(p -> p.logos().newLogos()).sum();
    BigDecimal seatGrowth = Rates.growth(seats1, seats0);
    BigDecimal logoGrowth = Rates.growth(logos1, logos0);
    figures.put("seatsStarting", BigDecimal.valueOf(seats0));
    figures.put("seatsEnding", BigDecimal.valueOf(seats1));
    figures.put("seatGrowth", seatGrowth);
    figures.put("logosStarting", BigDecimal.valueOf(logos0));
    figures.put("logosEnding", BigDecimal.valueOf(logos1));
    figures.put("logoGrowth", logoGrowth);
    figures.put("newLogos", BigDecimal.valueOf(newLogos));
    String span = BenchmarkRules.range(window);
    String seatsText = "Seats went from " + Numbers.count(seats0) + " to " + Numbers.count(seats1)
        + " (" + Numbers.percent(seatGrowth) + ") and logos from " + Numbers.count(logos0) + " to "
        + Numbers.count(logos1) + " ("
        + Numbers.percent(logoGrowth) + ") in " + span;

    Signals.Status status;
    if (seats1 < seats0 && newLogos > 0) {
      status = Signals.Status.BAD;
      reasons.add(seatsText + ": seats shrank while " + Numbers.count(newLogos) + " new logos arrived.");
    } else if (seats0 == 0 || logos0 == 0) {
      status = Signals.Status.WATCH;
      reasons.add(seatsText + ": no starting base to compare growth.");
    } else if (seats1 > seats0 && BigDecimal.valueOf(seats1).multiply(BigDecimal.valueOf(logos0))
        .compareTo(BigDecimal.valueOf(logos1).multiply(BigDecimal.valueOf(seats0))) >= 0) {
      status = Signals.Status.GOOD;
      reasons.add(seatsText + ": seats grew at least as fast as logos.");
    } else {
      status = Signals.Status.WATCH;
      reasons.add(seatsText + (seats1 > seats0 ? ": seats grew slower than logos."
          : ": seats did not grow."));
    }
    return new Signals.Signal("totalUsers", status, labels, reasons, figures);
  }

  /**
   * How much of the upsold customers' qualifying ARR the top 10% of them bring: the
   * {@code ceil(10% · customers)} largest (at least one).
   */
  record Concentration(long customers, long topCustomers, long total, long top) {
    static Concentration of(long[] arrByCustomer) {
      long[] sorted = arrByCustomer.clone();
      java.util.Arrays.sort(sorted);
      int n = sorted.length;
      int topCount = n == 0 ? 0 : Math.max(1, (n + 9) / 10);
      long total = 0;
      long top = 0;
      for (int i = 0; i < n; i++) {
        total = Math.addExact(total, sorted[i]);
        if (i >= n - topCount) {
          top = Math.addExact(top, sorted[i]);
        }
      }
      return new Concentration(n, topCount, total, top);
    }
  }
}
