package dev.upshift.sample;

import dev.upshift.input.PhaseKind;
import dev.upshift.input.PhaseStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Simulates one customer at a time, month by month, and formats its rows. Not thread-safe: one
 * instance per thread, reused for every customer (see the package documentation for the model).
 *
 * <p>Each customer draws from its own {@link SplittableRandom} seeded from the run's seed and the
 * customer's index, so a customer's rows do not depend on any other customer: the output is the
 * same however customers are scheduled.
 */
final class CustomerSimulation {
  private static final int NONE = Row.NONE;
  private static final Comparator<Row> FILE_ORDER =
      Comparator.<Row>comparingInt(r -> r.start).thenComparingInt(r -> r.sequence);

  private static final String[] NAME_FIRST = {"Acme", "Apex", "Atlas", "Beacon", "Blue Harbor",
      "Brightline", "Cedar", "Cobalt", "Crescent", "Delta", "Evergreen", "Falcon", "Granite",
      "Helix", "Indigo", "Juniper", "Keystone", "Lumen", "Maple", "Meridian", "Nimbus", "Northwind",
      "Nørre", "Oakridge", "Orbit", "Pioneer", "Quartz", "Redwood", "Riverside", "Sapphire",
      "São Bento", "Summit", "Tandem", "Trident", "Vertex", "Willow", "Zenith", "Zürich"};
  private static final String[] NAME_SECOND = {"Analytics", "Bio", "Capital", "Dental", "Energy",
      "Foods", "Freight", "Games", "Health", "Hotels", "Insurance", "Labs", "Learning", "Logistics",
      "Media", "Motors", "Networks", "Partners", "Retail", "Robotics", "Software", "Studios",
      "Systems"};
  private static final String[] NAME_LEGAL = {"Inc.", "LLC", "Ltd", "GmbH", "SA", "BV", "AG",
      "Pty Ltd", "plc", "& Co."};
  private static final double[] ANALYTICS_AT_START = {0.06, 0.30, 0.15};
  private static final double[] SECURITY_AT_START = {0.03, 0.25, 0.15};
  private static final double[] STORAGE_AT_START = {0.06, 0.12, 0.10};
  private static final double[] SUPPORT_AT_START = {0.00, 0.25, 0.20};
  private static final double[] API_AT_START = {0.03, 0.15, 0.08};
  private static final int[] UPLIFT_PERCENTS = {3, 5, 7, 10};
  private static final String[] INDUSTRIES = {"Education", "Financial Services", "Healthcare",
      "Logistics", "Manufacturing", "Media", "Public Sector", "Retail", "Software"};

  private enum Channel {
    SELF_SERVE("self_serve"), SALES("sales"), PARTNER("partner");

    final String code;

    Channel(String code) {
      this.code = code;
    }
  }

  private enum State { ACTIVE, SUSPENDED, CHURNED }

  /** How the customer's source system writes phases (§1.1 accepts all three). */
  private enum Style {
    /** One open-ended row per change; the next row of a line replaces the previous one. */
    CHANGE_LOG,
    /** One row per phase with an explicit end where the next phase starts. */
    CLOSED,
    /** A billing-system export: one closed row per monthly or quarterly billing period. */
    BILLING_PERIODS
  }

  private final long seed;
  private final Window window;
  private final CsvText csv;
  private final int baseCustomers;
  private final int[] firstArrival;

  // The customer being simulated.
  private SplittableRandom rng;
  private int number;
  private Channel channel;
  private String region;
  private String currency;
  private double currencyFactor;
  private int discountPercent;
  private PriceForm preferredForm;
  private boolean explicitStyle;
  private Style style;
  private double healthBase;
  private double health;
  private int priorTenure;
  private int paidMonth;
  private int anchorDay;
  private State state;
  private int reactivateMonth;
  private int resumeMonth;
  private int sequence;
  private final List<Line> lines = new ArrayList<>();
  private final List<Row> rows = new ArrayList<>();

  private long subscriptionRows;
  private long healthRows;

  CustomerSimulation(SampleOptions options, Window window, CsvText csv) {
    this.seed = options.seed();
    this.window = window;
    this.csv = csv;
    int customers = options.customers();
    int months = window.months();
    // A fifth of the customers are the installed base, migrated on the first day of the window;
    // the rest arrive month by month at a rate that doubles over the window.
    this.baseCustomers = months == 1 ? customers : (int) Math.round(customers * 0.2);
    this.firstArrival = new int[months + 1];
    double total = 0;
    for (int m = 0; m < months; m++) {
      total += arrivalWeight(m, months);
    }
    double cumulative = 0;
    for (int m = 1; m <= months; m++) {
      cumulative += arrivalWeight(m - 1, months);
      firstArrival[m] = baseCustomers + (int) Math.round((customers - baseCustomers) * cumulative / total);
    }
    firstArrival[months] = customers;
  }

  private static double arrivalWeight(int month, int months) {
    return months == 1 ? 1 : 1 + (double) month / (months - 1);
  }

  long subscriptionRows() {
    return subscriptionRows;
  }

  long healthRows() {
    return healthRows;
  }

  /** Simulates customer {@code index} (0-based) and appends its rows to the three buffers. */
  void simulate(int index, StringBuilder subscriptions, StringBuilder customers, StringBuilder scores) {
    rng = new SplittableRandom(mix64(seed ^ mix64(index + 0x632BE59BD9B4E019L)));
    number = index + 1;
    lines.clear();
    rows.clear();
    sequence = 0;
    state = State.ACTIVE;
    reactivateMonth = NONE;
    resumeMonth = NONE;

    drawProfile();
    writeCustomer(customers);

    boolean base = index < baseCustomers;
    int month = arrivalMonth(index);
    int firstDay = base ? window.start(0) : window.start(month) + rng.nextInt(window.length(month));
    priorTenure = base ? rng.nextInt(37) : 0;
    if (start(firstDay, base)) {
      for (int m = paidMonth + 1; m < window.months(); m++) {
        step(m, scores);
      }
    }
    writeRows(subscriptions);
  }

  private int arrivalMonth(int index) {
    int low = 0;
    int high = window.months() - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (firstArrival[mid] <= index) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  // ----------------------------------------------------------------------------------- profile

  private void drawProfile() {
    double c = rng.nextDouble();
    channel = c < 0.45 ? Channel.SELF_SERVE : c < 0.85 ? Channel.SALES : Channel.PARTNER;
    double r = rng.nextDouble();
    region = r < 0.45 ? "NA" : r < 0.75 ? "EMEA" : r < 0.92 ? "APAC" : "LATAM";
    currency = "USD";
    currencyFactor = 1;
    if (region.equals("EMEA")) {
      double e = rng.nextDouble();
      if (e < 0.55) {
        currency = "EUR";
        currencyFactor = 0.92;
      } else if (e < 0.85) {
        currency = "GBP";
        currencyFactor = 0.79;
      }
    }
    discountPercent = switch (channel) {
      case SELF_SERVE -> 0;
      case SALES -> 5 * rng.nextInt(5);
      case PARTNER -> 10 + 5 * rng.nextInt(3);
    };
    preferredForm = drawForm();
    explicitStyle = rng.nextDouble() < 0.3;
    double st = rng.nextDouble();
    style = st < 0.5 ? Style.CHANGE_LOG : st < 0.82 ? Style.CLOSED : Style.BILLING_PERIODS;
    double adjust = channel == Channel.SALES ? 3 : channel == Channel.SELF_SERVE ? -2 : 0;
    healthBase = clamp(70 + adjust + 12 * normal(), 20, 97);
    health = clamp(healthBase + 5 * normal(), 1, 99);
  }

  private PriceForm drawForm() {
    double f = rng.nextDouble();
    switch (channel) {
      case SELF_SERVE:
        return f < 0.35 ? PriceForm.MRR : f < 0.65 ? PriceForm.MONTH : f < 0.70 ? PriceForm.P1M
            : f < 0.90 ? PriceForm.YEAR : PriceForm.ARR;
      case SALES:
        return f < 0.40 ? PriceForm.ARR : f < 0.60 ? PriceForm.YEAR : f < 0.68 ? PriceForm.P1Y
            : f < 0.78 ? PriceForm.QUARTER : f < 0.83 ? PriceForm.TWO_YEARS : f < 0.85 ? PriceForm.P2Y
            : f < 0.90 ? PriceForm.THREE_YEARS : f < 0.92 ? PriceForm.P3Y : f < 0.96 ? PriceForm.HALF_YEAR
            : f < 0.98 ? PriceForm.P6M : PriceForm.MRR;
      default:
        return f < 0.35 ? PriceForm.QUARTER : f < 0.45 ? PriceForm.P3M : f < 0.60 ? PriceForm.HALF_YEAR
            : f < 0.65 ? PriceForm.P6M : f < 0.90 ? PriceForm.ARR : PriceForm.YEAR;
    }
  }

  private void writeCustomer(StringBuilder out) {
    CsvText.customerId(out, number);
    out.append(',');
    StringBuilder name = new StringBuilder(40);
    name.append(pick(NAME_FIRST)).append(' ').append(pick(NAME_SECOND));
    double n = rng.nextDouble();
    if (n < 0.05) {
      name.append(", Inc.");
    } else if (n < 0.06) {
      name.append(" d/b/a \"").append(pick(NAME_FIRST)).append('"');
    } else if (n < 0.80) {
      name.append(' ').append(pick(NAME_LEGAL));
    }
    CsvText.text(out, name.toString());
    out.append(',').append(channel.code).append(',').append(region).append(',');
    CsvText.text(out, pick(INDUSTRIES));
    out.append('\n');
  }

  // ------------------------------------------------------------------------------------ start

  /** Starts the customer: a trial, the first paid phases and add-ons. False when it never pays. */
  private boolean start(int firstDay, boolean base) {
    Line platform = line(Product.PLATFORM, null);
    platform.plan = initialPlatformPlan();
    platform.seats = initialSeats();
    platform.form = preferredForm;
    platform.unitAnnualCents = unitPrice(Product.PLATFORM, platform.plan);

    int paidStart = firstDay;
    if (!base && channel == Channel.SELF_SERVE && chance(0.45)) {
      addRow(platform, firstDay, firstDay, PhaseStatus.TRIAL, 0);
      paidStart = firstDay + (chance(0.5) ? 14 : 30);
      if (paidStart >= window.end()) {
        return false; // still trialling when the data ends
      }
      if (chance(0.3)) {
        endLine(platform, paidStart, NONE); // never converted
        return false;
      }
    }
    int signed = paidStart;
    if (!base && channel != Channel.SELF_SERVE && chance(0.6)) {
      signed = paidStart - 7 - rng.nextInt(39); // contracted ahead of the go-live
    }
    paidMonth = window.monthOf(paidStart);
    anchorDay = base ? 1 + rng.nextInt(28) : LocalDate.ofEpochDay(paidStart).getDayOfMonth();
    addRow(platform, paidStart, signed, PhaseStatus.ACTIVE, platform.priceCents());
    if (!base && channel == Channel.SALES && chance(0.18)) {
      ramp(platform, paidStart, signed);
    }
    if (channel == Channel.SALES && chance(0.04)) {
      Line second = line(Product.PLATFORM, "platform-2");
      second.plan = Math.max(0, platform.plan - rng.nextInt(2));
      second.seats = Math.max(5, platform.seats / 3);
      second.form = preferredForm;
      second.unitAnnualCents = unitPrice(Product.PLATFORM, second.plan);
      addRow(second, paidStart, signed, PhaseStatus.ACTIVE, second.priceCents());
    }
    for (Product product : Product.ADD_ONS) {
      if (chance(initialAddOnChance(product))) {
        startAddOn(line(product, null), paidStart, signed);
      }
    }
    if (channel != Channel.SELF_SERVE && chance(channel == Channel.SALES ? 0.5 : 0.3)) {
      long fee = (25 + rng.nextInt(126)) * 100_00L;
      addLooseRow("services", "Onboarding", fee, paidStart, signed, PhaseKind.ONE_TIME);
    }
    return true;
  }

  private int initialPlatformPlan() {
    double p = rng.nextDouble();
    return switch (channel) {
      case SELF_SERVE -> p < 0.45 ? 0 : p < 0.90 ? 1 : 2;
      case SALES -> p < 0.30 ? 1 : p < 0.75 ? 2 : 3;
      case PARTNER -> p < 0.15 ? 0 : p < 0.65 ? 1 : p < 0.95 ? 2 : 3;
    };
  }

  private int initialSeats() {
    double seats = switch (channel) {
      case SELF_SERVE -> 2 - 6 * StrictMath.log(1 - rng.nextDouble());
      case SALES -> StrictMath.exp(3.8 + 0.8 * normal());
      case PARTNER -> StrictMath.exp(3.0 + 0.7 * normal());
    };
    return (int) clamp(Math.round(seats), 1, 5_000);
  }

  /** Chance of each add-on at the start, by channel (self-serve, sales, partner). */
  private double initialAddOnChance(Product product) {
    double[] byChannel = switch (product) {
      case ANALYTICS -> ANALYTICS_AT_START;
      case SECURITY -> SECURITY_AT_START;
      case STORAGE -> STORAGE_AT_START;
      case SUPPORT -> SUPPORT_AT_START;
      case API -> API_AT_START;
      case PLATFORM -> throw new IllegalArgumentException("platform is not an add-on");
    };
    return byChannel[channel.ordinal()];
  }

  /** A ramp: one to three further steps signed together with the first, 6 or 12 months apart. */
  private void ramp(Line line, int start, int signed) {
    double s = rng.nextDouble();
    int steps = s < 0.4 ? 1 : s < 0.85 ? 2 : 3;
    int spacing = chance(0.5) ? 6 : 12;
    LocalDate first = LocalDate.ofEpochDay(start);
    for (int k = 1; k <= steps; k++) {
      int day = (int) first.plusMonths((long) k * spacing).toEpochDay();
      if (day >= window.end()) {
        break;
      }
      line.seats = (int) Math.round(line.seats * (1.25 + 0.35 * rng.nextDouble()));
      if (k == steps && line.plan < line.product.planCount() - 1 && chance(0.5)) {
        line.plan++;
        line.unitAnnualCents = Math.max(unitPrice(line.product, line.plan), line.unitAnnualCents);
      }
      addRow(line, day, signed, PhaseStatus.ACTIVE, line.priceCents());
      line.lockedUntil = day;
    }
  }

  /** Starts an add-on line; analytics sometimes begins with a free quarter (a zero-price phase). */
  private void startAddOn(Line line, int start, int signed) {
    Product product = line.product;
    line.plan = product.planCount() > 1 && chance(0.25) ? 1 : 0;
    line.seats = product.perSeat() ? Math.max(1, (int) Math.round(platformSeats() * (0.1 + 0.2 * rng.nextDouble()))) : 0;
    line.form = chance(0.75) ? preferredForm : drawForm();
    line.unitAnnualCents = unitPrice(product, line.plan) * (product == Product.API ? 1 + rng.nextInt(4) : 1);
    if (product == Product.ANALYTICS && chance(0.2)) {
      addRow(line, start, signed, PhaseStatus.ACTIVE, 0);
      int paid = (int) LocalDate.ofEpochDay(start).plusMonths(3).toEpochDay();
      if (paid < window.end()) {
        addRow(line, paid, signed, PhaseStatus.ACTIVE, line.priceCents());
        line.lockedUntil = paid;
      }
      return;
    }
    addRow(line, start, signed, PhaseStatus.ACTIVE, line.priceCents());
  }

  private int platformSeats() {
    int seats = 0;
    for (Line line : lines) {
      if (line.product == Product.PLATFORM && line.open) {
        seats += line.seats;
      }
    }
    return Math.max(seats, 1);
  }

  // ------------------------------------------------------------------------------------ months

  private void step(int m, StringBuilder healthOut) {
    int tenure = priorTenure + m - paidMonth;
    health = clamp(health + 0.25 * (healthBase - health) + 6 * normal(), 1, 99);
    if (state != State.CHURNED && chance(0.88)) {
      writeHealth(healthOut, window.start(m) + rng.nextInt(5));
    }
    if (state == State.CHURNED) {
      if (m == reactivateMonth) {
        reactivate(m);
      }
      return;
    }
    if (state == State.SUSPENDED) {
      if (m == resumeMonth) {
        resumeOrEnd(m);
      }
      return;
    }
    overage(m);
    boolean committed = false;
    for (Line line : lines) {
      committed |= line.open && line.lockedUntil >= window.start(m);
    }
    if (!committed && chance(churnChance())) {
      if (churn(m)) {
        return;
      }
    }
    if (!committed && channel == Channel.SELF_SERVE && chance(0.005)) {
      if (suspend(m)) {
        return;
      }
    }
    if (tenure > 0 && tenure % 12 == 0) {
      renew(m);
    }
    if (chance(expansionChance(tenure)) && expand(m)) {
      health = Math.min(99, health + 2);
    }
    if (chance(contractionChance())) {
      contract(m);
    }
    if (channel == Channel.SELF_SERVE && chance(0.08)) {
      if (chance(0.5)) {
        seatsUp(m);
      } else {
        seatsDown(m);
      }
    }
  }

  private double churnChance() {
    double byHealth = health < 45 ? 0.07 : health < 60 ? 0.035 : health < 75 ? 0.015 : 0.006;
    double byChannel = channel == Channel.SELF_SERVE ? 1.3 : channel == Channel.SALES ? 0.55 : 0.85;
    return byHealth * byChannel;
  }

  private double expansionChance(int tenure) {
    double byTenure = tenure < 3 ? 0.008 : tenure < 7 ? 0.02 : tenure <= 24 ? 0.045 : 0.03;
    double byHealth = clamp(health * health * health / (70.0 * 70.0 * 70.0), 0.15, 2.2);
    return byTenure * byHealth;
  }

  private double contractionChance() {
    return 0.012 * (health < 60 ? 2.5 : health < 75 ? 1.2 : 0.6);
  }

  private boolean expand(int m) {
    double r = rng.nextDouble();
    boolean done;
    if (r < 0.35) {
      done = seatsUp(m);
    } else if (r < 0.65) {
      done = tierUp(m);
    } else if (r < 0.90) {
      done = crossSell(m);
    } else {
      done = commitUp(m);
    }
    return done || seatsUp(m);
  }

  private void contract(int m) {
    double r = rng.nextDouble();
    boolean done;
    if (r < 0.5) {
      done = seatsDown(m);
    } else if (r < 0.7) {
      done = tierDown(m);
    } else {
      done = productChurn(m);
    }
    if (!done) {
      seatsDown(m);
    }
  }

  private boolean seatsUp(int m) {
    Line line = pickLine(l -> l.product.perSeat(), true);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    line.seats += channel == Channel.SELF_SERVE ? 1 + rng.nextInt(3)
        : Math.max(1, (int) Math.round(line.seats * (0.1 + 0.3 * rng.nextDouble())));
    addRow(line, day, changeSigned(line, day, 0.12, 0.15), PhaseStatus.ACTIVE, line.priceCents());
    return true;
  }

  private boolean seatsDown(int m) {
    Line line = pickLine(l -> l.product.perSeat() && l.seats > 1, true);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    int less = channel == Channel.SELF_SERVE ? 1 + rng.nextInt(2)
        : Math.max(1, (int) Math.round(line.seats * (0.05 + 0.25 * rng.nextDouble())));
    line.seats = Math.max(1, line.seats - less);
    addRow(line, day, changeSigned(line, day, 0.08, 0.1), PhaseStatus.ACTIVE, line.priceCents());
    return true;
  }

  private boolean tierUp(int m) {
    Line line = pickLine(l -> l.plan < l.product.planCount() - 1, chance(0.6));
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    line.plan++;
    line.unitAnnualCents = Math.max(unitPrice(line.product, line.plan),
        roundTo12(line.unitAnnualCents * 1.15));
    if (line.product.perSeat() && chance(0.3)) {
      line.seats += Math.max(1, line.seats / 10);
    }
    addRow(line, day, changeSigned(line, day, 0.05, 0.2), PhaseStatus.ACTIVE, line.priceCents());
    return true;
  }

  private boolean tierDown(int m) {
    Line line = pickLine(l -> l.plan > 0, false);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    line.plan--;
    long lower = unitPrice(line.product, line.plan);
    line.unitAnnualCents = lower < line.unitAnnualCents ? lower : roundTo12(line.unitAnnualCents * 0.8);
    addRow(line, day, changeSigned(line, day, 0.05, 0.1), PhaseStatus.ACTIVE, line.priceCents());
    return true;
  }

  /** A product the customer does not hold; sometimes, for sales customers, a second platform line. */
  private boolean crossSell(int m) {
    List<Product> candidates = new ArrayList<>();
    for (Product product : Product.ADD_ONS) {
      if (!isOpen(product, null)) {
        candidates.add(product);
      }
    }
    String lineId = null;
    if (channel == Channel.SALES && chance(0.1) && !isOpen(Product.PLATFORM, "platform-2")) {
      candidates.clear();
      candidates.add(Product.PLATFORM);
      lineId = "platform-2";
    }
    if (candidates.isEmpty()) {
      return false;
    }
    Line line = line(candidates.get(rng.nextInt(candidates.size())), lineId);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    int signed = changeSigned(line, day, 0.05, 0.25);
    if (line.product == Product.PLATFORM) {
      line.plan = line(Product.PLATFORM, null).plan;
      line.seats = Math.max(5, platformSeats() / 4);
      line.form = preferredForm;
      line.unitAnnualCents = unitPrice(Product.PLATFORM, line.plan);
      addRow(line, day, signed, PhaseStatus.ACTIVE, line.priceCents());
    } else {
      startAddOn(line, day, signed);
    }
    return true;
  }

  /** A larger usage commitment: a price-only increase of the committed-usage line. */
  private boolean commitUp(int m) {
    Line line = pickLine(l -> l.product == Product.API, false);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    line.unitAnnualCents += unitPrice(Product.API, 0) * (1 + rng.nextInt(2));
    addRow(line, day, changeSigned(line, day, 0.05, 0.3), PhaseStatus.ACTIVE, line.priceCents());
    return true;
  }

  /** Ends one add-on (or a second platform line) while the customer keeps its other lines. */
  private boolean productChurn(int m) {
    int active = 0;
    for (Line line : lines) {
      active += line.activeNow() ? 1 : 0;
    }
    if (active < 2) {
      return false;
    }
    Line line = pickLine(l -> l.product != Product.PLATFORM || l.lineId != null, false);
    int day = changeDay(line, m);
    if (day == NONE) {
      return false;
    }
    int notice = chance(0.35) ? day - 10 - rng.nextInt(51) : NONE;
    endLine(line, day, notice);
    return true;
  }

  /**
   * At each contract anniversary every line starts a new term (a new phase): most at unchanged
   * terms, about a third at an uplifted price, a few at a discount or in another billing form;
   * some add-ons move to the plan above (8%) or, when on a higher plan, to the plan below (10%).
   */
  private void renew(int m) {
    int day = window.start(m) + Math.min(anchorDay, window.length(m)) - 1;
    for (Line line : lines) {
      if (!line.activeNow() || day < line.minNextStart || line.last().priceCents == 0) {
        continue;
      }
      boolean reprice = chance(0.3);
      boolean switchForm = chance(0.06);
      boolean addOn = line.product != Product.PLATFORM;
      if (addOn && line.plan < line.product.planCount() - 1 && chance(0.08)) {
        line.plan++;
        line.unitAnnualCents = Math.max(unitPrice(line.product, line.plan),
            roundTo12(line.unitAnnualCents * 1.15));
        reprice = false;
      } else if (addOn && line.plan > 0 && chance(0.1)) {
        line.plan--;
        long lower = unitPrice(line.product, line.plan);
        line.unitAnnualCents = lower < line.unitAnnualCents ? lower : roundTo12(line.unitAnnualCents * 0.8);
        reprice = false;
      }
      if (reprice) {
        int percent = UPLIFT_PERCENTS[rng.nextInt(UPLIFT_PERCENTS.length)];
        if (channel != Channel.SELF_SERVE && chance(0.1)) {
          percent = chance(0.5) ? -5 : -10; // a discount to keep the customer
        }
        line.unitAnnualCents = roundTo12(line.unitAnnualCents * (100 + percent) / 100.0);
      }
      if (switchForm) {
        PriceForm next = drawForm();
        line.form = next.months() == 36 ? PriceForm.YEAR : next;
      }
      int signed = channel == Channel.SELF_SERVE ? day : aheadOf(line, day, 15 + rng.nextInt(31));
      addRow(line, day, signed, PhaseStatus.ACTIVE, line.priceCents());
    }
  }

  private void overage(int m) {
    Line api = find(Product.API, null);
    if (api != null && api.activeNow() && chance(0.6)) {
      long charge = 2_000 + rng.nextInt(198_000);
      // Usage billed for the month, dated on its first day. No end date, like one-time fees: these
      // rows belong to no line, and an end in the month after the window would stretch reports.
      addLooseRow("api", null, charge, window.start(m), window.start(m), PhaseKind.OVERAGE);
    }
  }

  /** Cancels every line (with notice for contract customers); some come back months later. */
  private boolean churn(int m) {
    int day = window.start(m) + rng.nextInt(window.length(m));
    for (Line line : lines) {
      if (line.open) {
        day = Math.max(day, line.minNextStart);
      }
    }
    if (day >= window.start(m + 1)) {
      return false;
    }
    int notice = channel != Channel.SELF_SERVE && chance(0.6) ? day - 30 - rng.nextInt(61) : NONE;
    Line platform = line(Product.PLATFORM, null);
    boolean readOnly = false;
    for (Line line : lines) {
      if (line.open) {
        readOnly |= line == platform;
        endLine(line, day, notice);
      }
    }
    state = State.CHURNED;
    int back = m + 3 + rng.nextInt(10);
    if (chance(0.12) && back < window.months()) {
      reactivateMonth = back;
    } else if (readOnly && channel != Channel.SELF_SERVE && chance(0.3)) {
      int until = day + 30 + rng.nextInt(61);
      int signed = platform.last().cancelSigned != NONE ? platform.last().cancelSigned : day;
      addRow(platform, day, signed, PhaseStatus.READ_ONLY, 0);
      if (until < window.end()) {
        endLine(platform, until, NONE);
      }
    }
    return true;
  }

  /**
   * A random day of month {@code m} on which every open line may take a new phase, or {@link
   * #NONE} when the month has no such day left.
   */
  private int dayForEveryOpenLine(int m) {
    int day = window.start(m) + rng.nextInt(window.length(m));
    for (Line line : lines) {
      if (line.open) {
        day = Math.max(day, line.minNextStart);
      }
    }
    return day >= window.start(m + 1) ? NONE : day;
  }

  /** A payment failure: every line is suspended; a month later it resumes or ends. */
  private boolean suspend(int m) {
    int day = dayForEveryOpenLine(m);
    if (day == NONE) {
      return false;
    }
    for (Line line : lines) {
      if (line.open) {
        addRow(line, day, day, PhaseStatus.SUSPENDED, line.priceCents());
      }
    }
    state = State.SUSPENDED;
    resumeMonth = m + 1;
    return true;
  }

  private void resumeOrEnd(int m) {
    int day = dayForEveryOpenLine(m);
    if (day == NONE) {
      resumeMonth = m + 1;
      return;
    }
    boolean resume = chance(0.6);
    for (Line line : lines) {
      if (line.open) {
        if (resume) {
          addRow(line, day, day, PhaseStatus.ACTIVE, line.priceCents());
        } else {
          endLine(line, day, NONE);
        }
      }
    }
    state = resume ? State.ACTIVE : State.CHURNED;
  }

  /** A churned customer signs again: a new platform phase on its old line. */
  private void reactivate(int m) {
    Line platform = line(Product.PLATFORM, null);
    int day = Math.max(window.start(m) + rng.nextInt(window.length(m)), platform.minNextStart);
    if (day >= window.start(m + 1)) {
      reactivateMonth = m + 1;
      return;
    }
    platform.plan = (int) clamp(platform.plan + rng.nextInt(3) - 1, 0, Product.PLATFORM.planCount() - 1);
    platform.seats = Math.max(1, (int) Math.round(platform.seats * (0.6 + 0.6 * rng.nextDouble())));
    platform.unitAnnualCents = unitPrice(Product.PLATFORM, platform.plan);
    int signed = channel != Channel.SELF_SERVE && chance(0.5) ? aheadOf(platform, day, 5 + rng.nextInt(20)) : day;
    addRow(platform, day, signed, PhaseStatus.ACTIVE, platform.priceCents());
    state = State.ACTIVE;
    health = healthBase;
  }

  // ------------------------------------------------------------------------------------ helpers

  /** The customer's line of a product ({@code lineId} null: the default line), created if new. */
  private Line line(Product product, String lineId) {
    Line line = find(product, lineId);
    if (line == null) {
      line = new Line(product, lineId);
      lines.add(line);
    }
    return line;
  }

  private Line find(Product product, String lineId) {
    for (Line line : lines) {
      if (line.product == product && Objects.equals(line.lineId, lineId)) {
        return line;
      }
    }
    return null;
  }

  private boolean isOpen(Product product, String lineId) {
    Line line = find(product, lineId);
    return line != null && line.open;
  }

  /** An active line matching the filter, preferring the primary platform line when asked. */
  private Line pickLine(Predicate<Line> filter, boolean preferPlatform) {
    Line platform = null;
    int count = 0;
    for (Line line : lines) {
      if (line.activeNow() && filter.test(line)) {
        count++;
        if (line.product == Product.PLATFORM && line.lineId == null) {
          platform = line;
        }
      }
    }
    if (count == 0) {
      return null;
    }
    if (platform != null && preferPlatform && chance(0.8)) {
      return platform;
    }
    int chosen = rng.nextInt(count);
    for (Line line : lines) {
      if (line.activeNow() && filter.test(line) && chosen-- == 0) {
        return line;
      }
    }
    throw new AssertionError("unreachable");
  }

  /** A day in month m on which the line may change, or NONE when it cannot change this month. */
  private int changeDay(Line line, int m) {
    if (line == null) {
      return NONE;
    }
    int day = Math.max(window.start(m) + rng.nextInt(window.length(m)), line.minNextStart);
    return day < window.start(m + 1) ? day : NONE;
  }

  /** Signed on the day, or some days after it (backdated), or some days before it (ahead). */
  private int changeSigned(Line line, int day, double backdated, double ahead) {
    double r = rng.nextDouble();
    if (r < backdated) {
      int signed = day + 3 + rng.nextInt(23);
      return signed < window.end() ? signed : day;
    }
    if (r < backdated + ahead) {
      return aheadOf(line, day, 5 + rng.nextInt(26));
    }
    return day;
  }

  /**
   * A signing day {@code days} before {@code day}, but after the start and signing of the line's
   * current phase: a change agreed before the current phase began would make it a ramp step.
   */
  private int aheadOf(Line line, int day, int days) {
    int signed = day - days;
    if (!line.rows.isEmpty()) {
      signed = Math.max(signed, Math.max(line.last().start + 1, line.last().signed));
    }
    return Math.min(signed, day);
  }

  private void addRow(Line line, int start, int signed, PhaseStatus status, long priceCents) {
    if (start < line.minNextStart || start >= window.end()) {
      throw new IllegalStateException("row of " + line.product + " starting " + start
          + " would overlap or leave the window");
    }
    PhaseKind kind = line.product == Product.API ? PhaseKind.COMMITTED_USAGE : PhaseKind.RECURRING;
    Row row = new Row(sequence++, line, line.product.code(), line.product.plan(line.plan),
        line.plan + 1, line.product.perSeat() ? line.seats : 0, priceCents, line.form, start, signed,
        status, kind);
    line.rows.add(row);
    line.open = true;
    line.minNextStart = start + 1;
    rows.add(row);
  }

  /** An overage or one-time row: it belongs to no line and has no end. */
  private void addLooseRow(String product, String plan, long cents, int start, int signed,
      PhaseKind kind) {
    rows.add(new Row(sequence++, null, product, plan, 0, 0, cents, PriceForm.MONTH, start, signed,
        PhaseStatus.ACTIVE, kind));
  }

  private void endLine(Line line, int day, int notice) {
    Row last = line.last();
    if (day <= last.start) {
      throw new IllegalStateException("ending on " + day + " before the phase starting " + last.start);
    }
    last.end = day;
    if (notice != NONE) {
      int cancel = Math.max(notice, Math.max(last.signed, last.start));
      last.cancelSigned = cancel < day ? cancel : NONE;
    }
    line.open = false;
    line.minNextStart = day;
  }

  private long unitPrice(Product product, int plan) {
    double local = product.listPriceUsd(plan) * currencyFactor * (100 - discountPercent) / 100.0;
    return Math.max(1, Math.round(local / 12.0)) * 12 * 100;
  }

  private static long roundTo12(double cents) {
    return Math.max(12, Math.round(cents / 12.0) * 12);
  }

  private boolean chance(double p) {
    return rng.nextDouble() < p;
  }

  /** An approximately standard normal draw: the centred sum of four uniforms, scaled. */
  private double normal() {
    double sum = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
    return (sum - 2) * 1.7320508075688772;
  }

  private <T> T pick(T[] values) {
    return values[rng.nextInt(values.length)];
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }

  /** Stafford's mix 13: decorrelates the seeds of neighbouring customers. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ------------------------------------------------------------------------------------ output

  private void writeHealth(StringBuilder out, int day) {
    CsvText.customerId(out, number);
    out.append(',');
    csv.date(out, day);
    out.append(',').append(Math.round(health)).append('\n');
    healthRows++;
  }

  private void writeRows(StringBuilder out) {
    if (style != Style.CHANGE_LOG) {
      // Closed style: every phase followed by another of its line ends where that one starts.
      for (Line line : lines) {
        for (int i = 0; i + 1 < line.rows.size(); i++) {
          Row row = line.rows.get(i);
          if (row.end == NONE) {
            row.end = line.rows.get(i + 1).start;
          }
        }
      }
    }
    if (style == Style.BILLING_PERIODS) {
      splitIntoBillingPeriods();
    }
    rows.sort(FILE_ORDER);
    for (Row row : rows) {
      writeRow(out, row);
    }
    subscriptionRows += rows.size();
  }

  /**
   * Replaces each paid phase billed monthly or quarterly by one row per billing period, counted
   * from the phase's start; the last period keeps the phase's own end (or none).
   */
  private void splitIntoBillingPeriods() {
    List<Row> split = new ArrayList<>(rows.size() * 4);
    for (Row row : rows) {
      if (row.line == null || row.status != PhaseStatus.ACTIVE || row.priceCents == 0
          || row.form.months() > 3) {
        split.add(row);
        continue;
      }
      // Every period keeps the phase's signing day: one contract, billed period by period.
      int end = row.end == NONE ? window.end() : row.end;
      LocalDate first = LocalDate.ofEpochDay(row.start);
      int pieceStart = row.start;
      for (int k = 1; ; k++) {
        int next = (int) first.plusMonths((long) k * row.form.months()).toEpochDay();
        if (next >= end) {
          break;
        }
        split.add(row.piece(pieceStart, next, NONE));
        pieceStart = next;
      }
      split.add(row.piece(pieceStart, row.end, row.cancelSigned));
    }
    rows.clear();
    rows.addAll(split);
  }

  private void writeRow(StringBuilder out, Row row) {
    Line line = row.line;
    Product product = line == null ? null : line.product;
    CsvText.customerId(out, number);
    out.append(',');
    if (line != null && line.lineId != null) {
      out.append(line.lineId);
    } else if (line != null && explicitStyle) {
      out.append(row.product);
    }
    out.append(',').append(row.product).append(',');
    if (row.plan != null) {
      CsvText.text(out, row.plan);
    }
    out.append(',');
    if (product != null && (product.tierSource() == Product.TierSource.TIER_COLUMN
        || (explicitStyle && product.tierSource() == Product.TierSource.PLANS_FILE))) {
      out.append(row.tier);
    }
    out.append(',');
    if (product != null && product.perSeat()) {
      out.append(row.seats);
    } else if (explicitStyle) {
      out.append('0');
    }
    out.append(',');
    long price = row.priceCents; // in the row's own form
    switch (row.form.column()) {
      case "arr" -> {
        CsvText.cents(out, price);
        out.append(",,,");
      }
      case "mrr" -> {
        out.append(',');
        CsvText.cents(out, price);
        out.append(",,");
      }
      default -> {
        out.append(",,");
        CsvText.cents(out, price);
        out.append(',').append(row.form.period());
      }
    }
    out.append(',');
    if (explicitStyle || !"USD".equals(currency)) {
      out.append(currency);
    }
    out.append(',');
    csv.date(out, row.start);
    out.append(',');
    if (row.end != NONE) {
      csv.date(out, row.end);
    }
    out.append(',');
    if (explicitStyle || row.signed != row.start) {
      csv.date(out, row.signed);
    }
    out.append(',');
    if (row.cancelSigned != NONE) {
      csv.date(out, row.cancelSigned);
    }
    out.append(',');
    if (explicitStyle || row.status != PhaseStatus.ACTIVE) {
      out.append(row.status.code());
    }
    out.append(',');
    if (explicitStyle || row.kind != PhaseKind.RECURRING) {
      out.append(row.kind.code());
    }
    out.append('\n');
  }
}
